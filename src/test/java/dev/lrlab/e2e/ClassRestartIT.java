package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.lrlab.links.AppProcess;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A class outlives its server, seen in real browsers: the packaged jar on the default H2 file
 * database, an instructor and a student in Chromium, the experiment pushed and a question
 * answered; then {@code kill -9} and a new process on the same port and data directory. The
 * instructor's link gives back the same dashboard, and the student's refresh the same seat with
 * the experiment and the answer.
 */
class ClassRestartIT {
    static final String SPEC = "{\"version\": 1, \"landscape\": {\"type\": \"quadratic\", \"eigenvalues\": [1, 10]},"
            + " \"runs\": [{\"start\": [-4, 2], \"steps\": 60, \"optimizer\": {\"type\": \"sgd\", \"lr\": 0.07}}]}";
    static final String LR_SHOWN = "() => { const f = document.querySelector(\"vaadin-text-field[data-path='runs[0].optimizer.lr']\");"
            + " return f && f.value === '0.07'; }";

    @Test
    void theDashboardAndTheSeatComeBackAfterKillDashNine() throws Exception {
        Browser.requireChromium();
        Path dir = Files.createTempDirectory("lrlab-class-restart-");
        Path data = dir.resolve("data");
        int port = AppProcess.freePort();
        String base = "http://127.0.0.1:" + port;
        try (Playwright playwright = Browser.createPlaywright();
             com.microsoft.playwright.Browser browser = Browser.launch(playwright)) {
            BrowserContext teacherContext = browser.newContext();
            BrowserContext studentContext = browser.newContext();
            Page teacher = teacherContext.newPage();
            Page student = studentContext.newPage();
            teacher.setDefaultTimeout(30_000);
            student.setDefaultTimeout(30_000);
            String code;
            String teachUrl;
            AppProcess app = AppProcess.startOn(port, dir, Map.of(), "--lrlab.data-dir=" + data);
            try {
                ClassPages.Teacher t = new ClassPages.Teacher(teacher);
                code = t.start(base);
                teachUrl = teacher.url();
                String secret = teachUrl.substring(teachUrl.indexOf("k=") + 2);
                assertThat(instructor(app, "POST", "/api/classes/" + code + "/push", secret, "{\"spec\": " + SPEC + "}"))
                        .isEqualTo(200);
                assertThat(instructor(app, "POST", "/api/classes/" + code + "/question", secret,
                        "{\"kind\": \"choice\"}")).isEqualTo(200);
                new ClassPages.Student(student).join(base, code, "Ada");
                student.waitForFunction(LR_SHOWN);
                student.locator("#answer-oscillate").click();
                student.locator("#seat-answered").waitFor();
                teacher.waitForFunction("() => document.querySelector('#teach-members').innerText.includes('1 answer')");
            } finally {
                app.kill(); // no shutdown hook, no flush: what was answered must already be on disk
            }
            try (AppProcess again = AppProcess.startOn(port, dir, Map.of(), "--lrlab.data-dir=" + data)) {
                teacher.navigate(teachUrl);
                assertThat(teacher.locator("#class-code").innerText().strip()).isEqualTo(code);
                teacher.waitForFunction("() => [...document.querySelectorAll('#gallery .lr-gallery-card')]"
                        + ".some(c => c.innerText.includes('Ada'))");
                student.reload();
                student.waitForFunction("() => { const t = document.querySelector('#seat-title');"
                        + " return t && t.innerText.includes('Ada'); }");
                student.waitForFunction(LR_SHOWN);
                assertThat(student.locator("#seat-answered").innerText()).containsIgnoringCase("oscillate");
                assertThat(again.tail()).doesNotContain("ERROR");
            }
            teacherContext.close();
            studentContext.close();
        }
    }

    private static int instructor(AppProcess app, String method, String path, String secret, String body)
            throws Exception {
        HttpResponse<String> r = AppProcess.HTTP.send(HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", "Bearer " + secret).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
