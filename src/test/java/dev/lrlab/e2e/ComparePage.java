package dev.lrlab.e2e;

import com.microsoft.playwright.Page;
import java.util.List;

/** The Compare page as a student uses it: panels, the shared run controls and timeline, metrics, sweeps. */
final class ComparePage {
    private final Page page;

    ComparePage(Page page) {
        this.page = page;
    }

    ComparePage open(String url) {
        page.navigate(url);
        page.waitForSelector("#panel-1 lr-landscape");
        page.waitForFunction("() => location.search.includes('c=')");
        return this;
    }

    int panels() {
        return page.locator("#panels > [id^=panel-]").count();
    }

    void run() {
        page.locator("#btn-play").click();
    }

    /** Waits until every panel's run has drawn at least n points on its landscape. */
    void waitForPoints(int panels, int n) {
        for (int i = 0; i < panels; i++) {
            page.waitForFunction("([i, n]) => document.querySelector('#landscape-' + i).pointCount(0) >= n",
                    List.of(i, n));
        }
    }

    void scrubTo(int step) {
        page.locator("#timeline input[type=range]").fill(Integer.toString(step));
    }

    void waitForPlayhead(int panel, int step) {
        page.waitForFunction("([i, s]) => document.querySelector('#landscape-' + i).playhead === s", List.of(panel, step));
    }

    @SuppressWarnings("unchecked")
    double[] marker(int panel, int run) {
        List<Number> p = (List<Number>) page.evaluate("([i, r]) => document.querySelector('#landscape-' + i).markerPosition(r)",
                List.of(panel, run));
        return new double[]{p.get(0).doubleValue(), p.get(1).doubleValue()};
    }

    String differs(int panel) {
        return page.locator("#differs-" + panel).innerText();
    }

    String readout(int panel, String key) {
        return page.locator("#panel-" + panel + " #readout-" + key).innerText().trim();
    }

    void pin(int panel, int run) {
        page.locator("#pin-" + panel + "-" + run).click();
        page.waitForSelector("#baseline-" + panel + "-" + run);
    }

    /** The verdicts shown in the metrics table for one metric, e.g. "distance". */
    @SuppressWarnings("unchecked")
    List<String> verdicts(String metric) {
        return (List<String>) page.evaluate("m => [...document.querySelectorAll('#metrics [data-metric=' + m + '] [data-verdict]')]"
                + ".map(e => e.dataset.verdict)", metric);
    }

    /** The LR sweep's points as [η, diverged (1/0)]. */
    @SuppressWarnings("unchecked")
    List<List<Number>> sweepPoints() {
        page.waitForSelector("#lr-sweep-plot .lr-pt");
        return (List<List<Number>>) page.evaluate("() => [...document.querySelectorAll('#lr-sweep-plot .lr-pt')]"
                + ".map(e => [parseFloat(e.dataset.lr), e.dataset.diverged === 'true' ? 1 : 0])");
    }
}
