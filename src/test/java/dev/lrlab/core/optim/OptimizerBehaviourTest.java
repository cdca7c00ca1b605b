package dev.lrlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lrlab.spec.OptimizerFactory;
import dev.lrlab.spec.Params;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimizerBehaviourTest {

    static Optimizer create(int dim, Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return OptimizerFactory.create(new Params(m, "optimizer"), dim);
    }

    /** Seed 001's worked example: J = θ², θ0 = 2. */
    @Test
    void lessonWorkedExample() {
        Optimizer sgd = create(1, "type", "sgd", "lr", 0.1);
        double[] theta = {2.0};
        double[] expected = {1.6, 1.28, 1.024, 0.8192};
        for (int t = 0; t < 4; t++) {
            sgd.step(theta, new double[] {2 * theta[0]}, t + 1, 0.1, Double.NaN);
            assertEquals(expected[t], theta[0], 1e-15);
        }
        Optimizer big = create(1, "type", "sgd", "lr", 0.5);
        double[] th = {2.0};
        big.step(th, new double[] {2 * th[0]}, 1, 0.5, Double.NaN);
        assertEquals(0.0, th[0]);
    }

    private static void run(Optimizer o, double[] theta, int from, int to) {
        double[] g = new double[theta.length];
        for (int t = from; t <= to; t++) {
            for (int i = 0; i < theta.length; i++) {
                g[i] = (i + 1) * theta[i] + 0.1;
            }
            o.step(theta, g, t, 0.01, Double.NaN);
        }
    }

    @Test
    void saveRestoreRoundTripForEveryType() {
        for (String type : OptimizerFactory.TYPES) {
            Optimizer o = create(3, "type", type, "weightDecay", 0.01);
            double[] theta = {1, -2, 0.5};
            run(o, theta, 1, 10);
            Object saved = o.saveState();
            double[] copy = theta.clone();
            run(o, theta, 11, 20);
            double[] after = theta.clone();
            o.restoreState(saved);
            run(o, copy, 11, 20);
            assertArrayEquals(after, copy, 0.0, type);
        }
    }

    @Test
    void resetMomentumMakesSgdLikeFresh() {
        Optimizer a = create(2, "type", "sgd", "lr", 0.1, "momentum", 0.9, "dampening", 0.5);
        double[] theta = {1, 1};
        run(a, theta, 1, 5);
        a.resetMomentum();
        Optimizer fresh = create(2, "type", "sgd", "lr", 0.1, "momentum", 0.9, "dampening", 0.5);
        double[] t2 = theta.clone();
        run(a, theta, 6, 8);
        run(fresh, t2, 1, 3);
        assertArrayEquals(t2, theta, 0.0);
    }

    @Test
    void resetMomentumZeroesAdamFirstMomentOnly() {
        Optimizer a = create(1, "type", "adam", "lr", 0.1);
        double[] theta = {1};
        run(a, theta, 1, 5);
        a.resetMomentum();
        double before = theta[0];
        // with m = 0 and g = 0 the next update is zero: m was reset
        a.step(theta, new double[] {0.0}, 6, 0.1, Double.NaN);
        assertEquals(before, theta[0]);
        // RMSprop: the momentum buffer is zeroed too
        Optimizer r = create(1, "type", "rmsprop", "momentum", 0.9);
        double[] th = {1};
        run(r, th, 1, 5);
        r.resetMomentum();
        double b2 = th[0];
        r.step(th, new double[] {0.0}, 6, 0.1, Double.NaN);
        assertEquals(b2, th[0]);
    }

    /** S15: in float16 a small gradient's square underflows, v̂ = 0 and the step is lr·m̂/ε. */
    @Test
    void float16UnderflowMakesEpsilonTheDenominator() {
        double g = 1e-4; // (1-β2)·g² = 1e-11 underflows in binary16
        Optimizer half = create(1, "type", "adam", "lr", 1e-3, "precision", "float16");
        double[] th = {0};
        half.step(th, new double[] {g}, 1, 1e-3, Double.NaN);
        double m = Half.round(0.1 * Half.round(g));
        assertEquals(-1e-3 * (m / 0.1) / 1e-8, th[0], 1e-9); // ≈ −10: huge step bounded only by lr/ε
        Optimizer full = create(1, "type", "adam", "lr", 1e-3);
        double[] th2 = {0};
        full.step(th2, new double[] {g}, 1, 1e-3, Double.NaN);
        assertEquals(-1e-3, th2[0], 1e-7); // float64: first Adam step ≈ lr·sign(g)
        // a larger eps stabilises it
        Optimizer stable = create(1, "type", "adam", "lr", 1e-3, "precision", "float16", "eps", 1e-4);
        double[] th3 = {0};
        stable.step(th3, new double[] {g}, 1, 1e-3, Double.NaN);
        assertTrue(Math.abs(th3[0]) < 2e-3);
    }

    @Test
    void epsInsideUsesSqrtOfVPlusEps() {
        Optimizer a = create(1, "type", "adagrad", "lr", 0.1, "eps", 0.5, "epsPlacement", "inside");
        double[] th = {0};
        a.step(th, new double[] {1.0}, 1, 0.1, Double.NaN);
        assertEquals(-0.1 / Math.sqrt(1.5), th[0], 1e-16);
        Optimizer r = create(1, "type", "rmsprop", "lr", 0.1, "eps", 0.5, "alpha", 0.5, "epsPlacement", "inside");
        double[] th2 = {0};
        r.step(th2, new double[] {2.0}, 1, 0.1, Double.NaN);
        assertEquals(-0.1 * 2 / Math.sqrt(0.5 * 4 + 0.5), th2[0], 1e-16);
        Optimizer adam = create(1, "type", "adam", "lr", 0.1, "eps", 0.5, "epsPlacement", "inside");
        double[] th3 = {0};
        adam.step(th3, new double[] {2.0}, 1, 0.1, Double.NaN);
        assertEquals(-0.1 * 2 / Math.sqrt(4 + 0.5), th3[0], 1e-15);
    }

    @Test
    void cycledBeta1ReplacesBeta1InBiasCorrection() {
        Optimizer a = create(1, "type", "adam", "lr", 0.1);
        double[] th = {0};
        a.step(th, new double[] {1.0}, 1, 0.1, 0.5);
        // m = 0.5·g, bias correction 1 − 0.5: m̂ = g exactly
        assertEquals(-0.1 * 1 / (1 + 1e-8), th[0], 1e-15);
        Optimizer b = create(1, "type", "adam", "lr", 0.1);
        double[] th2 = {0};
        b.step(th2, new double[] {1.0}, 1, 0.1, Double.NaN);
        assertEquals(th[0], th2[0], 1e-15);
        b.step(th2, new double[] {1.0}, 2, 0.1, 0.95);
        assertNotEquals(th2[0], -0.2, 1e-6);
    }

    @Test
    void sgdMomentumFirstStepIsRawGradient() {
        Optimizer o = create(1, "type", "sgd", "lr", 1.0, "momentum", 0.9, "dampening", 0.5, "weightDecay", 0.5);
        double[] th = {2};
        o.step(th, new double[] {1.0}, 1, 1.0, Double.NaN);
        assertEquals(2 - (1 + 0.5 * 2), th[0]); // buf = g + wd·θ, no dampening on the first step
    }
}
