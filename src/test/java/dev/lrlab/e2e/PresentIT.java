package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Presenter mode ({@code ?present=1}) on a preset, at 1280 px in English and at 390 px in 简体中文:
 * the landscape across the width, projector type on the canvas and the charts, the charts under
 * the landscape, the forms folded; the toggle keeps the URL in sync; the landscape's and a chart's
 * PNG downloads have at least twice the element's pixels; the zh card's formula has Chinese words.
 */
class PresentIT extends BrowserTestBase {

    private static final String PRESET = "s1-stability-edge";

    @Test
    void presenterModeAtDesktopWidthInEnglish() throws IOException {
        page.setViewportSize(1280, 800);
        new PlaygroundPage(page).open(url("/?preset=" + PRESET + "&present=1"));
        assertPresenting(page, 1280);
        runToTheEnd(page);
        assertProjectorType(page);

        // the canvas toolbar's download: title and legend over the picture, 2× the element's pixels
        double[] size = elementSize(page, "#landscape");
        Path png = download(page, () -> page.locator("#landscape button.download").click(), "present-export-1280-en.png");
        int[] px = pngSize(png);
        assertThat(px[0]).isEqualTo((int) Math.round(size[0] * 2));
        assertThat(px[1]).isGreaterThan((int) Math.round(size[1] * 2)); // the heading sits above the view

        // a chart's toolbar PNG: twice the chart's size
        page.locator("#chart-loss").scrollIntoViewIfNeeded();
        double svgWidth = ((Number) page.evaluate("() => document.querySelector('#chart-loss').chart.w.globals.svgWidth"))
                .doubleValue();
        page.locator("#chart-loss .apexcharts-menu-icon").click();
        Path chartPng = download(page, () -> page.locator("#chart-loss .exportPNG").click(), "present-chart-1280-en.png");
        assertThat(pngSize(chartPng)[0]).isEqualTo((int) Math.round(svgWidth * 2));

        // what the lecture hall sees, at the window's own size (a taller window would change the layout)
        page.evaluate("() => document.querySelector('#preset-card').scrollIntoView()");
        screenshot("present-s1-1280-en-1-top");
        page.evaluate("() => document.querySelector('.lr-toolbar').scrollIntoView()");
        screenshot("present-s1-1280-en-2-landscape");
        page.evaluate("() => document.querySelector('#timeline').scrollIntoView()");
        screenshot("present-s1-1280-en-3-readouts");
        page.evaluate("() => document.querySelector('#chart-loss').scrollIntoView()");
        page.waitForTimeout(500);
        screenshot("present-s1-1280-en-4-charts");

        // the forms unfold under the landscape, and fold again
        page.locator("#btn-forms").click();
        page.locator(".lr-side").waitFor(); // the server unfolds them
        assertThat(page.locator(".lr-side").isVisible()).isTrue();
        assertThat(page.locator("#btn-forms").getAttribute("aria-expanded")).isEqualTo("true");
        page.evaluate("() => document.querySelector('#btn-forms').scrollIntoView()");
        screenshot("present-s1-1280-en-forms");
        page.locator("#btn-forms").click();
        page.locator(".lr-side").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));

        // the toggle leaves presenter mode and takes present=1 out of the URL, and back
        page.locator("#btn-present").click();
        page.waitForFunction("() => !location.search.includes('present=1')");
        page.locator(".lr-side").waitFor();
        assertThat(((Number) page.evaluate("() => document.querySelector('#landscape').textSize")).intValue()).isEqualTo(11);
        assertThat(page.url()).contains("preset=" + PRESET);
        page.locator("#btn-present").click();
        page.waitForFunction("() => location.search.includes('present=1')");
        page.locator(".lr-side").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.HIDDEN));
        // a reload of that address opens presenter mode again
        new PlaygroundPage(page).open(page.url());
        assertPresenting(page, 1280);
    }

    @Test
    void presenterModeOnAPhoneInChinese() throws IOException {
        BrowserContext phone = newContext(new NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2)
                .setIsMobile(true).setHasTouch(true).setLocale("zh-CN"));
        try {
            Page p = phone.newPage();
            p.setDefaultTimeout(20_000);
            PlaygroundPage playground = new PlaygroundPage(p).open(url("/"));
            if (!p.locator("#btn-play").innerText().contains("运行")) {
                playground.switchLanguage("简体中文");
            }
            playground.open(url("/?preset=" + PRESET + "&present=1"));
            p.waitForFunction("() => document.querySelector('#btn-play').innerText.includes('运行')");
            assertPresenting(p, 390);
            assertThat(p.locator("#btn-present").innerText()).contains("退出演示");
            assertThat(p.locator("#btn-forms").innerText()).contains("实验设置");
            // the formula's words are Chinese, and the formula fits the card
            p.waitForFunction("() => document.querySelector('#preset-card lr-formula .katex') !== null");
            assertThat(p.locator("#preset-card lr-formula .katex-html").innerText()).contains("稳定当且仅当");
            Object fits = p.evaluate("() => { const f = document.querySelector('#preset-card lr-formula');"
                    + " return f.scrollWidth <= f.clientWidth + 2; }");
            assertThat(fits).isEqualTo(true);
            runToTheEnd(p);
            assertProjectorType(p);
            Object noOverflow = p.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth + 1");
            assertThat(noOverflow).isEqualTo(true);

            double[] size = elementSize(p, "#landscape");
            Path png = download(p, () -> p.locator("#landscape button.download").click(), "present-export-390-zh.png");
            int[] px = pngSize(png);
            // device pixel ratio 2: twice the CSS size
            assertThat(px[0]).isEqualTo((int) Math.round(size[0] * 2));
            assertThat(px[1]).isGreaterThan((int) Math.round(size[1] * 2));

            String[][] views = {{"#preset-card", "1-top"}, {"#landscape", "2-landscape"}, {"#timeline", "3-readouts"},
                    {"#chart-loss", "4-charts"}};
            for (String[] v : views) {
                p.evaluate("s => document.querySelector(s).scrollIntoView()", v[0]);
                p.waitForTimeout(400);
                p.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("present-s1-390-zh-" + v[1] + ".png")));
            }
        } finally {
            phone.close();
        }
    }

    /** The projector layout: wide landscape, forms folded, charts under the landscape. */
    private static void assertPresenting(Page p, int viewport) {
        p.waitForFunction("() => document.querySelector('.lr-playground').classList.contains('lr-presenting')");
        assertThat(p.url()).contains("present=1");
        assertThat(p.locator(".lr-side").isVisible()).isFalse();
        assertThat(p.locator("#btn-forms").isVisible()).isTrue();
        assertThat(p.locator("#btn-forms").getAttribute("aria-expanded")).isEqualTo("false");
        // the whole width but the page's and panel's padding (the navigation drawer closes: wait for it)
        double least = viewport * (viewport > 600 ? 0.9 : 0.85);
        p.waitForFunction("w => document.querySelector('#landscape').getBoundingClientRect().width > w", least);
        assertThat(elementSize(p, "#landscape")[0]).isGreaterThan(least);
        double canvasBottom = ((Number) p.evaluate("() => document.querySelector('#landscape').getBoundingClientRect().bottom"))
                .doubleValue();
        double chartsTop = ((Number) p.evaluate("() => document.querySelector('.lr-results').getBoundingClientRect().top"))
                .doubleValue();
        assertThat(chartsTop).isGreaterThan(canvasBottom);
    }

    /** Ticks of at least 18 px on the canvas and on the charts. */
    private static void assertProjectorType(Page p) {
        assertThat(((Number) p.evaluate("() => document.querySelector('#landscape').textSize")).intValue())
                .isGreaterThanOrEqualTo(18);
        p.locator("#chart-loss").scrollIntoViewIfNeeded();
        p.waitForFunction("() => document.querySelector('#chart-loss .apexcharts-xaxis-label') !== null");
        for (String axis : new String[]{"xaxis", "yaxis"}) {
            double px = ((Number) p.evaluate("a => parseFloat(getComputedStyle(document.querySelector("
                    + "'#chart-loss .apexcharts-' + a + '-label')).fontSize)", axis)).doubleValue();
            assertThat(px).as(axis + " tick labels").isGreaterThanOrEqualTo(18);
        }
    }

    private static void runToTheEnd(Page p) {
        p.locator("#btn-play").click();
        // both runs drew their paths (η = 0.21 stops where it diverged), then the controls are idle
        p.waitForFunction("() => { const l = document.querySelector('#landscape');"
                + " return l.pointCount(0) > 300 && l.runs[1].diverged >= 0; }", null,
                new Page.WaitForFunctionOptions().setTimeout(60_000));
        p.waitForFunction("() => !document.querySelector('#run-status').innerText.trim().match(/^(Running|运行中)/)",
                null, new Page.WaitForFunctionOptions().setTimeout(60_000));
        p.waitForFunction("() => { const t = document.querySelector('#btn-play').innerText.trim();"
                + " return t === 'Run' || t === '运行'; }", null, new Page.WaitForFunctionOptions().setTimeout(60_000));
    }

    private static double[] elementSize(Page p, String selector) {
        @SuppressWarnings("unchecked")
        java.util.List<Number> s = (java.util.List<Number>) p.evaluate(
                "s => { const r = document.querySelector(s).getBoundingClientRect(); return [r.width, r.height]; }", selector);
        return new double[]{s.get(0).doubleValue(), s.get(1).doubleValue()};
    }

    /** Saves what {@code click} downloads into the screenshots (to look at) and returns its path. */
    private static Path download(Page p, Runnable click, String name) {
        Download d = p.waitForDownload(click);
        Path to = SCREENSHOTS.resolve(name);
        d.saveAs(to);
        return to;
    }

    /** Width and height from a PNG's IHDR chunk. */
    static int[] pngSize(Path png) throws IOException {
        byte[] b = Files.readAllBytes(png);
        assertThat(b.length).isGreaterThan(24);
        assertThat(b[1]).isEqualTo((byte) 'P');
        ByteBuffer buf = ByteBuffer.wrap(b, 16, 8);
        return new int[]{buf.getInt(), buf.getInt()};
    }
}
