package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.WaitForSelectorState;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Broken, unknown and too-large links in a real browser: a readable page inside the app, never a blank one. */
class HostileLinksIT extends BrowserTestBase {

    @Test
    void aBrokenEscapeInTheQueryOpensTheBrokenLinkPanel() {
        page.navigate(url("/?s=1.abc%%%zz"));
        page.waitForSelector("#broken-link");
        assertThat(page.locator("#broken-detail").innerText()).contains("cannot appear in a share code");
        assertThat(page.locator("#language-switch").count()).isEqualTo(1); // inside the app layout
        screenshot("hostile-broken-query");
    }

    @Test
    void aTruncatedShareCodeIsExplainedAsCutOff() {
        new PlaygroundPage(page).open(url("/?preset=s1-stability-edge"));
        String code = new PlaygroundPage(page).shareCode();
        // "1." and a body of 4k + 1 characters, a length a base64 decoder refuses: still only "cut off"
        int body = code.length() - 2;
        int keep = body - (body - 1) % 4 - ((body - 1) % 4 == 0 ? 4 : 0);
        String cut = code.substring(0, 2 + keep);
        page.navigate(url("/?s=" + cut));
        page.waitForSelector("#broken-link");
        assertThat(page.locator("#broken-detail").innerText()).contains("cut off").doesNotContain("cannot appear");
    }

    @Test
    void aBrokenPathAndAnUnknownPathGetPagesInsideTheApp() {
        page.navigate(url("/about;x=%zz"));
        page.waitForSelector("#broken-address");
        assertThat(page.locator("#broken-address-detail").innerText()).contains("broken part");
        screenshot("hostile-broken-path");
        page.navigate(url("/no-such-page"));
        page.waitForSelector("#not-found");
        assertThat(page.locator("#not-found").innerText()).contains("There is no page here");
        assertThat(page.locator("#language-switch").count()).isEqualTo(1);
        page.locator("#not-found-fresh").click();
        new PlaygroundPage(page).waitUntilReady();
    }

    @Test
    void anExperimentTooLargeForALinkSaysSoInsteadOfIssuingABrokenLink() {
        // ~1,190 explicit eigenvalues: a code just under the cap; one more run pushes it over
        Random r = new Random(3);
        List<Double> eig = new ArrayList<>();
        for (int i = 0; i < 1186; i++) {
            eig.add(Math.round((0.5 + 9.5 * r.nextDouble()) * 1e5) / 1e5);
        }
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("steps", 10);
        run.put("optimizer", Map.of("type", "sgd", "lr", 0.01));
        String code;
        try (ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 10_000)) {
            code = service.shareCode(Map.of("landscape", Map.of("type", "quadratic", "eigenvalues", eig),
                    "runs", List.of(run)));
        }
        new PlaygroundPage(page).open(url("/?s=" + code));
        page.locator("#run-duplicate").click();
        page.waitForFunction("() => !location.search.includes('s=')");
        page.waitForSelector("vaadin-notification-card", new com.microsoft.playwright.Page.WaitForSelectorOptions()
                .setState(WaitForSelectorState.ATTACHED));
        assertThat(page.locator("vaadin-notification-card").last().innerText()).contains("too large for a link");
        assertThat(page.locator("#btn-copy-link").isDisabled()).isTrue();
        screenshot("hostile-too-large");
    }
}
