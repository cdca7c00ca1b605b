package dev.lrlab.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.spec.ExperimentCompiler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {

    static Map<String, Object> sgd(double lr) {
        return new HashMap<>(Map.of("type", "sgd", "lr", lr));
    }

    static Map<String, Object> run(double lr, List<Double> start, int steps) {
        Map<String, Object> r = new HashMap<>();
        r.put("optimizer", sgd(lr));
        r.put("start", start);
        r.put("steps", steps);
        return r;
    }

    static ExperimentResult runSpec(Map<String, Object> landscape, List<Map<String, Object>> runs) {
        Map<String, Object> spec = new HashMap<>();
        spec.put("landscape", landscape);
        spec.put("runs", runs);
        return ExperimentRunner.run(ExperimentCompiler.compileDefault(spec));
    }

    static Map<String, Object> quadratic(List<Double> eig) {
        return new HashMap<>(Map.of("type", "quadratic", "eigenvalues", eig));
    }

    static void assertAllFinite(RunResult r) {
        for (double[] row : r.theta()) {
            for (double v : row) {
                assertTrue(Double.isFinite(v));
            }
        }
        for (double[] a : new double[][]{r.loss(), r.lr(), r.gradNorm(), r.updateNorm()}) {
            for (double v : a) {
                assertTrue(Double.isFinite(v));
            }
        }
    }

    @Test
    void workedExampleThetaSquared() {
        // J = θ² is ½·2·θ²: eigenvalue 2. θ ← θ − 0.1·2θ = 0.8θ
        RunResult r = runSpec(quadratic(List.of(2.0)), List.of(run(0.1, List.of(2.0), 4))).runs().get(0);
        double[] th = new double[r.theta().length];
        for (int i = 0; i < th.length; i++) {
            th[i] = r.theta()[i][0];
        }
        assertArrayEquals(new double[]{2, 1.6, 1.28, 1.024, 0.8192}, th, 1e-12);
        assertArrayEquals(new double[]{4, 2.56, 1.6384, 1.048576, 0.67108864}, r.loss(), 1e-12);
        assertArrayEquals(new double[]{0.1, 0.1, 0.1, 0.1}, r.lr(), 0);
        assertArrayEquals(new double[]{4, 3.2, 2.56, 2.048}, r.gradNorm(), 1e-12);
        assertArrayEquals(new double[]{0.4, 0.32, 0.256, 0.2048}, r.updateNorm(), 1e-12);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4}, r.steps());
        // η = 0.5 jumps to 0 in one step (S1)
        RunResult jump = runSpec(quadratic(List.of(2.0)), List.of(run(0.5, List.of(2.0), 1))).runs().get(0);
        assertEquals(0, jump.theta()[1][0], 0);
    }

    @Test
    void stabilityEdgeOnQuadratic() {
        // λmax = 10: η = 0.19 < 2/10 converges, η = 0.21 > 0.2 diverges (S1)
        ExperimentResult res = runSpec(quadratic(List.of(1.0, 10.0)),
                List.of(run(0.19, List.of(-4.0, 2.0), 1000), run(0.21, List.of(-4.0, 2.0), 1000)));
        RunResult ok = res.runs().get(0);
        assertEquals("completed", ok.status());
        assertNull(ok.divergedAtStep());
        assertTrue(ok.loss()[ok.loss().length - 1] < 1e-20);
        assertEquals(0.2, ok.analysis().start().stableLr(), 1e-12);
        assertEquals(10, ok.analysis().start().conditionNumber(), 1e-12);
        assertArrayEquals(new double[]{0.81, 0.9}, ok.analysis().preview().contractionFactors(), 1e-12);
        assertEquals(1.9, ok.analysis().preview().lrTimesLambdaMax(), 1e-12);
        assertEquals(0.19 * 1000, ok.analysis().lrSum(), 1e-9);
        assertEquals(0.19 * 0.19 * 1000, ok.analysis().lrSquaredSum(), 1e-9);

        RunResult bad = res.runs().get(1);
        assertEquals("diverged", bad.status());
        // |1 − 0.21·10| = 1.1: the y coordinate grows as 2·1.1^k past 1e12 at k = 283
        int k = bad.divergedAtStep();
        assertTrue(k > 250 && k < 320, "diverged at " + k);
        assertEquals(k, bad.theta().length, "states 0..k−1 kept");
        assertEquals(k - 1, bad.lr().length);
        assertEquals(k - 1, bad.steps()[bad.steps().length - 1]);
        assertAllFinite(bad);
        double last = Math.abs(bad.theta()[k - 1][1]);
        assertTrue(last <= 1e12 && last * 1.1 > 1e12);
    }

    @Test
    void clippingFollowsTorchFormula() {
        // f = ½·10·x², x0 = 5: g = 50, C = 1: coef = 1/(50 + 1e-6); step = η·g·coef
        Map<String, Object> r = run(0.1, List.of(5.0), 1);
        r.put("clipNorm", 1.0);
        RunResult res = runSpec(quadratic(List.of(10.0)), List.of(r)).runs().get(0);
        double expected = 5 - 0.1 * 50 * (1.0 / (50 + 1e-6));
        assertEquals(expected, res.theta()[1][0], 0);
        assertEquals(50, res.gradNorm()[0], 0, "pre-clip norm is reported");
        // no clipping when coef ≥ 1: g = 0.5 < C = 1
        Map<String, Object> small = run(0.1, List.of(0.05), 1);
        small.put("clipNorm", 1.0);
        RunResult s = runSpec(quadratic(List.of(10.0)), List.of(small)).runs().get(0);
        assertEquals(0.05 - 0.1 * 0.5, s.theta()[1][0], 0);
    }

    @Test
    void clippedGdStaysBoundedWhereGdDiverges() {
        // S7: ηλ = 2.5 ≥ 2 diverges unclipped; clipped steps have length ≤ ηC
        Map<String, Object> clipped = run(0.25, List.of(3.0), 2000);
        clipped.put("clipNorm", 1.0);
        ExperimentResult res = runSpec(quadratic(List.of(10.0)), List.of(run(0.25, List.of(3.0), 2000), clipped));
        assertEquals("diverged", res.runs().get(0).status());
        RunResult c = res.runs().get(1);
        assertEquals("completed", c.status());
        for (double u : c.updateNorm()) {
            assertTrue(u <= 0.25 + 1e-12);
        }
    }

    @Test
    void thinningKeepsTheLastRow() {
        Map<String, Object> r = run(0.1, List.of(2.0), 10);
        r.put("record", Map.of("every", 4));
        RunResult res = runSpec(quadratic(List.of(2.0)), List.of(r)).runs().get(0);
        assertArrayEquals(new int[]{0, 4, 8, 10}, res.steps());
        assertEquals(2 * Math.pow(0.8, 10), res.theta()[3][0], 1e-12);
        assertEquals(3, res.lr().length);
        assertEquals(2 * Math.pow(0.8, 4) * 2, res.gradNorm()[1], 1e-12);
    }

    @Test
    void sameSpecAndSeedGiveBitIdenticalResults() {
        Map<String, Object> r = run(0.05, List.of(-1.5, 2.0), 500);
        r.put("noise", Map.of("type", "gaussian", "sigma", 0.5, "batchSize", 2));
        r.put("seed", 42);
        Map<String, Object> land = Map.of("type", "rosenbrock");
        RunResult a = runSpec(land, List.of(r)).runs().get(0);
        RunResult b = runSpec(land, List.of(r)).runs().get(0);
        assertTrue(java.util.Arrays.deepEquals(a.theta(), b.theta()));
        assertArrayEquals(a.loss(), b.loss(), 0);
        assertArrayEquals(a.gradNorm(), b.gradNorm(), 0);
        Map<String, Object> other = new HashMap<>(r);
        other.put("seed", 43);
        RunResult c = runSpec(land, List.of(other)).runs().get(0);
        assertTrue(!java.util.Arrays.deepEquals(a.theta(), c.theta()));
    }

    @Test
    void gaussianNoiseHasVarianceSigmaSquaredOverB() {
        // at θ = 0 of ½θ² the gradient is pure noise; one step with η = 1 moves by −ξ, Var ξ = σ²/B
        double sum2 = 0;
        int trials = 4000;
        for (int s = 0; s < trials; s++) {
            Map<String, Object> r = run(1.0, List.of(0.0), 1);
            r.put("noise", Map.of("type", "gaussian", "sigma", 2.0, "batchSize", 4));
            r.put("seed", s);
            RunSimulator sim = new RunSimulator(dev.lrlab.core.landscape.Quadratic.diagonal(0.0),
                    ExperimentCompiler.compileDefault(Map.of("landscape", Map.of("type", "quadratic", "eigenvalues",
                            List.of(0.0)), "runs", List.of(r))).runs().get(0), false);
            sim.step();
            sum2 += sim.thetaAt(0) * sim.thetaAt(0);
        }
        assertEquals(1.0, sum2 / trials, 0.08);
    }

    @Test
    void thermostatKeepsExpectedSquaredUpdateAtTarget() {
        Map<String, Object> r = run(0.01, List.of(0.0, 0.0), 20000);
        r.put("noise", Map.of("type", "thermostat", "targetK", 0.04));
        RunResult res = runSpec(quadratic(List.of(1.0, 1.0)), List.of(r)).runs().get(0);
        double m = 0;
        for (double u : res.updateNorm()) {
            m += u * u;
        }
        assertEquals(0.04, m / res.updateNorm().length, 0.002);
    }

    @Test
    void rollbackHalvesTheLrUntilTheGradientRatioIsAcceptable() {
        // ½·10·x², η = 0.3: g_next/g = |1 − 3| = 2 > 1.5 → η 0.15: |1 − 1.5| = 0.5 accepted
        Map<String, Object> r = run(0.3, List.of(1.0), 3);
        r.put("rollback", Map.of("ratio", 1.5, "factor", 0.5));
        RunResult res = runSpec(quadratic(List.of(10.0)), List.of(r)).runs().get(0);
        assertEquals(1, res.analysis().rollbacks());
        assertEquals(0.5, res.analysis().finalLrMultiplier(), 0);
        assertArrayEquals(new double[]{0.15, 0.15, 0.15}, res.lr(), 1e-15);
        assertEquals(-0.5, res.theta()[1][0], 1e-12);
    }

    @Test
    void curvatureScheduleUsesTwoSafetyOverLambdaMax() {
        // quadratic λmax = 10, safety 0.5: η = 2·0.5/10 = 0.1 every step
        Map<String, Object> r = run(0.01, List.of(-4.0, 2.0), 5);
        r.put("schedule", Map.of("type", "curvature", "safety", 0.5, "powerIterations", 50));
        RunResult res = runSpec(quadratic(List.of(1.0, 10.0)), List.of(r)).runs().get(0);
        for (double lr : res.lr()) {
            assertEquals(0.1, lr, 1e-9);
        }
        // x1 ← (1 − 0.1·1)·(−4) = −3.6, x2 ← (1 − 0.1·10)·2 = 0
        assertArrayEquals(new double[]{-3.6, 0}, res.theta()[1], 1e-9);
    }

    static RunResult game(String method, double lr, int steps) {
        Map<String, Object> r = run(lr, List.of(1.0, 1.0), steps);
        r.put("game", Map.of("method", method));
        return runSpec(Map.of("type", "bilinear"), List.of(r)).runs().get(0);
    }

    @Test
    void bilinearGameMethods() {
        RunResult sim = game("simultaneous", 0.1, 200);
        RunResult ext = game("extragradient", 0.1, 200);
        RunResult alt = game("alternating", 0.1, 2000);
        RunResult opt = game("optimistic", 0.1, 2000);
        double d0 = Math.sqrt(2);
        assertEquals(d0, sim.equilibriumDistance()[0], 1e-12);
        // simultaneous GD: distance grows by √(1 + η²) per step
        assertEquals(d0 * Math.pow(Math.sqrt(1.01), 200), last(sim.equilibriumDistance()), 1e-9);
        assertTrue(last(ext.equilibriumDistance()) < 0.5 * d0);
        double maxAlt = 0;
        for (double d : alt.equilibriumDistance()) {
            maxAlt = Math.max(maxAlt, d);
        }
        assertTrue(maxAlt < 2 * d0 && last(alt.equilibriumDistance()) > 0.5 * d0, "alternating cycles, bounded");
        assertTrue(last(opt.equilibriumDistance()) < d0);
        // simultaneous first step by hand: x ← 1 − 0.1·y = 0.9, y ← 1 + 0.1·x = 1.1
        assertArrayEquals(new double[]{0.9, 1.1}, sim.theta()[1], 1e-15);
        // alternating: x ← 0.9, then y ← 1 + 0.1·0.9 = 1.09
        assertArrayEquals(new double[]{0.9, 1.09}, alt.theta()[1], 1e-15);
    }

    @Test
    void recorderCanBeReadWhileStepping() {
        Map<String, Object> r = run(0.001, List.of(-1.5, 2.0), 10000);
        CompiledExperiment c = ExperimentCompiler.compileDefault(Map.of("landscape", Map.of("type", "rosenbrock"),
                "runs", List.of(r)));
        RunSimulator sim = new RunSimulator(c.landscape(), c.runs().get(0), true);
        List<Recorder.Rows> batches = new ArrayList<>();
        int read = 0;
        int readU = 0;
        while (sim.advance(1234) > 0) {
            Recorder.Rows rows = sim.recorder().read(read, readU);
            read += rows.steps().length;
            readU += rows.lr().length;
            batches.add(rows);
        }
        assertEquals(10001, read);
        assertEquals(10000, readU);
        assertEquals(10000, sim.currentStep());
        assertEquals("completed", sim.status().json());
    }

    @Test
    void flatSharpReportsTestLossAndSharpness() {
        Map<String, Object> r = run(0.01, List.of(1.45, 0.05), 3000);
        RunResult res = runSpec(Map.of("type", "flatSharp"), List.of(r)).runs().get(0);
        assertNotNull(res.analysis().testLoss());
        assertTrue(res.analysis().sharpnessEnd() > 40, "ended in the sharp minimum");
        assertTrue(res.analysis().testLoss() > last(res.loss()) + 0.5);
    }

    @Test
    void effectiveLrNeedsMomentum() {
        Map<String, Object> r = run(0.1, List.of(1.0, 1.0), 1);
        ((Map<String, Object>) r.get("optimizer")).put("momentum", 0.9);
        RunResult res = runSpec(quadratic(List.of(1.0, 10.0)), List.of(r)).runs().get(0);
        assertEquals(1.0, res.analysis().preview().effectiveLr(), 1e-12);
    }

    static double last(double[] a) {
        return a[a.length - 1];
    }
}
