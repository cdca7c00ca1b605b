package dev.lrlab.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.RequestOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompareIT extends BrowserTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonNode simulatePreset(String id) throws Exception {
        JsonNode preset = JSON.readTree(Files.readString(Path.of("src/main/resources/comparisons/" + id + ".json")));
        APIResponse res = page.request().post(url("/api/simulate"), RequestOptions.create()
                .setHeader("Content-Type", "application/json").setData(JSON.writeValueAsString(preset.get("spec"))));
        assertThat(res.status()).isEqualTo(200);
        return JSON.readTree(res.text());
    }

    @Test
    void onePresetFourPanelsOneTimelineEveryMarkerOnItsRow() throws Exception {
        page.navigate(url("/presets"));
        page.locator("#compare-cmp-s29-game-methods").click();
        page.waitForURL("**/compare?**");
        ComparePage compare = new ComparePage(page).open(page.url());
        assertThat(compare.panels()).isEqualTo(4);
        assertThat(compare.differs(2)).contains("runs[0].game.method: extragradient");
        assertThat(compare.differs(1)).doesNotContain("null"); // panel 1's TTUR run is absent here
        // at 1280 px the four panels share one row
        BoundingBox first = page.locator("#panel-0").boundingBox();
        BoundingBox last = page.locator("#panel-3").boundingBox();
        assertThat(last.y).isEqualTo(first.y);
        assertThat(last.x).isGreaterThan(first.x + first.width);
        compare.run();
        compare.waitForPoints(4, 80);
        page.locator("#btn-play").click(); // pause every panel
        compare.scrubTo(60);
        JsonNode result = simulatePreset("cmp-s29-game-methods");
        for (int p = 0; p < 4; p++) {
            compare.waitForPlayhead(p, 60);
            JsonNode row = result.path("panels").get(p).path("runs").get(0).path("theta").get(60);
            double[] marker = compare.marker(p, 0);
            assertThat(marker[0]).as("panel %d", p).isCloseTo(row.get(0).asDouble(), within(1e-12));
            assertThat(marker[1]).as("panel %d", p).isCloseTo(row.get(1).asDouble(), within(1e-12));
        }
        page.waitForFunction("() => document.querySelector('#panel-3 #readout-step').innerText.trim() === '60'");
        screenshot("compare-games-scrubbed");
        // every chart's title clears its toolbar (in a third of the row a long title used to run under the icons)
        @SuppressWarnings("unchecked")
        List<List<Number>> boxes = (List<List<Number>>) page.evaluate("() => [...document.querySelectorAll('#charts lr-chart')]"
                + ".filter(c => c.querySelector('.apexcharts-title-text') && c.querySelector('.apexcharts-toolbar'))"
                + ".map(c => { const t = c.querySelector('.apexcharts-title-text').getBoundingClientRect();"
                + " const b = c.querySelector('.apexcharts-toolbar').getBoundingClientRect();"
                + " return [t.right, t.bottom, b.left, b.top]; })");
        assertThat(boxes).isNotEmpty();
        for (List<Number> b : boxes) {
            assertThat(b.get(0).doubleValue() <= b.get(2).doubleValue() || b.get(1).doubleValue() <= b.get(3).doubleValue())
                    .as("title [right, bottom] vs toolbar [left, top]: %s", b).isTrue();
        }
        screenshotAll("compare-games-all");
    }

    @Test
    void pinningABaselineShowsColouredDeltas() {
        ComparePage compare = new ComparePage(page).open(url("/compare?preset=cmp-s29-game-methods"));
        page.waitForSelector("#pin-1-0");
        compare.pin(1, 0); // alternating: it circles at the start distance
        List<String> v = compare.verdicts("distance");
        // simultaneous and TTUR spiral out (worse), extragradient and optimistic spiral in (better)
        assertThat(v).containsExactly("worse", "worse", "better", "better");
        String color = (String) page.evaluate("() => getComputedStyle(document.querySelector("
                + "'#metrics [data-metric=distance] [data-verdict=better]')).color");
        assertThat(color).isNotEqualTo(page.evaluate("() => getComputedStyle(document.querySelector("
                + "'#metrics [data-metric=distance] [data-verdict=worse]')).color"));
        screenshot("compare-metrics-pinned");
        screenshotOf("#metrics", "compare-metrics-table");
    }

    @Test
    void theLrSweepDivergesExactlyAboveTwoOverLambdaMax() {
        long t0 = System.nanoTime();
        new ComparePage(page).open(url("/compare?preset=cmp-s1-lr-sweep"));
        List<List<Number>> pts = new ComparePage(page).sweepPoints();
        System.out.printf("LR sweep of 40 runs shown after %d ms (page load included)%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(pts).hasSize(40);
        for (List<Number> p : pts) {
            assertThat(p.get(1).intValue() == 1).as("η = %s", p.get(0)).isEqualTo(p.get(0).doubleValue() > 0.2);
        }
        assertThat(pts.stream().filter(p -> p.get(1).intValue() == 1).count()).isGreaterThanOrEqualTo(10);
        assertThat(page.locator("#edge-line").innerHTML()).contains("0.2");
        System.out.println("sweep note: " + page.locator("#sweep-note").innerText());
        screenshotOf("#sweeps", "compare-lr-sweep");
        page.locator("#lr-sweep-plot .lr-pt[data-diverged=true]").first().click();
        page.waitForURL("**/playground?s=**");
    }

    @Test
    void theStabilityMapAndTheRangeTest() {
        new ComparePage(page).open(url("/compare?preset=cmp-s6-stability-map"));
        page.waitForSelector("#stability-map-plot .lr-cell");
        assertThat(page.locator("#stability-map-plot .lr-cell").count()).isEqualTo(1600);
        assertThat(page.locator("#map-boundary").count()).isEqualTo(1);
        System.out.println("map note: " + page.locator("#sweep-note").innerText());
        screenshot("compare-stability-map");
        screenshotOf("#sweeps", "compare-stability-map-plot");
        page.locator("#tab-range-test").click(); // a tab's content is attached only while it is selected
        page.locator("#run-range-test").click();
        page.waitForSelector("#range-test-plot #suggested-line");
        screenshotOf("#sweeps", "compare-range-test");
        assertThat(page.locator("#range-explain").innerText()).contains("Suggested lr");
    }

    @Test
    void compareFromThePlaygroundPutsTheExperimentAndACopySideBySide() {
        page.navigate(url("/?preset=s1-stability-edge"));
        page.locator("#btn-compare").click();
        page.waitForURL("**/compare?**");
        ComparePage compare = new ComparePage(page).open(page.url());
        assertThat(compare.panels()).isEqualTo(2);
        assertThat(compare.differs(1)).isEqualTo("Same as panel 1");
        page.locator("#duplicate-1").click();
        page.waitForSelector("#panel-2");
        assertThat(compare.panels()).isEqualTo(3);
    }

    @Test
    void onAPhoneInChineseThePanelsStack() {
        Browser b = context.browser();
        BrowserContext zh = b.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN"));
        page = zh.newPage();
        page.setDefaultTimeout(20_000);
        try {
            ComparePage compare = new ComparePage(page).open(url("/compare?preset=cmp-s26-flat-vs-sharp"));
            page.waitForFunction("() => document.querySelector('#compare').innerText.includes('对比')");
            BoundingBox a = page.locator("#panel-0").boundingBox();
            BoundingBox c = page.locator("#panel-1").boundingBox();
            assertThat(c.y).isGreaterThan(a.y + a.height - 1);
            assertThat(a.width).isLessThanOrEqualTo(390);
            assertThat(((Number) page.evaluate("() => document.documentElement.scrollWidth")).intValue())
                    .isLessThanOrEqualTo(391);
            compare.run();
            compare.waitForPoints(2, 200);
            page.waitForSelector("#pin-1-0");
            screenshot("compare-phone-zh");
            screenshotAll("compare-phone-zh-all");
        } finally {
            zh.close();
        }
    }
}
