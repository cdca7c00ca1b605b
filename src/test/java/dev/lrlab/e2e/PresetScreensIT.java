package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The presets whose lesson needs a number beyond the loss curve, run to the end at 1280 px in
 * English and at 390 px in 简体中文, with a screenshot each: the number the card talks about
 * must be on the page (effective step S9, partial sums S23, sharpness and test loss S26/S27,
 * the game verdict S29).
 */
class PresetScreensIT extends BrowserTestBase {

    private static final String[] PRESETS = {"s1-stability-edge", "s9-adam-cycling-beta1", "s23-robbins-monro",
            "s26-flat-vs-sharp", "s27-model-doctor", "s29-bilinear-game"};

    @Test
    void eachPresetShowsItsNumberInEnglishAtDesktopWidth() {
        page.setViewportSize(1280, 900);
        for (String id : PRESETS) {
            runPreset(page, id);
            checkNumbers(page, id, false);
            page.setViewportSize(1280, 2600);
            screenshot("preset-" + id + "-en");
            page.setViewportSize(1280, 900);
        }
    }

    @Test
    void eachPresetShowsItsNumberInChineseOnAPhone() {
        BrowserContext phone = page.context().browser().newContext(new NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                .setLocale("zh-CN"));
        Page p = phone.newPage();
        // the browser asks for zh-CN; switch explicitly if the session started in English
        PlaygroundPage playground = new PlaygroundPage(p).open(url("/"));
        if (!p.locator("#btn-play").innerText().contains("运行")) {
            playground.switchLanguage("简体中文");
        }
        p.waitForFunction("() => document.querySelector('#btn-play').innerText.includes('运行')");
        for (String id : PRESETS) {
            runPreset(p, id);
            checkNumbers(p, id, true);
            p.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(SCREENSHOTS.resolve("preset-" + id + "-zh-phone.png")));
        }
        phone.close();
    }

    private void runPreset(Page p, String id) {
        new PlaygroundPage(p).open(url("/?preset=" + id));
        p.locator("#btn-play").click();
        // every run ended: the controls are idle again (Run / 运行)
        // "运行中…" starts the status while running; the finished text may contain 运行中 elsewhere
        // ("2 个运行中有 1 个发散"), so only its start counts
        p.waitForFunction("() => !document.querySelector('#run-status').innerText.trim().match(/^(Running|运行中)/)"
                + " && document.querySelector('#timeline') !== null", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        p.waitForFunction("() => { const t = document.querySelector('#btn-play').innerText.trim();"
                + " return t === 'Run' || t === '运行'; }", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        p.locator("#chart-loss").scrollIntoViewIfNeeded();
        p.waitForTimeout(600);
    }

    private void checkNumbers(Page p, String id, boolean chinese) {
        switch (id) {
            case "s9-adam-cycling-beta1" -> {
                p.locator("#chart-effstep").scrollIntoViewIfNeeded();
                p.waitForFunction("() => document.querySelector('#chart-effstep').pointCount(0) > 10");
            }
            case "s23-robbins-monro" -> {
                p.locator("#chart-sums").scrollIntoViewIfNeeded();
                p.waitForFunction("() => document.querySelector('#chart-sums').pointCount(0) > 10");
            }
            case "s26-flat-vs-sharp", "s27-model-doctor" -> {
                // shown when the ended batch is drawn: wait for it rather than race it
                p.locator("#end-readouts").waitFor();
                p.locator("#end-test-0").waitFor();
                assertThat(p.locator("#end-sharpness-0").innerText()).contains("λmax");
                assertThat(p.locator("#end-test-0").innerText()).contains(chinese ? "测试损失" : "test loss");
            }
            case "s29-bilinear-game" ->
                    assertThat(p.locator("#regime-badge").innerText()).doesNotContain("Converging").doesNotContain("收敛");
            default -> {
            }
        }
    }
}
