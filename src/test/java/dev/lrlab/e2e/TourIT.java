package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Walks the app as a visitor would, at desktop and phone sizes and in both themes, and keeps a
 * screenshot of each state under target/screenshots (the README's screenshot comes from here).
 */
class TourIT extends BrowserTestBase {

    @Test
    void presetsGalleryLoadsAPresetIntoThePlayground() {
        page.navigate(url("/presets"));
        page.waitForSelector(".lr-preset-tile");
        int cards = page.locator(".lr-preset-tile").count();
        assertThat(cards).isGreaterThanOrEqualTo(20);
        page.waitForSelector("#preset-s1-stability-edge .katex");
        screenshot("presets-gallery");
        page.locator("#load-s1-stability-edge").click();
        PlaygroundPage playground = new PlaygroundPage(page).waitUntilReady();
        page.waitForSelector("#preset-card .katex");
        assertThat(page.locator("#preset-card").innerText()).contains("2/λmax");
        assertThat(page.locator(".lr-chip").count()).isEqualTo(2);
        playground.run();
        playground.waitForStatus("diverged");
        page.setViewportSize(1280, 1500);
        screenshot("playground-preset-s1");
    }

    @Test
    void phoneLayoutStacksThePanels() {
        BrowserContext phone = page.context().browser().newContext(new NewContextOptions()
                .setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true));
        Page p = phone.newPage();
        new PlaygroundPage(p).open(url("/"));
        double sideRight = ((Number) p.evaluate("() => document.querySelector('.lr-side').getBoundingClientRect().right")).doubleValue();
        double sideTop = ((Number) p.evaluate("() => document.querySelector('.lr-side').getBoundingClientRect().top")).doubleValue();
        double mainBottom = ((Number) p.evaluate("() => document.querySelector('.lr-main').getBoundingClientRect().bottom")).doubleValue();
        double sideBottom = ((Number) p.evaluate("() => document.querySelector('.lr-side').getBoundingClientRect().bottom")).doubleValue();
        double chartsTop = ((Number) p.evaluate("() => document.querySelector('.lr-results').getBoundingClientRect().top")).doubleValue();
        assertThat(sideRight).isLessThanOrEqualTo(390);
        // stacked: run controls and landscape first, then the selected run's forms, then the charts
        assertThat(sideTop).isGreaterThanOrEqualTo(mainBottom);
        assertThat(chartsTop).isGreaterThanOrEqualTo(sideBottom);
        Object overflow = p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
        assertThat(overflow).isEqualTo(true);
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("playground-phone.png")));
        p.locator("#btn-play").click();
        p.waitForFunction("() => document.querySelector('#run-status').innerText.includes('Finished')");
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("playground-phone-run.png")));
        p.evaluate("() => document.querySelector('.lr-side').scrollIntoView()");
        p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("playground-phone-forms.png")));
        phone.close();
    }

    @Test
    void darkThemeAppliesToPageAndCharts() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        page.locator("#theme-toggle").click();
        page.waitForFunction("() => document.documentElement.getAttribute('theme')?.includes('dark')");
        playground.run();
        playground.waitForStatus("Finished");
        page.waitForFunction("() => document.querySelector('#chart-loss').chart.w.config.theme.mode === 'dark'");
        page.setViewportSize(1280, 1500);
        screenshot("playground-dark");
    }

    @Test
    void switchingToAOneDimensionalLandscapeAndRunningWithTheKeyboard() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        page.locator("#landscape-form vaadin-select.lr-type-select").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Double well")).click();
        page.waitForFunction("() => !document.querySelector('#run-start input').value.includes(',')");
        page.locator(".lr-readouts").click();
        page.keyboard().press("Space");
        playground.waitForStatus("Finished");
        assertThat(playground.trajectoryPoints(0)).isEqualTo(101);
        playground.waitForPlayhead(100);
        page.keyboard().press("ArrowLeft");
        page.waitForFunction("() => document.querySelector('#landscape').playhead === 99");
        screenshot("playground-double-well");
    }

    @Test
    void duplicateARunChangeOneThingAndCompareInLockstep() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        page.locator("#run-duplicate").click();
        page.waitForFunction("() => document.querySelectorAll('.lr-chip').length === 2");
        // the copy is selected: give it momentum 0.9, one change
        Locator momentum = page.locator("#optimizer-form vaadin-number-field[data-param='momentum'] input");
        momentum.fill("0.9");
        momentum.press("Tab");
        page.waitForFunction("() => document.querySelector('#readout-effectiveLr').innerText.trim() === '1.5'");
        playground.run();
        playground.waitForStatus("Finished");
        assertThat(playground.trajectoryPoints(0)).isEqualTo(101);
        assertThat(playground.trajectoryPoints(1)).isEqualTo(101);
        playground.waitForDrawnLossPoints(101);
        assertThat(playground.drawnLossPoints(1)).isEqualTo(101);
        // hiding a run in the legend hides it on the landscape
        page.locator("#run-chip-1 vaadin-checkbox").click();
        page.waitForFunction("() => document.querySelector('#landscape').runs[1].visible === false");
        assertThat(page.url()).contains("s=");
    }

    @Test
    void aboutIndexLinksEveryLessonIdeaToItsPresets() {
        page.navigate(url("/about"));
        page.waitForSelector("#idea-index .lr-idea-row");
        // S1 … S29 each have a preset (S30 is a mention only)
        assertThat(page.locator("#idea-index .lr-idea-row").count()).isEqualTo(29);
        page.locator("#idea-index a", new Page.LocatorOptions().setHasText("AdamW vs Adam + L2")).click();
        new PlaygroundPage(page).waitUntilReady();
        page.waitForSelector("#preset-card");
        assertThat(page.locator("#preset-card").innerText()).contains("S14");
        screenshot("about");
    }
}
