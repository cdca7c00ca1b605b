package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Presenter mode beyond the playground: Compare (toggle and {@code ?present=1}), the embed on a
 * slide ({@code /embed?s=…&present=1}) and a short link opened with {@code ?present=1}. Each shows
 * projector type on every landscape, folds the forms behind one button and keeps the mode in the
 * address.
 */
class PresentElsewhereIT extends BrowserTestBase {

    private static int textSize(Page p, String selector) {
        return ((Number) p.evaluate("s => document.querySelector(s).textSize", selector)).intValue();
    }

    private static double width(Page p, String selector) {
        return ((Number) p.evaluate("s => document.querySelector(s).getBoundingClientRect().width", selector)).doubleValue();
    }

    @Test
    void compareOnAProjectorShowsTwoLargeLandscapesARowAndFoldsTheForms() {
        page.setViewportSize(1280, 900);
        page.navigate(url("/compare?preset=cmp-s29-game-methods&present=1"));
        page.waitForFunction("() => document.querySelector('#compare')?.classList.contains('lr-presenting')");
        page.waitForFunction("() => document.querySelectorAll('lr-landscape').length === 4");
        page.waitForFunction("() => location.search.includes('present=1') && location.search.includes('c=')");
        for (int i = 0; i < 4; i++) {
            page.waitForFunction("s => document.querySelector(s)?.textSize >= 18", "#landscape-" + i);
        }
        // two panels a row, each landscape about square and much larger than a quarter of the page
        double w = width(page, "#landscape-0");
        assertThat(w).isGreaterThan(1280 * 0.4);
        double h = ((Number) page.evaluate("() => document.querySelector('#landscape-0').getBoundingClientRect().height"))
                .doubleValue();
        assertThat(h).isBetween(w * 0.9, w * 1.02);
        assertThat(page.locator("#add-panel").isVisible()).isFalse();
        assertThat(page.locator("#duplicate-0").isVisible()).isFalse();
        assertThat(page.locator("#panel-0 .lr-panel-editor").isVisible()).isFalse();
        page.locator("#btn-play").click();
        page.waitForFunction("() => document.querySelector('#landscape-3').pointCount(0) > 450"
                + " && document.querySelector('#btn-play').innerText.trim() === 'Run'", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        page.waitForTimeout(800);
        screenshotAll("present-compare-1280-en");

        // the forms unfold and fold again
        page.locator("#btn-forms").click();
        page.locator("#panel-0 .lr-panel-editor").waitFor();
        page.locator("#btn-forms").click();
        page.waitForFunction("() => getComputedStyle(document.querySelector('#panel-0 .lr-panel-editor')).display === 'none'");

        // leaving restores the desk and the normal sizes, and takes present=1 out of the address
        page.locator("#btn-present").click();
        page.waitForFunction("() => !location.search.includes('present=1')");
        page.locator("#add-panel").waitFor();
        page.waitForFunction("() => document.querySelector('#landscape-0').textSize === 11");
        assertThat(page.locator("#panel-0 .lr-panel-editor").isVisible()).isTrue();
        assertThat(width(page, "#landscape-0")).isLessThan(1280 * 0.3); // four a row again
    }

    @Test
    void anEmbedOnASlideAndAShortLinkOpenInPresenterMode() throws Exception {
        BrowserContext phone = newContext(new NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        try {
            Page p = phone.newPage();
            p.setDefaultTimeout(20_000);
            PlaygroundPage playground = new PlaygroundPage(p).open(url("/?preset=s26-flat-vs-sharp"));
            p.waitForFunction("() => location.search.includes('s=')");
            String code = playground.shareCode();

            p.navigate(url("/embed?s=" + code + "&present=1"));
            p.waitForFunction("() => document.querySelector('#embed')?.classList.contains('lr-presenting')");
            p.waitForFunction("() => document.querySelector('#landscape')?.textSize >= 18");
            assertThat(p.locator(".lr-side").isVisible()).isFalse();
            assertThat(p.locator("#btn-forms").innerText()).contains("实验设置");
            assertThat(p.locator("#embed-open").getAttribute("href")).contains("present=1");
            assertThat(width(p, "#landscape")).isGreaterThan(390 * 0.85);
            p.locator("#btn-play").click();
            // finished: both paths drawn to their end (1000 steps) and the controls idle again
            p.waitForFunction("() => document.querySelector('#landscape').pointCount(1) > 900"
                    + " && document.querySelector('#btn-play').innerText.trim() === '运行'", null,
                    new Page.WaitForFunctionOptions().setTimeout(60_000));
            // the two minima labels are both inside the plot and clear of each other, or one is left out
            @SuppressWarnings("unchecked")
            java.util.List<java.util.Map<String, Number>> boxes = (java.util.List<java.util.Map<String, Number>>)
                    p.evaluate("() => document.querySelector('#landscape').minimaLabelBoxes().filter(b => b)");
            assertThat(boxes).isNotEmpty();
            for (int i = 0; i < boxes.size(); i++) {
                for (int j = i + 1; j < boxes.size(); j++) {
                    assertThat(apart(boxes.get(i), boxes.get(j))).as("labels " + i + " and " + j + " apart").isTrue();
                }
            }
            p.waitForTimeout(600);
            p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("present-embed-390-zh.png")));

            // a short link with present=1 opens the playground on the projector
            HttpClient http = HttpClient.newHttpClient();
            String created = http.send(HttpRequest.newBuilder(URI.create(url("/api/links")))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"landscape\":{\"type\":\"rosenbrock\"},"
                            + "\"runs\":[{\"label\":\"Adam\",\"steps\":50,\"optimizer\":{\"type\":\"adam\",\"lr\":0.05}}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            String id = created.replaceAll(".*\"id\":\"([0-9A-Za-z]+)\".*", "$1");
            p.navigate(url("/l/" + id + "?present=1"));
            p.waitForFunction("() => document.querySelector('.lr-playground')?.classList.contains('lr-presenting')");
            p.waitForFunction("() => document.querySelector('#landscape')?.textSize >= 18");
            p.waitForFunction("() => location.search.includes('present=1')");
        } finally {
            phone.close();
        }
    }

    private static boolean apart(java.util.Map<String, Number> a, java.util.Map<String, Number> b) {
        double ax = a.get("x").doubleValue(), ay = a.get("y").doubleValue(), aw = a.get("w").doubleValue(), ah = a.get("h").doubleValue();
        double bx = b.get("x").doubleValue(), by = b.get("y").doubleValue(), bw = b.get("w").doubleValue(), bh = b.get("h").doubleValue();
        return ax + aw <= bx || bx + bw <= ax || ay + ah <= by || by + bh <= ay;
    }
}
