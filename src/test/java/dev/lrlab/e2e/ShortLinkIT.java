package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** A short link made in the playground opens the identical experiment in a fresh browser. */
class ShortLinkIT extends BrowserTestBase {

    @Test
    void aShortLinkOpensTheSameExperimentInAFreshBrowserContext() {
        PlaygroundPage first = new PlaygroundPage(page).open(url("/"));
        page.waitForFunction("() => location.search.includes('s=')");
        String before = page.url();
        first.setLearningRate(0.05);
        page.waitForFunction("u => location.href !== u", before);
        String code = first.shareCode();

        page.locator("#btn-short-link").click();
        page.waitForSelector("#short-link-dialog");
        String shortUrl = page.locator("#short-link-url input").inputValue();
        assertThat(shortUrl).matches("http://localhost:" + port + "/l/[0-9A-Za-z]{10}");
        page.waitForTimeout(600); // let the notification finish fading in before the picture
        screenshot("short-link-dialog");
        System.out.println("link length: ?s= URL " + page.url().length() + " chars, short link " + shortUrl.length());
        page.locator("#btn-short-link-close").click();

        BrowserContext fresh = context.browser().newContext(new NewContextOptions().setViewportSize(1280, 800)
                .setLocale("en-US"));
        try {
            Page other = fresh.newPage();
            other.setDefaultTimeout(20_000);
            PlaygroundPage second = new PlaygroundPage(other).open(shortUrl);
            other.waitForFunction("() => location.search.includes('s=')");
            assertThat(second.shareCode()).isEqualTo(code);
            assertThat(other.locator("#optimizer-form vaadin-number-field[data-param='lr'] input").inputValue())
                    .isEqualTo("0.05");
            assertThat(other.locator("#readout-etaLambda").innerText().trim()).isEqualTo("0.5");
        } finally {
            fresh.close();
        }
    }

    @Test
    void theLinkPageCarriesOpenGraphTagsWithThePreviewInTheRequestsLanguage() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String created = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/api/links")))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"landscape\":{\"type\":\"rosenbrock\"},"
                        + "\"runs\":[{\"label\":\"Adam\",\"steps\":50,\"optimizer\":{\"type\":\"adam\",\"lr\":0.05}}]}"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        String id = created.replaceAll(".*\"id\":\"([0-9A-Za-z]+)\".*", "$1");
        String html = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/l/" + id)))
                .header("Accept-Language", "en-US").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(html).contains("<meta property=\"og:title\" content=\"An experiment in LR Lab\">")
                .contains("<meta property=\"og:image\" content=\"" + url("/api/links/" + id + "/preview.png") + "\">")
                .contains("<meta name=\"twitter:card\" content=\"summary_large_image\">")
                .contains("Landscape rosenbrock · 1 run: Adam.");
        String zh = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url("/l/" + id)))
                .header("Accept-Language", "zh-CN").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(zh).contains("content=\"LR Lab 中的一个实验\"").contains("损失曲面 rosenbrock · 1 个运行：Adam。");
        page.navigate(url("/api/links/" + id + "/preview.png"));
        screenshot("short-link-preview");
    }

    @Test
    void anUnknownShortLinkGetsTheFriendlyPageInBothLanguages() {
        page.navigate(url("/l/ZZZZZZZZZZ"));
        page.waitForSelector("#broken-link");
        assertThat(page.locator("#broken-link").innerText()).contains("This link does not open an experiment");
        assertThat(page.locator("#broken-detail").innerText()).isEqualTo("There is no short link \"ZZZZZZZZZZ\".");
        assertThat(page.content()).doesNotContain("Exception");
        screenshot("short-link-unknown");
        new PlaygroundPage(page).switchLanguage("简体中文");
        page.waitForFunction("() => document.querySelector('#broken-detail').innerText.includes('不存在短链接')");
        page.locator("#btn-fresh-start").click();
        new PlaygroundPage(page).waitUntilReady();
    }
}
