package dev.lrlab.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Browser-side figures for the README (a benchmark, not a timed test: it asserts nothing about
 * time). Run with {@code mvn verify -Dit.test=PlaygroundBenchmarkIT -Dbench=true -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PlaygroundBenchmarkIT extends BrowserTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        List<String> report = new ArrayList<>();

        // 1. page open → interactive (forms, readouts and charts ready), median of 5 cold contexts
        List<Double> opens = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            BrowserContext c = page.context().browser().newContext();
            Page p = c.newPage();
            long t0 = System.nanoTime();
            p.navigate(url("/"));
            p.waitForFunction("() => { const b = document.querySelector('#btn-play');"
                    + " const c = document.querySelector('#chart-loss');"
                    + " return b && !b.disabled && c && c.chart && document.querySelector('#readout-edge')"
                    + ".innerText.trim() === '0.2'; }");
            opens.add((System.nanoTime() - t0) / 1e6);
            c.close();
        }
        report.add("page open to interactive: median " + median(opens) + " ms of " + opens);

        // 2. Run → first trajectory point drawn, measured inside the page
        List<Double> firsts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            new PlaygroundPage(page).open(url("/"));
            Object ms = page.evaluate("() => new Promise(resolve => {"
                    + " const land = document.querySelector('#landscape');"
                    + " const t0 = performance.now();"
                    + " document.querySelector('#btn-play').click();"
                    + " const poll = () => land.pointCount(0) > 0 ? resolve(performance.now() - t0) : requestAnimationFrame(poll);"
                    + " requestAnimationFrame(poll); })");
            firsts.add(((Number) ms).doubleValue());
        }
        report.add("Run to first point on screen: median " + median(firsts) + " ms of " + firsts);

        // 3. 8 runs x 10,000 steps animating: frames per second during the stream
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("landscape", Map.of("type", "rosenbrock"));
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int r = 0; r < 8; r++) {
            runs.add(Map.of("label", "Adam " + (r + 1), "start", List.of(-1.5 + 0.1 * r, 2), "steps", 10_000,
                    "optimizer", Map.of("type", "adam", "lr", 0.002 * (r + 1))));
        }
        spec.put("runs", runs);
        String code = JSON.readTree(page.request().post(url("/api/share"), com.microsoft.playwright.options.RequestOptions
                .create().setHeader("Content-Type", "application/json").setData(JSON.writeValueAsString(spec)))
                .text()).get("code").asText();
        new PlaygroundPage(page).open(url("/?s=" + code));
        page.locator("#speed").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText("1,000 steps/s")).click();
        page.locator("#btn-play").click();
        page.waitForFunction("() => document.querySelector('#landscape').pointCount(0) > 200");
        String measureFps = "() => new Promise(resolve => { let n = 0; let worst = 0; let last = performance.now();"
                + " const t0 = last; const f = (t) => { n++; worst = Math.max(worst, t - last); last = t;"
                + " if (t - t0 < 4000) requestAnimationFrame(f); else resolve([Math.round(n * 10000 / (t - t0)) / 10,"
                + " Math.round(worst)]); }; requestAnimationFrame(f); })";
        report.add("8 runs x 10,000 steps at 1000 steps/s, landscape + timeline in view: [fps, worst frame ms] = "
                + page.evaluate(measureFps));
        page.locator("#chart-loss").scrollIntoViewIfNeeded();
        report.add("... scrolled to the streaming loss and lr charts: [fps, worst frame ms] = "
                + page.evaluate(measureFps));

        // 4. server heap per open playground, 20 sessions
        page.navigate(url("/about"));
        long before = heapAfterGc();
        List<BrowserContext> sessions = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            BrowserContext c = page.context().browser().newContext();
            new PlaygroundPage(c.newPage()).open(url("/"));
            sessions.add(c);
        }
        long after = heapAfterGc();
        report.add("server heap per open playground (20 sessions): " + (after - before) / 20 / 1024 + " KiB");
        sessions.forEach(BrowserContext::close);

        System.out.println("\n==== playground benchmark ====");
        report.forEach(System.out::println);
        System.out.println("==============================\n");
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        return Math.round(s.get(s.size() / 2) * 10) / 10.0;
    }
}
