package dev.lrlab.e2e;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/** Page object of the playground. */
final class PlaygroundPage {

    private final Page page;

    PlaygroundPage(Page page) {
        this.page = page;
    }

    PlaygroundPage open(String url) {
        page.navigate(url);
        page.waitForSelector("lr-chart#loss-chart");
        page.waitForFunction("() => document.querySelector('#loss-chart').chart !== undefined");
        return this;
    }

    void setLearningRate(double lr) {
        Locator input = page.locator("#lr input");
        input.fill(Double.toString(lr));
        input.press("Tab");
    }

    void run() {
        page.locator("#run").click();
    }

    /** Points drawn by ApexCharts in the loss chart, read from the chart in the page. */
    int drawnLossPoints() {
        return ((Number) page.evaluate("() => document.querySelector('#loss-chart').pointCount(0)")).intValue();
    }

    void waitForDrawnLossPoints(int n) {
        page.waitForFunction("n => document.querySelector('#loss-chart').pointCount(0) >= n", n);
    }

    String readout(String id) {
        return page.locator("#" + id + "-value").innerText();
    }

    String status() {
        return page.locator("#status").innerText();
    }

    void switchLanguage(String label) {
        page.locator("#language-switch").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(label)).click();
    }

    String navText() {
        return page.locator("vaadin-side-nav").innerText();
    }
}
