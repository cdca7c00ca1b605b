package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import dev.lrlab.experiment.ExperimentService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole lesson in real browsers: one instructor and three students (two at 1280 px in English,
 * one on a 390 px phone in 简体中文) — join by code, push, lock (and a crafted request against the
 * lock), predict, crowd sweep, pace, reveal, anonymize, spotlight, CSV export, refresh rejoins.
 */
class ClassIT extends BrowserTestBase {
    static final String SPEC = "{\"version\": 1, \"landscape\": {\"type\": \"quadratic\", \"eigenvalues\": [1, 10]},"
            + " \"runs\": [{\"start\": [-4, 2], \"steps\": 60, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.1}}]}";
    static final String LR = "runs[0].optimizer.lr";

    @Autowired
    ExperimentService experiments;

    static String lrIs(String v) {
        return "() => { const f = document.querySelector(\"vaadin-text-field[data-path='runs[0].optimizer.lr']\");"
                + " return f && f.value === '" + v + "'; }";
    }

    @Test
    void aFullLesson() throws Exception {
        String base = url("");
        ClassPages.Teacher teacher = new ClassPages.Teacher(page);
        String code = teacher.start(base);
        assertThat(code).matches("[A-HJKMNP-Z2-9]{6}");
        String teachUrl = page.url();
        assertThat(teachUrl).contains("/class/teach/" + code + "?k=");
        assertThat(page.locator("#join-qr").getAttribute("src")).startsWith("data:image/svg+xml;base64,");

        List<BrowserContext> contexts = new ArrayList<>();
        List<ClassPages.Student> students = new ArrayList<>();
        String[] names = {"Ada Realname", "Bob Realname", "陈真名"};
        for (int i = 0; i < 3; i++) {
            boolean phone = i == 2;
            BrowserContext c = newContext(phone
                    ? new NewContextOptions().setViewportSize(390, 844).setDeviceScaleFactor(2).setIsMobile(true)
                    .setHasTouch(true).setLocale("zh-CN")
                    : new NewContextOptions().setViewportSize(1280, 800).setLocale("en-US"));
            contexts.add(c);
            Page p = c.newPage();
            p.setDefaultTimeout(20_000);
            students.add(new ClassPages.Student(p).join(base, code, names[i]));
        }
        page.waitForFunction("() => document.querySelectorAll('#gallery .lr-gallery-card').length === 3");

        // push: every seat shows the experiment; the first pushes also warm up compiling and drawing
        for (String warm : new String[]{"0.12", "0.13"}) {
            teacher.pushShareCode(experiments.shareCode(experiments.parseSpec(SPEC.replace("\"lr\": 0.1",
                    "\"lr\": " + warm).getBytes())));
            for (ClassPages.Student s : students) {
                s.page.waitForFunction(lrIs(warm));
            }
        }
        // a push in class: visible on every seat within a second
        page.locator("#push-link input").fill(experiments.shareCode(experiments.parseSpec(SPEC.getBytes())));
        page.locator("#push-link input").press("Tab");
        page.waitForTimeout(300); // the typed value reaches the server before the clock starts
        long pushed = System.nanoTime();
        page.locator("#push-link-button").click();
        for (ClassPages.Student s : students) {
            // a timer, not animation frames: a page in the background gets about one frame a second
            s.page.waitForFunction(lrIs("0.1"), null, new Page.WaitForFunctionOptions().setPollingInterval(10));
        }
        long pushMs = (System.nanoTime() - pushed) / 1_000_000;
        System.out.println("ClassIT: push visible on 3 seats after " + pushMs + " ms");
        // the figure is printed (README); the bound is loose because other builds share this
        // machine's two cores with the server and three browsers (0.7–0.9 s quiet, 2.1 s at load 5)
        assertThat(pushMs).isLessThan(5000);

        // lock: only momentum is free; lr is read-only on the page and refused by the server
        teacher.allow("runs[0].optimizer.momentum");
        ClassPages.Student ada = students.get(0);
        ada.page.waitForFunction("() => { const f = document.querySelector(\"vaadin-text-field[data-path='runs[0].optimizer.momentum']\");"
                + " return f && !f.hasAttribute('readonly'); }");
        assertThat(ada.field(LR).getAttribute("readonly")).isNotNull();
        String[] seat = ada.seat(code).split("\\.", 2);
        HttpResponse<String> crafted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base + "/api/classes/" + code + "/members/" + seat[0] + "/submissions"))
                .header("Content-Type", "application/json").header("X-Seat-Token", seat[1])
                .POST(HttpRequest.BodyPublishers.ofString("{\"spec\": " + SPEC.replace("\"lr\": 0.1", "\"lr\": 0.5") + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(crafted.statusCode()).isEqualTo(403);
        assertThat(crafted.body()).contains("runs[0].optimizer.lr is locked");

        // predict: the default question, two choices
        teacher.ask();
        students.get(0).page.locator("#answer-converge").click();
        students.get(1).page.locator("#answer-diverge").click();
        students.get(2).page.locator("#answer-diverge").click();
        page.waitForFunction("() => document.querySelector('#teach-members').innerText.includes('3 answers')");

        // crowd sweep: η on a log grid 0.01 … 0.3, one value per seat
        teacher.sweep(0.01, 0.3, 3);
        students.get(2).page.waitForFunction("() => document.querySelector(\"vaadin-text-field[data-path='runs[0].optimizer.lr']\").value === '0.3'");
        assertThat(students.get(0).field(LR).evaluate("f => f.value")).isEqualTo("0.01");
        screenshot("class-teacher-before-run");

        // pace: start everyone; the runs end and come back as the class chart
        teacher.click("#pace-start");
        for (ClassPages.Student s : students) {
            s.page.waitForFunction("() => document.querySelector('#seat-phase').dataset.phase === 'running'");
        }
        page.waitForFunction("() => document.querySelector('#class-chart').dataset.points === '3'",
                null, new Page.WaitForFunctionOptions().setTimeout(30_000));
        teacher.click("#reveal");
        for (ClassPages.Student s : students) {
            s.page.locator("#answers").waitFor();
            s.page.waitForFunction("() => document.querySelector('#class-chart').dataset.points === '3'");
        }
        page.locator("#class-code").scrollIntoViewIfNeeded();
        screenshot("class-teacher-1280-en");
        page.locator("#gallery").scrollIntoViewIfNeeded();
        screenshot("class-teacher-gallery-1280-en");
        students.get(2).page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("class-student-390-zh.png")));
        students.get(0).page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(SCREENSHOTS.resolve("class-student-1280-en.png")));

        // anonymize: no real name in any student's page
        teacher.click("#anonymize");
        for (ClassPages.Student s : students) {
            s.page.waitForFunction("() => { const t = document.querySelector('#seat-title'); return t && /Otter|Heron|Lynx/.test(t.innerText); }");
            String html = s.page.content();
            for (String n : names) {
                assertThat(html).doesNotContain(n);
            }
        }

        // spotlight the first card on the projector
        Page projector = context.newPage();
        projector.navigate(base + "/class/" + code + "/projector?k=" + teachUrl.substring(teachUrl.indexOf("k=") + 2));
        projector.locator("#class-chart").waitFor();
        page.locator("#gallery .lr-spotlight-button").first().click();
        projector.waitForFunction("() => { const e = document.querySelector('#projector-spotlight'); return e && e.innerText.includes('Otter'); }");
        assertThat(projector.content()).doesNotContain("Ada Realname");
        projector.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(SCREENSHOTS.resolve("class-projector-1280-en.png")));

        // export CSV: aliases, the swept lr, results and answers
        Download d = page.waitForDownload(() -> page.locator("#export-csv").click());
        List<String> csv = Files.readAllLines(d.path());
        assertThat(csv.get(0)).isEqualTo("alias,runs[0].optimizer.momentum,runs[0].optimizer.lr,final_loss,diverged_at,prediction");
        assertThat(csv).hasSize(4);
        assertThat(csv.get(1)).startsWith("Otter,0,0.01,").endsWith(",converge");
        assertThat(csv.get(3)).startsWith("Lynx,0,0.3,").endsWith(",diverge");

        // refresh: the same seat
        ada.page.reload();
        ada.page.waitForFunction("() => { const t = document.querySelector('#seat-title'); return t && t.innerText.includes('Otter'); }");
        assertThat(ada.seat(code)).isEqualTo(seat[0] + "." + seat[1]);
        contexts.forEach(BrowserContext::close);
    }
}
