package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.live.vaadin.LiveUiService;
import dev.lrlab.spec.Limits;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people, one server: one plays the cheap S1 preset while others open a share link whose
 * steps are dear (a curvature schedule with 800 power iterations on a 10,000-dimensional
 * Rastrigin: about 0.15 s a step here; four steps keep it under the work cap). The cheap run keeps its pace and the dear ones are paused (or, when a step runs past its bound, stopped)
 * with the translated "too slow to play live" message; closing their tabs removes their sessions.
 * (Before, every live session shared one lane thread: the dear run's owed steps held it for
 * seconds per tick and the cheap run's counter crawled.)
 */
class LiveFairnessIT extends BrowserTestBase {

    private static final Pattern RUNNING_STEP = Pattern.compile("^Running… step (\\d+)");

    @Autowired
    LiveUiService live;

    private static String dearCode() {
        Map<String, Object> run = Map.of("steps", 4, "optimizer", Map.of("type", "sgd", "lr", 0.001),
                "schedule", Map.of("type", "curvature", "powerIterations", 800));
        try (ExperimentService service = new ExperimentService(Limits.DEFAULT, 1, 10_000)) {
            return service.shareCode(Map.of("landscape", Map.of("type", "rastrigin", "dim", 10_000),
                    "runs", List.of(run)));
        }
    }

    private int cheapStep() {
        String status = page.locator("#run-status").innerText().trim();
        Matcher m = RUNNING_STEP.matcher(status);
        assertThat(m.find()).as("the cheap run still running: " + status).isTrue();
        return Integer.parseInt(m.group(1));
    }

    /** Another person's tab on the dear link (Run not pressed yet). */
    private Page dearTab(String locale, String code) {
        BrowserContext c = newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(1280, 800).setLocale(locale));
        Page p = c.newPage();
        p.setDefaultTimeout(20_000);
        new PlaygroundPage(p).open(url("/?s=" + code));
        return p;
    }

    @Test
    void aCheapRunKeepsItsPaceWhileDearRunsArePausedWithATranslatedMessage() {
        String code = dearCode();
        PlaygroundPage cheap = new PlaygroundPage(page).open(url("/?preset=s1-stability-edge"));
        page.locator("#speed").click();
        page.locator("vaadin-select-item", new Page.LocatorOptions().setHasText(Pattern.compile("^\\s*30 steps/s\\s*$")))
                .click();
        page.waitForFunction("() => !document.querySelector('vaadin-select-overlay[opened]')");
        Page zh = dearTab("zh-CN", code);
        Page en = dearTab("en-US", code);

        // 320 steps at 30 steps/s: about 11 s of play, the dear runs start inside it
        cheap.run();
        cheap.waitForStatus("Running");
        new PlaygroundPage(zh).run();
        new PlaygroundPage(en).run();
        int from = cheapStep();
        long t0 = System.nanoTime();
        page.waitForTimeout(4_000);
        int to = cheapStep();
        double stepsPerSecond = (to - from) / ((System.nanoTime() - t0) / 1e9);
        System.out.printf(Locale.ROOT, "cheap S1 tab at 30 steps/s next to two dear tabs: step %d → %d, %.1f steps/s "
                + "(status '%s'; %d sessions open, %d on the heavy lane)%n", from, to, stepsPerSecond,
                page.locator("#run-status").innerText(), live.scheduler().openSessions(),
                live.scheduler().heavySessions());
        assertThat(stepsPerSecond).as("the cheap tab's steps/s (paced at 30)").isGreaterThanOrEqualTo(20);

        zh.waitForSelector("#too-slow-banner:visible");
        // two outcomes protect the others: paused after two slow steps, or (a step that checks its
        // guard and runs past its slice) cut and stopped; which one depends on the machine's speed
        assertThat(zh.locator("#too-slow-banner").innerText()).contains("太慢，无法实时播放").contains("powerIterations")
                .containsPattern("(约需|超过) \\d+(\\.\\d)? m?s");
        en.waitForSelector("#too-slow-banner:visible");
        assertThat(en.locator("#too-slow-banner").innerText()).contains("too slow to play live")
                .containsPattern("(about \\d+(\\.\\d)? m?s each — too slow to play live, so it was paused"
                        + "|more than \\d+(\\.\\d)? m?s and was cut short — too slow to play live, so the run was stopped)");
        en.waitForFunction("() => /^(Paused|Stopped) at step/.test(document.querySelector('#run-status').innerText)");
        zh.locator("#too-slow-banner").screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("live-too-slow-zh.png")));

        // their tabs close: their sessions go at once, the cheap one plays on
        zh.context().close();
        en.context().close();
        long t1 = System.nanoTime();
        while (live.scheduler().openSessions() > 1 && System.nanoTime() - t1 < 3_000_000_000L) {
            page.waitForTimeout(50);
        }
        assertThat(live.scheduler().openSessions()).as("sessions open after the dear tabs closed").isEqualTo(1);
        page.waitForFunction("() => document.querySelector('#run-status').innerText.startsWith('Finished at step 320')",
                null, new Page.WaitForFunctionOptions().setTimeout(20_000));
    }
}
