package dev.lrlab.e2e;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.lrlab.experiment.ExperimentService;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole lesson with a lecture hall of real Chromium pages (a benchmark: it prints figures for
 * the README and asserts only that the lesson completes). Run with {@code mvn verify -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ClassCapacityBenchmarkIT -Dbench=true}
 * (optionally {@code -Dbench.seats=30}). Seats alternate English and 简体中文; every third is a
 * 390 px phone. The lesson: push (timed on every page, five times), a prediction, a crowd sweep
 * over η with everyone streaming at the instructor's start, the class chart filling up, reveal,
 * spotlight on the projector.
 */
class ClassCapacityBenchmarkIT extends BrowserTestBase {
    /** Long enough to stream for the pace measurement at 100 steps/s, short enough to end in the lesson. */
    static final String SPEC = "{\"version\": 1, \"landscape\": {\"type\": \"quadratic\", \"eigenvalues\": [1, 10]},"
            + " \"runs\": [{\"start\": [-4, 2], \"steps\": 1500, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}]}";

    @Autowired
    ExperimentService experiments;

    @Test
    void aLectureHall() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("bench"), "benchmark: run with -Dbench=true");
        int n = Integer.getInteger("bench.seats", 30);
        String base = url("");
        ClassPages.Teacher teacher = new ClassPages.Teacher(page);
        String code = teacher.start(base);
        String teachUrl = page.url();
        long heap0 = heapAfterGc();

        List<BrowserContext> contexts = new ArrayList<>();
        List<ClassPages.Student> seats = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean phone = i % 3 == 2;
            BrowserContext c = newContext((phone
                    ? new NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true).setHasTouch(true)
                    : new NewContextOptions().setViewportSize(1280, 800)).setLocale(i % 2 == 1 ? "zh-CN" : "en-US"));
            contexts.add(c);
            Page p = c.newPage();
            p.setDefaultTimeout(90_000);
            seats.add(new ClassPages.Student(p).join(base, code, "Seat " + (i + 1)));
        }
        page.waitForFunction("n => document.querySelectorAll('#gallery .lr-gallery-card').length === n", n,
                new Page.WaitForFunctionOptions().setTimeout(90_000));
        report(n + " seats joined (" + (n - n / 3) + " at 1280 px, " + n / 3 + " phones; half in 简体中文)");

        // a preset first (the lesson's opening), then the experiment the sweep will spread
        page.locator("#push-preset").click();
        page.locator("vaadin-select-overlay[opened] vaadin-select-item").first().click();
        long presetPushed = System.nanoTime();
        page.locator("#push-preset-button").click();
        for (ClassPages.Student s : seats) {
            s.page.waitForFunction("() => document.querySelector('.lr-seat-field') !== null");
        }
        report("preset pushed: on all " + n + " seats after " + (System.nanoTime() - presetPushed) / 1_000_000 + " ms");

        // push: five timed pushes after two warm-ups; each page notes when it saw the new lr
        push(teacher, "0.12", seats, false);
        push(teacher, "0.13", seats, false);
        List<Long> latencies = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long pushCpu0 = os.getProcessCpuTime();
        os.getCpuLoad(); // the machine's load is measured between two calls
        long pushT0 = System.nanoTime();
        for (String lr : new String[]{"0.14", "0.15", "0.16", "0.17", "0.1"}) {
            latencies.addAll(push(teacher, lr, seats, true));
        }
        double pushSecs = (System.nanoTime() - pushT0) / 1e9;
        report("during the pushes: server JVM " + round((os.getProcessCpuTime() - pushCpu0) / 1e9 / pushSecs * 100)
                + " % of one core, whole machine (the seats' Chromium included) "
                + round(os.getCpuLoad() * os.getAvailableProcessors() * 100) + " %");
        latencies.sort(Long::compare);
        report("push → visible, " + latencies.size() + " page observations: median " + pct(latencies, 50) + " ms, p90 "
                + pct(latencies, 90) + " ms, p99 " + pct(latencies, 99) + " ms, max " + latencies.get(latencies.size() - 1) + " ms");
        report("heap after GC with " + n + " seats: " + (heapAfterGc() - heap0) / n / 1024 + " KiB per seat");

        // predict
        teacher.ask();
        String[] answers = {"#answer-converge", "#answer-oscillate", "#answer-diverge"};
        for (int i = 0; i < n; i++) {
            seats.get(i).page.locator(answers[i % 3]).click();
        }
        page.waitForFunction("n => document.querySelector('#teach-members').innerText.includes(n + ' answers')", n,
                new Page.WaitForFunctionOptions().setTimeout(60_000));

        // crowd sweep over η, everyone started together
        teacher.sweep(0.01, 0.3, n);
        seats.get(n - 1).page.waitForFunction("() => document.querySelector(\"vaadin-text-field[data-path='runs[0].optimizer.lr']\").value === '0.3'");
        long started = System.nanoTime();
        teacher.click("#pace-start");
        Thread.sleep(3_000);
        int[] at = new int[n];
        for (int i = 0; i < n; i++) {
            at[i] = available(seats.get(i).page);
        }
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Thread.sleep(8_000);
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9 / secs;
        List<Double> paces = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int now = available(seats.get(i).page);
            if (now >= 0 && at[i] >= 0 && now < 1500) { // a run that ended inside the window is not timed
                paces.add((now - at[i]) / secs);
            }
        }
        paces.sort(Double::compare);
        report(n + " seats streaming at 100 steps/s: " + paces.size() + " timed, pace min "
                + (paces.isEmpty() ? "–" : round(paces.get(0))) + ", median "
                + (paces.isEmpty() ? "–" : round(paces.get(paces.size() / 2))) + " steps/s; server JVM "
                + round(cpu * 100) + " % of one core (" + round(cpu * 100 / n) + " % per seat)");
        page.waitForFunction("n => document.querySelector('#class-chart').dataset.points === String(n)", n,
                new Page.WaitForFunctionOptions().setTimeout(120_000));
        report("class chart complete (" + n + " points) " + round((System.nanoTime() - started) / 1e9)
                + " s after start (runs of 1,500 steps at 100 steps/s: 15 s)");

        // reveal, spotlight
        teacher.click("#reveal");
        for (ClassPages.Student s : seats) {
            s.page.locator("#answers").waitFor();
        }
        Page projector = context.newPage();
        projector.navigate(base + "/class/" + code + "/projector?k=" + teachUrl.substring(teachUrl.indexOf("k=") + 2));
        projector.locator("#class-chart").waitFor();
        page.locator("#gallery .lr-spotlight-button").first().click();
        projector.waitForFunction("() => { const e = document.querySelector('#projector-spotlight'); return e && e.innerText.includes('Seat 1'); }");
        report("reveal on " + n + " seats and spotlight on the projector: done");
        projector.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("hall-projector-1280-en.png")));
        seats.get(2).page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("hall-seat3-390-en.png")));
        seats.get(5).page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("hall-seat6-390-zh.png")));
        seats.get(1).page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("hall-seat2-1280-zh.png")));
        page.locator("#gallery").scrollIntoViewIfNeeded();
        screenshot("hall-teacher-1280-en");
        contexts.forEach(BrowserContext::close);
    }

    /** Pushes lr {@code lr}; with {@code timed}, how long each page took to show it (ms). */
    private List<Long> push(ClassPages.Teacher teacher, String lr, List<ClassPages.Student> seats, boolean timed) {
        String share = experiments.shareCode(experiments.parseSpec(SPEC.replace("\"lr\": 0.1", "\"lr\": " + lr).getBytes()));
        for (ClassPages.Student s : seats) {
            // a timer, not animation frames: a background page gets about one frame a second
            s.page.evaluate("v => { window.__seen = 0; const id = setInterval(() => {"
                    + " const f = document.querySelector(\"vaadin-text-field[data-path='runs[0].optimizer.lr']\");"
                    + " if (f && f.value === v) { window.__seen = Date.now(); clearInterval(id); } }, 5); }", lr);
        }
        page.locator("#push-link input").fill(share);
        page.locator("#push-link input").press("Tab");
        page.waitForTimeout(300); // the typed value reaches the server before the clock starts
        long pushed = System.currentTimeMillis();
        page.locator("#push-link-button").click();
        List<Long> out = new ArrayList<>();
        for (ClassPages.Student s : seats) {
            s.page.waitForFunction("() => window.__seen > 0");
            out.add(((Number) s.page.evaluate("() => window.__seen")).longValue() - pushed);
        }
        return timed ? out : List.of();
    }

    private static int available(Page p) {
        Object v = p.evaluate("() => { const t = document.querySelector('#timeline');"
                + " return t && t.available != null ? t.available : -1; }");
        return v instanceof Number num ? num.intValue() : -1;
    }

    private static long pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void report(String line) {
        System.out.println("[class capacity] " + line);
        System.out.flush();
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
