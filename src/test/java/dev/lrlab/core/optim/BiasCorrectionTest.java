package dev.lrlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BiasCorrectionTest {

    @Test
    void equalsOneMinusPowBitForBit() {
        for (double beta : new double[]{0, 1e-3, 0.5, 0.9, 0.95, 0.99, 0.999, 0.9999, 1, 1.5, -0.5}) {
            BiasCorrection c = new BiasCorrection();
            for (int step = 1; step <= 400_000; step++) {
                double want = 1 - Math.pow(beta, step);
                double got = c.oneMinusPow(beta, step);
                if (Double.doubleToRawLongBits(want) != Double.doubleToRawLongBits(got)) {
                    assertEquals(want, got, 0.0, "beta " + beta + " step " + step);
                }
            }
        }
    }

    @Test
    void changingBetaAndRepeatedSteps() {
        BiasCorrection c = new BiasCorrection();
        double[] betas = {0.9, 0.85, 0.95, 0.9};
        for (int step = 1; step <= 5_000; step++) {
            for (double beta : betas) {
                assertEquals(1 - Math.pow(beta, step), c.oneMinusPow(beta, step), 0.0);
                assertEquals(1 - Math.pow(beta, step), c.oneMinusPow(beta, step), 0.0); // roll-back retry
            }
        }
    }
}
