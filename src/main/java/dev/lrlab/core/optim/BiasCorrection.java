package dev.lrlab.core.optim;

/**
 * {@code 1 − βᵗ} as PyTorch computes it ({@code 1 - beta ** step}), minus the {@code Math.pow}
 * once its result no longer matters: when {@code Math.pow(β, s) < 2⁻⁶⁰} for some step s, then
 * {@code 1 − x} rounds to exactly 1.0 for every x in [0, 2⁻⁶⁰), and since {@code Math.pow} is
 * semi-monotonic (its specification) {@code Math.pow(β, t) ≤ Math.pow(β, s)} for all t ≥ s with
 * 0 ≤ β &lt; 1. So from step s on the answer is 1.0, bit for bit what the pow would give. (For
 * β = 0.9 that is after ~400 steps, for β = 0.999 after ~41,500.) Not thread-safe; one per stage.
 */
final class BiasCorrection {
    private static final double NEGLIGIBLE = 0x1p-60;

    private double base = Double.NaN; // the β whose threshold step is known
    private int oneFrom = Integer.MAX_VALUE;

    /** {@code 1 - Math.pow(beta, step)}, exactly. */
    double oneMinusPow(double beta, int step) {
        if (step >= oneFrom && beta == base) {
            return 1.0;
        }
        double p = Math.pow(beta, step);
        if (p < NEGLIGIBLE && beta >= 0 && beta < 1) {
            if (beta != base || step < oneFrom) {
                base = beta;
                oneFrom = step;
            }
        }
        return 1 - p;
    }
}
