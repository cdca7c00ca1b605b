package dev.lrlab.experiment.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.lrlab.experiment.ExperimentService;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.SpecException;
import dev.lrlab.testutil.MiniJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class SweepsTest {

    /**
     * 100 × 50,000 Adam steps on 40-D Rastrigin (2e8 element-steps) against a 20 ms budget: far
     * past it on any machine, so the workers stop at their deadline and the sweep fails with the
     * time limit (the API answers it 422).
     */
    @Test
    void aSweepPastTheTimeLimitStops() {
        // a work cap far above the default (10¹⁰ unit operations would be refused before any work)
        Limits open = new Limits(100_000, 10_000, 8, 1e12, 2_000_000);
        try (ExperimentService tight = new ExperimentService(open, 2, 20)) {
            Sweeps sweeps = new Sweeps(tight, 10_000);
            Map<String, Object> spec = MiniJson.object("{\"landscape\":{\"type\":\"rastrigin\",\"dim\":40},"
                    + "\"runs\":[{\"steps\":50000,\"optimizer\":{\"type\":\"adam\",\"lr\":1e-4}}]}");
            SweepSpec s = sweeps.prepare(spec, List.of(SweepParameter.linRange("runs[0].seed", 0, 99, 100)));
            assertThatThrownBy(() -> sweeps.run(s)).isInstanceOf(dev.lrlab.experiment.TimeLimitException.class)
                    .hasMessageContaining("time limit");
        }
    }
    static final ExperimentService SERVICE = new ExperimentService(Limits.DEFAULT, 4, 20_000);
    static final Sweeps SWEEPS = new Sweeps(SERVICE, 10_000);

    @AfterAll
    static void close() {
        SERVICE.close();
    }

    static Map<String, Object> json(String s) {
        return MiniJson.object(s);
    }

    static final String QUAD_1D = "{\"landscape\":{\"type\":\"quadratic\",\"eigenvalues\":[10]},"
            + "\"runs\":[{\"start\":[1],\"steps\":1000,\"optimizer\":{\"type\":\"sgd\",\"lr\":0.1}}]}";

    @Test
    void lrSweepOnQuadraticSplitsAtTwoOverLambdaMax() {
        SweepResult r = SWEEPS.run(SWEEPS.parse(json("{\"spec\":" + QUAD_1D + ",\"parameters\":[{\"path\":"
                + "\"runs[0].optimizer.lr\",\"values\":[0.05,0.1,0.15,0.19,0.21,0.25,0.3]}]}")));
        assertThat(r.analysis().get(0).lambdaMax()).isEqualTo(10.0);
        assertThat(r.analysis().get(0).stableLr()).isEqualTo(0.2);
        assertThat(r.analysis().get(0).heavyBallStableLr()).isEqualTo(0.2); // β = 0
        List<String> status = r.points().stream().map(SweepResult.SweepPoint::status).toList();
        assertThat(status).containsExactly("completed", "completed", "completed", "completed", "diverged",
                "diverged", "diverged");
        // |1 − ηλ|^k > 1e12 first at k = 290 (1.1), 69 (1.5), 40 (2)
        assertThat(r.points().stream().map(SweepResult.SweepPoint::divergedAtStep).toList())
                .containsExactly(null, null, null, null, 290, 69, 40);
        // η = 0.1 = 1/λ: exactly 0 after one step; best loss is the start's 5 when diverging
        assertThat(r.points().get(1).finalLoss()).isEqualTo(0.0);
        assertThat(r.points().get(6).bestLoss()).isEqualTo(5.0);
        assertThat(r.points().get(0).values()).containsExactly(0.05);
    }

    @Test
    void stabilityMapMatchesTheHeavyBallBoundary() {
        SweepSpec map = StabilityMap.prepare(SWEEPS, 20, 10);
        SweepResult r = SWEEPS.run(map);
        assertThat(r.points()).hasSize(200);
        StabilityMap.Boundary b = StabilityMap.boundary(map);
        assertThat(b.lambdaMax()).isEqualTo(10.0);
        assertThat(b.points().get(0)).isEqualTo(new StabilityMap.BoundaryPoint(0.0, 0.2));
        assertThat(b.points().get(9).lr()).isCloseTo(2 * 1.99 / 10, within(1e-15));
        int checked = 0;
        for (SweepResult.SweepPoint p : r.points()) {
            double lr = ((Number) p.values().get(0)).doubleValue();
            double beta = ((Number) p.values().get(1)).doubleValue();
            double edge = StabilityMap.edge(10, beta);
            if (Math.abs(lr - edge) < 0.02) {
                continue; // near the edge 200 steps decide neither way
            }
            boolean theory = StabilityMap.stable(lr, beta, StabilityMap.EIGENVALUES);
            // start loss ½(16 + 10·4) = 28: stable runs end far below it, unstable ones far above
            assertThat(p.finalLoss() < 28).as("η=%s β=%s", lr, beta).isEqualTo(theory);
            checked++;
        }
        assertThat(checked).isGreaterThan(150);
    }

    @Test
    void pathErrorsAndLandscapePaths() {
        assertThatThrownBy(() -> SWEEPS.parse(json("{\"spec\":" + QUAD_1D + ",\"parameters\":[{\"path\":"
                + "\"runs[1].optimizer.lr\",\"values\":[0.1]}]}")))
                .isInstanceOf(SpecException.class).hasMessageContaining("runs has no element [1]")
                .extracting(e -> ((SpecException) e).field()).isEqualTo("parameters[0].path");
        assertThatThrownBy(() -> SWEEPS.parse(json("{\"spec\":" + QUAD_1D + ",\"parameters\":[{\"path\":"
                + "\"runs[0]..lr\",\"values\":[0.1]}]}")))
                .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).field())
                .isEqualTo("parameters[0].path");
        assertThatThrownBy(() -> SWEEPS.parse(json("{\"spec\":" + QUAD_1D + ",\"parameters\":[]}")))
                .isInstanceOf(SpecException.class).extracting(e -> ((SpecException) e).field())
                .isEqualTo("parameters");
        // a landscape field the user left at its default: the eigenvalue list comes from the canonical spec
        String twoRuns = "{\"landscape\":{\"type\":\"quadratic\"},\"runs\":[{\"start\":[0,1],\"steps\":500,"
                + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.15}},{\"start\":[0,1],\"steps\":500,"
                + "\"optimizer\":{\"type\":\"sgd\",\"lr\":0.05}}]}";
        SweepSpec s = SWEEPS.parse(json("{\"spec\":" + twoRuns + ",\"parameters\":[{\"path\":"
                + "\"landscape.eigenvalues[1]\",\"values\":[10,20,50]}]}"));
        assertThat(s.runs()).containsExactly(0, 1);
        assertThat(s.specAt(1).get("landscape")).isEqualTo(Map.of("type", "quadratic", "eigenvalues", List.of(1.0, 20)));
        SweepResult r = SWEEPS.run(s);
        // 2/λ: 0.2, 0.1, 0.04; run 0 (η 0.15) survives only λ = 10, run 1 (η 0.05) also λ = 20
        assertThat(r.points()).extracting(SweepResult.SweepPoint::status)
                .containsExactly("completed", "diverged", "diverged");
        assertThat(r.points().get(1).runs()).extracting(SweepResult.RunOutcome::status)
                .containsExactly("diverged", "completed");
    }

    @Test
    void cancelStopsTheWorkersAndProgressCounts() throws Exception {
        String slow = "{\"landscape\":{\"type\":\"rosenbrock\"},\"runs\":[{\"steps\":100000,"
                + "\"optimizer\":{\"type\":\"adam\",\"lr\":1e-4}}]}";
        SweepSpec s = SWEEPS.parse(json("{\"spec\":" + slow + ",\"parameters\":[{\"path\":\"runs[0].seed\","
                + "\"linRange\":{\"from\":0,\"to\":399,\"count\":400}}]}")); // under the work cap
        SweepJob job = SWEEPS.start(s);
        while (job.pointsDone() < 2) {
            Thread.sleep(5);
        }
        job.cancel();
        assertThatThrownBy(job::await).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(job.progress()).isGreaterThan(0).isLessThan(1);
        // the workers give their slots back: a new sweep runs at once
        Thread.sleep(200);
        assertThat(SWEEPS.run(SWEEPS.parse(json("{\"spec\":" + QUAD_1D + ",\"parameters\":[{\"path\":"
                + "\"runs[0].optimizer.lr\",\"values\":[0.1]}]}"))).points()).hasSize(1);
    }
}
