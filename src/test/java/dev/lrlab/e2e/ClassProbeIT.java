package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The dashboard page as a prober sees it: an unknown class, a wrong secret and no secret read the
 * same, every wrong one costs the network a guess, and once they are used up even the right link
 * says "try again later" instead of opening (so the answer reveals nothing while limited).
 */
@TestPropertySource(properties = "lrlab.classes.guesses-per-minute=3")
class ClassProbeIT extends BrowserTestBase {

    String deniedText(String path) {
        page.navigate(url(path));
        page.waitForSelector("#class-denied");
        return page.locator("#class-denied").innerText();
    }

    @Test
    void anUnknownClassAndAWrongSecretReadTheSameAndAreCountedAsGuesses() throws Exception {
        JsonNode c = new ObjectMapper().readTree(page.request().post(url("/api/classes"), RequestOptions.create())
                .text());
        String code = c.get("code").asText();
        String secret = c.get("secret").asText();
        String other = code.startsWith("ZZZ") ? "YYYYYY" : "ZZZZZZ";

        String unknown = deniedText("/class/teach/" + other + "?k=" + secret);
        String wrong = deniedText("/class/teach/" + code + "?k=" + secret + "x");
        String missing = deniedText("/class/teach/" + code);
        String projector = deniedText("/class/" + code + "/projector?k=wrong");
        assertThat(unknown).isEqualTo(wrong).isEqualTo(missing).isEqualTo(projector)
                .contains("This instructor link does not open a class").doesNotContain(code).doesNotContain(other);
        screenshotOf("#class-denied", "class-probe-denied");

        // three wrong links (unknown, wrong, projector) used up this network's three guesses
        String limited = deniedText("/class/teach/" + code + "?k=" + secret);
        assertThat(limited).contains("Too many unknown class codes or wrong links from this network. Try again in");
        assertThat(page.locator("#teach-phase").count()).isZero();
    }
}
