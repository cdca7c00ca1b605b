package dev.lrlab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.List;

/** Page object of the playground. */
final class PlaygroundPage {

    private final Page page;

    PlaygroundPage(Page page) {
        this.page = page;
    }

    PlaygroundPage open(String url) {
        page.navigate(url);
        return waitUntilReady();
    }

    PlaygroundPage waitUntilReady() {
        page.waitForSelector("lr-chart#chart-loss");
        page.waitForFunction("() => document.querySelector('#chart-loss').chart !== undefined");
        return this;
    }

    void setLearningRate(double lr) {
        Locator input = page.locator("#optimizer-form vaadin-number-field[data-param='lr'] input");
        input.fill(Double.toString(lr));
        input.press("Tab");
    }

    void run() {
        page.locator("#btn-play").click();
    }

    void pause() {
        page.locator("#btn-play").click();
    }

    String playButtonText() {
        return page.locator("#btn-play").innerText().trim();
    }

    /** Points drawn by ApexCharts in the loss chart, read from the chart in the page. */
    int drawnLossPoints(int run) {
        return ((Number) page.evaluate("r => document.querySelector('#chart-loss').pointCount(r)", run)).intValue();
    }

    /** Charts render only while on screen, as for a user. */
    void showCharts() {
        page.locator("#chart-loss").scrollIntoViewIfNeeded();
    }

    void waitForDrawnLossPoints(int n) {
        showCharts();
        page.waitForFunction("n => document.querySelector('#chart-loss').pointCount(0) >= n", n);
    }

    void waitForStatus(String text) {
        page.waitForFunction("t => document.querySelector('#run-status').innerText.includes(t)", text);
    }

    int trajectoryPoints(int run) {
        return ((Number) page.evaluate("r => document.querySelector('#landscape').pointCount(r)", run)).intValue();
    }

    /** The marker of a run on the landscape, in data coordinates. */
    @SuppressWarnings("unchecked")
    double[] marker(int run) {
        List<Number> p = (List<Number>) page.evaluate("r => document.querySelector('#landscape').markerPosition(r)", run);
        return new double[]{p.get(0).doubleValue(), p.get(1).doubleValue()};
    }

    /** Drags the timeline scrubber to a step. */
    void scrubTo(int step) {
        page.locator("#timeline input[type=range]").fill(Integer.toString(step));
    }

    void waitForPlayhead(int step) {
        page.waitForFunction("s => document.querySelector('#landscape').playhead === s", step);
    }

    String readout(String key) {
        return page.locator("#readout-" + key).innerText().trim();
    }

    String banner() {
        return page.locator("#diverged-banner").innerText();
    }

    boolean bannerVisible() {
        return page.locator("#diverged-banner").isVisible();
    }

    /** The share code in the address bar. */
    String shareCode() {
        String url = page.url();
        int i = url.indexOf("s=");
        int end = url.indexOf('&', i);
        return url.substring(i + 2, end < 0 ? url.length() : end);
    }

    void switchLanguage(String label) {
        page.locator("#language-switch").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(label)).click();
    }

    String navText() {
        return page.locator("vaadin-side-nav").innerText();
    }
}
