package dev.lrlab.presets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lrlab.core.engine.RunResult;
import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.experiment.compare.Comparison;
import dev.lrlab.experiment.compare.ComparisonResult;
import dev.lrlab.experiment.compare.RunMetrics;
import dev.lrlab.experiment.sweep.PanelSweeps;
import dev.lrlab.experiment.sweep.StabilityMap;
import dev.lrlab.experiment.sweep.SweepResult;
import dev.lrlab.experiment.sweep.SweepSpec;
import dev.lrlab.experiment.sweep.Sweeps;
import dev.lrlab.spec.Limits;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every comparison preset compiles, is bilingual, and shows what its card claims, in numbers. */
class ComparisonPresetEffectsTest {
    static final PresetCatalog CATALOG = PresetCatalog.standard();
    static final ExperimentService SERVICE = new ExperimentService(Limits.DEFAULT, 2, 60_000);
    static final Sweeps SWEEPS = new Sweeps(SERVICE, Sweeps.DEFAULT_MAX_POINTS);
    static final Map<String, Consumer<ComparisonResult>> EFFECTS = new HashMap<>();

    @AfterAll
    static void close() {
        SERVICE.close();
    }

    static RunMetrics m(ComparisonResult r, int panel, int run) {
        return r.metrics().get(r.indexOf(panel, run));
    }

    static RunResult run(ComparisonResult r, int panel, int run) {
        return r.panels().get(panel).runs().get(run);
    }

    static double[] last(RunResult r) {
        return r.theta()[r.theta().length - 1];
    }

    static int rowOf(RunResult r, int step) {
        for (int i = 0; i < r.steps().length; i++) {
            if (r.steps()[i] == step) {
                return i;
            }
        }
        throw new AssertionError("no row for step " + step);
    }

    static SweepResult sweep(String id, Comparison c) {
        ComparisonPreset p = CATALOG.comparison(id).orElseThrow();
        SweepSpec s = PanelSweeps.ofPreset(SWEEPS, c.panels(), p.sweep());
        return SWEEPS.run(s);
    }

    static {
        EFFECTS.put("cmp-s29-game-methods", r -> {
            double start = Math.sqrt(2);
            double sim = m(r, 0, 0).distance();
            double ttur = m(r, 0, 1).distance();
            assertThat(sim).isGreaterThan(10 * start);
            assertThat(ttur).isGreaterThan(start).isLessThan(sim);
            assertThat(m(r, 1, 0).distance()).isBetween(0.5 * start, 2 * start);
            assertThat(m(r, 2, 0).distance()).isLessThan(0.5 * start);
            assertThat(m(r, 3, 0).distance()).isLessThan(0.5 * start);
            assertThat(r.differences().get(1).get(0).text()).isEqualTo("runs[0].game.method: alternating");
        });
        EFFECTS.put("cmp-s26-flat-vs-sharp", r -> {
            RunMetrics small = m(r, 0, 0);
            RunMetrics big = m(r, 1, 0);
            assertThat(big.stableSharpness()).isEqualTo(10.0, org.assertj.core.api.Assertions.within(1e-9));
            assertThat(small.sharpnessEnd()).isGreaterThan(big.stableSharpness());
            assertThat(big.sharpnessEnd()).isLessThan(big.stableSharpness());
            assertThat(big.testLoss()).isLessThan(small.testLoss());
        });
        EFFECTS.put("cmp-s14-adam-l2-vs-adamw", r -> {
            double[] a = last(run(r, 0, 0));
            double[] b = last(run(r, 1, 0));
            assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isGreaterThan(0.05);
            assertThat(r.differences().get(1)).hasSize(1);
            assertThat(r.differences().get(1).get(0).path()).isEqualTo("runs[0].optimizer");
        });
        EFFECTS.put("cmp-s11-adagrad-vs-rmsprop", r -> {
            RunResult ada = run(r, 0, 0);
            RunResult rms = run(r, 1, 0);
            assertThat(m(r, 1, 0).finalLoss()).isLessThan(m(r, 0, 0).finalLoss());
            assertThat(rms.updateNorm()[150] / rms.updateNorm()[99]).isGreaterThan(0.5);
            assertThat(ada.updateNorm()[150] / ada.updateNorm()[99]).isLessThan(0.2);
        });
        EFFECTS.put("cmp-s8-momentum-reset", r -> {
            RunResult keep = run(r, 0, 0);
            RunResult reset = run(r, 1, 0);
            assertThat(reset.loss()[rowOf(reset, 100)]).isEqualTo(keep.loss()[rowOf(keep, 100)]);
            double[] a = last(keep);
            double[] b = last(reset);
            assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isGreaterThan(1e-3);
            assertThat(r.differences().get(1).get(0).text()).isEqualTo("runs[0].resetMomentumOnRestart: true");
        });
        EFFECTS.put("cmp-s5-batch-scaling", r -> {
            double small = m(r, 0, 0).finalLoss(); // 200 × 4 = 800 samples
            double linear = m(r, 1, 0).finalLoss(); // 50 × 16
            double sqrt = m(r, 2, 0).finalLoss();
            assertThat(linear).isLessThan(2 * small).isGreaterThan(small / 2);
            assertThat(sqrt).isGreaterThan(1.5 * linear);
        });
        EFFECTS.put("cmp-s1-lr-sweep", r -> {
            assertThat(m(r, 0, 0).divergedAtStep()).isNull();
            assertThat(m(r, 1, 0).divergedAtStep()).isNotNull();
            Comparison c = Comparison.compile(SERVICE, CATALOG.comparison("cmp-s1-lr-sweep").orElseThrow().spec());
            SweepResult s = sweep("cmp-s1-lr-sweep", c);
            double edge = s.analysis().get(0).stableLr();
            assertThat(edge).isEqualTo(0.2, org.assertj.core.api.Assertions.within(1e-9));
            int diverged = 0;
            for (SweepResult.SweepPoint p : s.points()) {
                double lr = ((Number) p.values().get(0)).doubleValue();
                assertThat(p.diverged()).as("η = " + lr).isEqualTo(lr > edge);
                diverged += p.diverged() ? 1 : 0;
            }
            assertThat(s.points()).hasSize(40);
            assertThat(diverged).isBetween(10, 30);
        });
        EFFECTS.put("cmp-s6-stability-map", r -> {
            assertThat(m(r, 0, 0).divergedAtStep()).isNotNull();
            assertThat(m(r, 1, 0).divergedAtStep()).isNull();
            Comparison c = Comparison.compile(SERVICE, CATALOG.comparison("cmp-s6-stability-map").orElseThrow().spec());
            SweepResult s = sweep("cmp-s6-stability-map", c);
            assertThat(s.points()).hasSize(40 * 40);
            double lmax = s.analysis().get(0).lambdaMax();
            int checked = 0;
            for (SweepResult.SweepPoint p : s.points()) {
                double lr = ((Number) p.values().get(0)).doubleValue();
                double beta = ((Number) p.values().get(1)).doubleValue();
                double edge = StabilityMap.edge(lmax, beta);
                if (lr < 0.95 * edge && beta < 0.9) { // far from the edge; near β → 1 200 steps are too few to settle
                    assertThat(p.diverged()).as("η %s β %s", lr, beta).isFalse();
                    checked++;
                } else if (lr > 1.05 * edge) {
                    assertThat(p.finalLoss()).as("η %s β %s", lr, beta)
                            .isGreaterThan(p.bestLoss());
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(1000);
        });
    }

    @Test
    void everyComparisonPresetHasAClaimAndBothLanguages() {
        List<ComparisonPreset> all = CATALOG.comparisons();
        assertThat(all).extracting(ComparisonPreset::id).containsExactlyInAnyOrderElementsOf(EFFECTS.keySet());
        for (ComparisonPreset p : all) {
            for (Map<String, String> text : List.of(p.title(), p.question(), p.expect())) {
                assertThat(text.get("en")).as(p.id()).isNotBlank();
                assertThat(text.get("zh")).as(p.id()).isNotBlank().containsPattern("\\p{IsHan}");
            }
        }
        assertThat(CATALOG.all()).hasSize(29); // the experiment presets are untouched
    }

    @TestFactory
    Stream<DynamicTest> eachShowsItsEffect() {
        return CATALOG.comparisons().stream().map(p -> DynamicTest.dynamicTest(p.id(), () -> {
            ComparisonResult r = Comparison.compile(SERVICE, p.spec()).simulateNow();
            EFFECTS.get(p.id()).accept(r);
        }));
    }
}
