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

    /** The speed select at "Max speed" (unpaced). */
    void setMaxSpeed() {
        page.locator("#speed").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("Max speed")).click();
        page.waitForFunction("() => !document.querySelector('vaadin-select-overlay[opened]')");
    }

    /**
     * Run to the end: the status says Finished and Run is offered again (right after the click both
     * still show the idle state, so "not running" alone would not wait for anything).
     */
    void runToEnd() {
        run();
        page.waitForFunction("() => document.querySelector('#run-status').innerText.trim().match(/^(Finished|已完成)/)"
                + " && ['Run', '运行'].includes(document.querySelector('#btn-play').innerText.trim())", null,
                new Page.WaitForFunctionOptions().setTimeout(90_000));
    }

    /** Makes run {@code i} the selected one (its readouts and forms), by its chip's name. */
    void selectRun(int i) {
        page.locator("#run-chip-" + i + " > span").last().click();
        page.waitForSelector("#run-chip-" + i + ".lr-chip-selected");
    }

    boolean runSelected(int i) {
        return (Boolean) page.evaluate("i => document.querySelector('#run-chip-' + i).classList.contains('lr-chip-selected')", i);
    }

    /** Parks the timeline at {@code step} and waits until the readouts show that step. */
    void showStep(int step) {
        scrubTo(step);
        page.waitForFunction("s => document.querySelector('#readout-step').innerText.trim() === String(s)", step);
    }

    /** What a chart holds, as its CSV export writes it: per series the points x → y. */
    List<java.util.TreeMap<Double, Double>> chartSeries(String chartId) {
        String csv = (String) page.evaluate("id => document.getElementById(id).csv()", chartId);
        String[] lines = csv.split("\n");
        List<java.util.TreeMap<Double, Double>> series = new java.util.ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            // names may be quoted in the header; data rows are plain numbers (empty where a series has none)
            String[] cells = lines[i].split(",", -1);
            while (series.size() < cells.length - 1) {
                series.add(new java.util.TreeMap<>());
            }
            double x = Double.parseDouble(cells[0]);
            for (int c = 1; c < cells.length; c++) {
                if (!cells[c].isEmpty()) {
                    series.get(c - 1).put(x, Double.parseDouble(cells[c]));
                }
            }
        }
        return series;
    }

    String text(String selector) {
        return page.locator(selector).innerText().trim();
    }

    String navText() {
        return page.locator("vaadin-side-nav").innerText();
    }
}
