package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.RequestOptions;
import org.junit.jupiter.api.Test;

class PlaygroundIT extends BrowserTestBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void runStreamsTheLossCurveIntoApexChartsAndShowsTheStabilityEdge() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        assertThat(page.title()).contains("LR Lab");
        assertThat(playground.readout("lambdaMax")).isEqualTo("10");
        assertThat(playground.readout("edge")).isEqualTo("0.2");
        assertThat(page.locator("#regime-badge").innerText()).isEqualTo("Oscillating");

        playground.run();
        playground.waitForDrawnLossPoints(20);
        assertThat(playground.drawnLossPoints(0)).isGreaterThanOrEqualTo(20);
        playground.waitForStatus("Finished");
        playground.waitForDrawnLossPoints(101);
        assertThat(playground.drawnLossPoints(0)).isEqualTo(101);
        assertThat(playground.trajectoryPoints(0)).isEqualTo(101);
        screenshot("playground-run");
    }

    /** A batch already on its way when Pause is pressed must not leave "Running… step k" on a paused run. */
    @Test
    void pausedSaysPausedWhateverBatchArrivesAfterThePause() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/?preset=s1-stability-edge"));
        playground.run();
        for (int i = 0; i < 4; i++) {
            page.waitForFunction("() => document.querySelector('#run-status').innerText.startsWith('Running')");
            playground.pause();
            page.waitForFunction("() => document.querySelector('#btn-play').innerText.includes('Resume')");
            page.waitForTimeout(400); // several batch intervals: anything in flight has arrived
            assertThat(page.locator("#run-status").innerText()).as("pause %d", i).startsWith("Paused at step")
                    .doesNotContain("Running");
            playground.run(); // Resume
        }
    }

    /** Ticking a run's visibility box hides it and leaves the selection alone (Remove must not hit the hidden run). */
    @Test
    void tickingAVisibilityBoxDoesNotSelectThatRun() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/?preset=s1-stability-edge"));
        playground.selectRun(0);
        page.locator("#run-chip-1 vaadin-checkbox").click();
        page.waitForFunction("() => !document.querySelector('#run-chip-1 vaadin-checkbox').checked");
        page.waitForTimeout(300); // the server has heard the toggle (and would have re-rendered a selection)
        assertThat(playground.runSelected(0)).isTrue();
        assertThat(playground.runSelected(1)).isFalse();
        page.locator("#run-remove").click();
        page.waitForFunction("() => document.querySelector('#run-chip-1') === null");
        // the hidden run is the one left; the selected one was removed
        assertThat(page.locator("#run-chip-0").innerText()).contains("η = 0.21");
    }

    @Test
    void pauseAndScrubPutTheMarkerOnThatTrajectoryRow() throws Exception {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/?preset=s1-stability-edge"));
        assertThat(page.locator("#preset-card").isVisible()).isTrue();
        playground.run();
        playground.waitForDrawnLossPoints(30);
        playground.pause();
        page.waitForFunction("() => document.querySelector('#btn-play').innerText.includes('Resume')");
        playground.scrubTo(25);
        playground.waitForPlayhead(25);

        JsonNode result = simulate(playground.shareCode());
        JsonNode row = result.path("runs").get(0).path("theta").get(25);
        double[] marker = playground.marker(0);
        assertThat(marker[0]).isCloseTo(row.get(0).asDouble(), within(1e-12));
        assertThat(marker[1]).isCloseTo(row.get(1).asDouble(), within(1e-12));
        page.waitForFunction("() => document.querySelector('#readout-step').innerText.trim() === '25'");
        screenshot("playground-scrubbed");
    }

    @Test
    void aDivergingRunShowsTheBannerAndKeepsTheChartsFinite() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        playground.setLearningRate(0.21);
        page.waitForFunction("() => document.querySelector('#regime-badge').innerText.startsWith('Unstable')");
        page.locator("#speed").click();
        page.locator("vaadin-select-item", new com.microsoft.playwright.Page.LocatorOptions().setHasText("Max speed")).click();
        page.locator("#run-steps input").fill("2000");
        page.locator("#run-steps input").press("Tab");
        playground.run();
        page.waitForSelector("#diverged-banner", new com.microsoft.playwright.Page.WaitForSelectorOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.VISIBLE));
        assertThat(playground.banner()).matches(".*diverged at step \\d+.*");
        playground.waitForStatus("Finished");
        // diverges near step 283; the chart shows every 4th of the 2000 planned steps
        playground.waitForDrawnLossPoints(60);
        Object allFinite = page.evaluate("() => document.querySelector('#chart-loss').chart.w.config.series"
                + ".every(s => s.data.every(p => Number.isFinite(p[0]) && Number.isFinite(p[1])))");
        assertThat(allFinite).isEqualTo(true);
        screenshot("playground-diverged");
    }

    @Test
    void theUrlReproducesTheIdenticalExperiment() {
        PlaygroundPage first = new PlaygroundPage(page).open(url("/"));
        page.waitForFunction("() => location.search.includes('s=')");
        String before = page.url();
        first.setLearningRate(0.05);
        page.waitForFunction("() => document.querySelector('#readout-etaLambda').innerText.trim() === '0.5'");
        page.waitForFunction("u => location.href !== u", before);
        String shared = page.url();
        first.run();
        first.waitForStatus("Finished");
        first.waitForPlayhead(100);
        double[] end = first.marker(0);

        com.microsoft.playwright.Page other = context.newPage();
        PlaygroundPage second = new PlaygroundPage(other).open(shared);
        assertThat(other.locator("#optimizer-form vaadin-number-field[data-param='lr'] input").inputValue())
                .isEqualTo("0.05");
        second.run();
        second.waitForStatus("Finished");
        second.waitForPlayhead(100);
        assertThat(second.marker(0)).containsExactly(end);
        assertThat(second.shareCode()).isEqualTo(first.shareCode());
    }

    @Test
    void aBrokenLinkShowsAFriendlyPageWithAFreshStart() {
        page.navigate(url("/?s=1.this-is-not-a-share-code"));
        page.waitForSelector("#broken-link");
        assertThat(page.locator("#broken-link").innerText()).contains("This link does not open an experiment");
        assertThat(page.content()).doesNotContain("Exception");
        screenshot("playground-broken-link");
        page.locator("#btn-fresh-start").click();
        new PlaygroundPage(page).waitUntilReady();
        assertThat(page.locator("#readout-lambdaMax").innerText().trim()).isEqualTo("10");
    }

    @Test
    void languageSwitchChangesTheVisibleStrings() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        assertThat(playground.navText()).contains("Playground", "Presets", "Compare", "Class", "About");
        playground.switchLanguage("简体中文");
        page.waitForFunction("() => document.querySelector('vaadin-side-nav').innerText.includes('实验场')");
        assertThat(playground.navText()).contains("实验场", "预设实验", "对比", "课堂", "关于");
        assertThat(page.locator("#btn-play").innerText()).contains("运行");
        assertThat(page.locator("#regime-badge").innerText()).isEqualTo("振荡");
        screenshot("playground-zh");
    }

    private JsonNode simulate(String code) throws Exception {
        APIResponse spec = page.request().get(url("/api/share/" + code));
        assertThat(spec.status()).isEqualTo(200);
        APIResponse res = page.request().post(url("/api/simulate"), RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(spec.text()));
        assertThat(res.status()).isEqualTo(200);
        return JSON.readTree(res.text());
    }

    @Test
    void exportsTheTrajectoriesAsCsvAndJson() throws Exception {
        new PlaygroundPage(page).open(url("/"));
        page.waitForFunction("() => document.querySelector('#export-csv').href.includes('VAADIN')");
        String csvHref = (String) page.evaluate("() => document.querySelector('#export-csv').href");
        String csv = page.request().get(csvHref).text();
        String[] lines = csv.split("\n");
        assertThat(lines[0]).isEqualTo("run,label,step,theta_0,theta_1,loss,lr,gradNorm,updateNorm");
        assertThat(lines).hasSize(102);
        // GD η = 0.15 from (−4, 2) on diag(1, 10): θ1 = (−4·0.85, 2·(1 − 1.5)) = (−3.4, −1)
        assertThat(lines[2]).startsWith("0,GD,1,-3.4,-1.0,");
        String jsonHref = (String) page.evaluate("() => document.querySelector('#export-json').href");
        JsonNode json = JSON.readTree(page.request().get(jsonHref).text());
        assertThat(json.path("runs").get(0).path("theta").size()).isEqualTo(101);
    }
}
