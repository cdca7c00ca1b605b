package dev.lrlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Long vectors are updated in two halves on two threads: bit-identical to the one loop. */
class HalvesTest {

    @Test
    void adamOnALongVectorEqualsTheScalarLoop() {
        int n = Halves.MIN_LENGTH + 12_345;
        SplittableRandom r = new SplittableRandom(7);
        double[] p = new double[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextDouble(-2, 2);
        }
        double[] q = p.clone();
        double[] m = new double[n];
        double[] v = new double[n];
        Adam adam = new Adam(n, 0.9, 0.999, 1e-8, false, false, false);
        double[] g = new double[n];
        for (int step = 1; step <= 5; step++) {
            for (int i = 0; i < n; i++) {
                g[i] = (1 + 9.0 * i / n) * p[i];
            }
            double[] g2 = g.clone();
            adam.apply(p, g, step, 1e-2, Double.NaN);
            double bc1 = 1 - Math.pow(0.9, step);
            double bc2 = 1 - Math.pow(0.999, step);
            double neg = -(1e-2 / bc1);
            double bc2Sqrt = Math.sqrt(bc2);
            for (int i = 0; i < n; i++) {
                double gi = g2[i];
                double mi = m[i] * 0.9 + (1 - 0.9) * gi;
                double vi = v[i] * 0.999 + (1 - 0.999) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                q[i] = q[i] + neg * mi / (Math.sqrt(vi) / bc2Sqrt + 1e-8);
            }
            assertArrayEquals(q, p, 0.0, "step " + step);
        }
    }

    @Test
    void copyAndRunCoverEveryIndexOnce() {
        int n = Halves.MIN_LENGTH * 2 + 1;
        double[] src = new double[n];
        for (int i = 0; i < n; i++) {
            src[i] = i;
        }
        double[] dst = new double[n];
        Halves.copy(src, dst, n);
        assertArrayEquals(src, dst, 0.0);
        int[] hits = new int[n];
        Halves.run(n, (from, to) -> {
            for (int i = from; i < to; i++) {
                hits[i]++;
            }
        });
        for (int i = 0; i < n; i++) {
            if (hits[i] != 1) {
                throw new AssertionError("index " + i + " hit " + hits[i] + " times");
            }
        }
    }
}
