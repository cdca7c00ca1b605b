package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlaygroundIT extends BrowserTestBase {

    @Test
    void runStreamsTheLossCurveIntoApexChartsAndShowsTheStabilityEdge() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        assertThat(page.title()).contains("LR Lab");
        assertThat(playground.readout("lambda-max")).isEqualTo("10");
        assertThat(playground.readout("stability-edge")).isEqualTo("0.2");

        playground.run();
        playground.waitForDrawnLossPoints(20);
        assertThat(playground.drawnLossPoints()).isGreaterThanOrEqualTo(20);
        page.waitForFunction("() => document.querySelector('#status').innerText.includes('Finished')");
        assertThat(playground.drawnLossPoints()).isEqualTo(101);
        screenshot("playground-run");
    }

    @Test
    void languageSwitchChangesTheVisibleStrings() {
        PlaygroundPage playground = new PlaygroundPage(page).open(url("/"));
        assertThat(playground.navText()).contains("Playground", "Compare", "Class", "About");
        playground.switchLanguage("简体中文");
        page.waitForFunction("() => document.querySelector('vaadin-side-nav').innerText.includes('实验场')");
        assertThat(playground.navText()).contains("实验场", "对比", "课堂", "关于");
        assertThat(page.locator("#run").innerText()).contains("运行");
        screenshot("playground-zh");
    }
}
