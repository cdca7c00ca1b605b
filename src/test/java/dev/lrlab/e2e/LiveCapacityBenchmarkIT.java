package dev.lrlab.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import dev.lrlab.live.vaadin.LiveUiService;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Live runs with real Chromium pages (a benchmark: it asserts nothing about time, it prints the
 * figures for the README). Run with {@code mvn verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test=LiveCapacityBenchmarkIT -Dbench=true} (optionally {@code -Dbench.pages=40}).
 * <ol>
 * <li>N pages streaming at once at 100 steps/s: none refused, each page's pace, the server's thread
 *     count against the number of pages;</li>
 * <li>100 cycles of open → Run → close the tab without Stop: live sessions, threads and heap
 *     after GC against the baseline;</li>
 * <li>40 cycles of Run → crash the tab (renderer killed, no unload): the heartbeat check must end
 *     their sessions within a minute.</li>
 * </ol>
 */
class LiveCapacityBenchmarkIT extends BrowserTestBase {

    @Autowired
    LiveUiService live;

    /** A run long enough to stream for the whole measurement at 100 steps/s. */
    private static final String LONG_RUN = "/?s=";

    @Test
    void measure() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        List<String> report = new ArrayList<>() {
            @Override
            public boolean add(String line) {
                // each figure as soon as it is measured: a long run cut short keeps what it had
                System.out.println("[live capacity] " + line);
                System.out.flush();
                return super.add(line);
            }
        };
        String longRun = url(LONG_RUN + shareCodeOfLongRun());
        warmUp(longRun);
        long threads0 = threads();
        long heap0 = heapAfterGc();
        report.add("baseline: " + threads0 + " threads, heap after GC " + heap0 / 1024 + " KiB, open sessions "
                + live.scheduler().openSessions());

        // 1. N pages streaming at once
        int n = Integer.getInteger("bench.pages", 40);
        List<BrowserContext> contexts = new ArrayList<>();
        List<Page> pages = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BrowserContext c = page.context().browser().newContext();
            Page p = c.newPage();
            p.setDefaultTimeout(60_000);
            new PlaygroundPage(p).open(longRun);
            contexts.add(c);
            pages.add(p);
        }
        for (Page p : pages) {
            p.locator("#btn-play").click();
        }
        Thread.sleep(3_000);
        int[] start = new int[n];
        for (int i = 0; i < n; i++) {
            start[i] = available(pages.get(i));
        }
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        long threadsDuring = threads();
        double secs = (System.nanoTime() - t0) / 1e9;
        List<Double> paces = new ArrayList<>();
        int refused = 0;
        int reloaded = 0;
        for (int i = 0; i < n; i++) {
            int now = available(pages.get(i));
            if (now < 0 || start[i] < 0) { // the client lost a message and reloaded: its run restarted
                reloaded++;
                continue;
            }
            paces.add((now - start[i]) / secs);
            if (pages.get(i).locator("vaadin-notification-card").count() > 0) {
                refused++;
            }
        }
        paces.sort(Double::compare);
        report.add(n + " pages at 100 steps/s: pace min " + (paces.isEmpty() ? "–" : round(paces.get(0)))
                + ", median " + (paces.isEmpty() ? "–" : round(paces.get(paces.size() / 2))) + " steps/s; reloaded "
                + reloaded + "; refused " + refused + "; server threads " + threadsDuring
                + " (baseline " + threads0 + "); live sessions " + live.scheduler().activeSessions());
        for (BrowserContext c : contexts) {
            c.close();
        }

        // 2. open → Run → close the tab without Stop, 100 times
        int closeCycles = Integer.getInteger("bench.closeCycles", 100);
        for (int i = 0; i < closeCycles; i++) {
            BrowserContext c = page.context().browser().newContext();
            Page p = c.newPage();
            new PlaygroundPage(p).open(longRun);
            p.locator("#btn-play").click();
            p.waitForFunction("() => document.querySelector('#landscape').pointCount(0) > 0");
            c.close();
        }
        long closeT0 = System.nanoTime();
        int leftAfterClose = waitForNoSessions(120_000);
        report.add(closeCycles + " × (open, Run, close tab): sessions left after " + round((System.nanoTime() - closeT0) / 1e9)
                + " s " + leftAfterClose + "; threads "
                + threads() + " (baseline " + threads0 + "); heap after GC " + heapAfterGc() / 1024 + " KiB (baseline "
                + heap0 / 1024 + ")");

        // 3. Run → crash the tab, 40 times: no unload reaches the server, only the heartbeat stops
        List<BrowserContext> crashed = new ArrayList<>();
        int crashCycles = Integer.getInteger("bench.crashCycles", 40);
        for (int i = 0; i < crashCycles; i++) {
            BrowserContext c = page.context().browser().newContext();
            Page p = c.newPage();
            new PlaygroundPage(p).open(longRun);
            p.locator("#btn-play").click();
            p.waitForFunction("() => document.querySelector('#landscape').pointCount(0) > 0");
            CDPSession cdp = c.newCDPSession(p);
            try {
                cdp.send("Page.crash");
            } catch (RuntimeException expected) {
                // the renderer dies before it can answer
            }
            crashed.add(c);
        }
        int atCrash = live.scheduler().openSessions();
        long crashT0 = System.nanoTime();
        int leftAfterCrash = waitForNoSessions(120_000);
        report.add(crashCycles + " × (Run, crash tab): open sessions right after " + atCrash + ", after "
                + round((System.nanoTime() - crashT0) / 1e9) + " s " + leftAfterCrash + "; threads " + threads()
                + "; heap after GC " + heapAfterGc() / 1024 + " KiB (baseline " + heap0 / 1024 + ")");
        for (BrowserContext c : crashed) {
            c.close();
        }
        System.out.println("\n=== live capacity (real Chromium) ===");
        report.forEach(System.out::println);
        System.out.println();
    }

    private String shareCodeOfLongRun() {
        String spec = "{\"landscape\":{\"type\":\"rosenbrock\"},\"runs\":[{\"label\":\"Adam\",\"start\":[-1.5,2],"
                + "\"steps\":100000,\"optimizer\":{\"type\":\"adam\",\"lr\":0.001}}]}";
        var res = page.request().post(url("/api/share"), com.microsoft.playwright.options.RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(spec));
        String body = res.text();
        return body.replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
    }

    private void warmUp(String longRun) {
        new PlaygroundPage(page).open(longRun);
        page.locator("#btn-play").click();
        page.waitForFunction("() => document.querySelector('#landscape').pointCount(0) > 10");
        page.locator("#btn-stop").click();
    }

    /** The timeline's last available step, or -1 while the page is reloading (a resynchronized client). */
    private static int available(Page p) {
        try {
            Object v = p.evaluate("() => { const t = document.querySelector('#timeline');"
                    + " return t && t.available != null ? t.available : -1; }");
            return v instanceof Number num ? num.intValue() : -1;
        } catch (com.microsoft.playwright.PlaywrightException reloading) {
            return -1;
        }
    }

    private int waitForNoSessions(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end && live.scheduler().openSessions() > 0) {
            Thread.sleep(500);
        }
        return live.scheduler().openSessions();
    }

    private static long threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long heapAfterGc() throws InterruptedException {
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return mem.getHeapMemoryUsage().getUsed();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
