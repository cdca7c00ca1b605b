package dev.lrlab.e2e;

import com.microsoft.playwright.BrowserContext;
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
 * <li>40 cycles of Run → the tab's network gone (no unload, no heartbeat, as a tab that vanished):
 *     the heartbeat check must end their sessions within a minute.</li>
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
            // a phone-sized page: the charts sit below the fold and are not rendered (they draw only
            // while on screen), so the 2 cores hold more pages; the server sends them the same
            BrowserContext c = page.context().browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                    .setViewportSize(Integer.getInteger("bench.width", 390), 844));
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
        long[] startNanos = new long[n];
        for (int i = 0; i < n; i++) {
            start[i] = available(pages.get(i));
            startNanos[i] = System.nanoTime();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        os.getCpuLoad(); // the machine's load is measured between two calls
        long t0 = System.nanoTime();
        Thread.sleep(10_000);
        long threadsDuring = threads();
        double secs = (System.nanoTime() - t0) / 1e9;
        // the server's share against the machine's: the pages' Chromium renderers use the rest
        double serverCores = (os.getProcessCpuTime() - cpu0) / 1e9 / secs;
        double machineCores = os.getCpuLoad() * os.getAvailableProcessors();
        List<Double> paces = new ArrayList<>();
        int refused = 0;
        int reloaded = 0;
        for (int i = 0; i < n; i++) {
            int now = available(pages.get(i));
            long nowNanos = System.nanoTime(); // each page's own window: reads are slow on a busy machine
            if (now < 0 || start[i] < 0) { // the client lost a message and reloaded: its run restarted
                reloaded++;
                continue;
            }
            paces.add((now - start[i]) / ((nowNanos - startNanos[i]) / 1e9));
            if (pages.get(i).locator("vaadin-notification-card").count() > 0) {
                refused++;
            }
        }
        paces.sort(Double::compare);
        report.add(n + " pages at 100 steps/s: pace min " + (paces.isEmpty() ? "–" : round(paces.get(0)))
                + ", median " + (paces.isEmpty() ? "–" : round(paces.get(paces.size() / 2))) + " steps/s; reloaded "
                + reloaded + "; refused " + refused + "; server threads " + threadsDuring
                + " (baseline " + threads0 + "); live sessions " + live.scheduler().activeSessions()
                + "; server JVM " + round(serverCores * 100) + " % of one core, whole machine (pages included) "
                + round(machineCores * 100) + " %");
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
        // the closed tabs' HTTP sessions (their Vaadin state) stay until server.servlet.session.timeout
        int expiryWait = Integer.getInteger("bench.expiryWaitSeconds", 0);
        if (closeCycles > 0 && expiryWait > 0) {
            Thread.sleep(expiryWait * 1000L);
            report.add("  " + expiryWait + " s later (the closed tabs' HTTP sessions expired): threads " + threads()
                    + "; heap after GC " + heapAfterGc() / 1024 + " KiB (baseline " + heap0 / 1024 + ")");
        }

        // 3. Run → the tab's network gone, 40 times: no unload reaches the server, the heartbeats stop
        List<BrowserContext> goneTabs = new ArrayList<>();
        int goneCycles = Integer.getInteger("bench.goneCycles", 40);
        for (int i = 0; i < goneCycles; i++) {
            BrowserContext c = page.context().browser().newContext();
            Page p = c.newPage();
            new PlaygroundPage(p).open(longRun);
            p.locator("#btn-play").click();
            p.waitForFunction("() => document.querySelector('#landscape').pointCount(0) > 0");
            // the network gone, as for a laptop closed or a dropped Wi-Fi: no unload, no close, no
            // heartbeat reaches the server any more (CDP's Page.crash is never answered, so
            // Playwright would wait on it forever)
            c.setOffline(true);
            goneTabs.add(c);
        }
        int atGone = live.scheduler().openSessions();
        long goneT0 = System.nanoTime();
        int leftAfterGone = waitForNoSessions(120_000);
        report.add(goneCycles + " × (Run, network gone): open sessions right after " + atGone + ", after "
                + round((System.nanoTime() - goneT0) / 1e9) + " s " + leftAfterGone + "; threads " + threads()
                + "; heap after GC " + heapAfterGc() / 1024 + " KiB (baseline " + heap0 / 1024 + ")");
        for (BrowserContext c : goneTabs) {
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
