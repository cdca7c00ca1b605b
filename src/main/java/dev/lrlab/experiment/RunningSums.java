package dev.lrlab.experiment;

/**
 * The chart quantities of one run that need its history, fed with recorded rows in order:
 * an exponential moving average of the plotted loss (noisy runs, S19–S22, S28), the partial sums
 * Σηt and Σηt² (Robbins–Monro, S23) and the update size per unit lr ‖Δθ‖/η (S9). Recorded rows
 * are every {@code stride} steps; a thinned run's sums then count each recorded η for the
 * {@code stride} steps it stands for, and the average forgets per step, not per row.
 */
public final class RunningSums {

    /** EMA weight of a new step: a time constant of 20 steps smooths minibatch noise but keeps the trend. */
    public static final double EMA_ALPHA = 0.05;

    private final int stride;
    private final double rowAlpha;
    private double ema = Double.NaN;
    private double lrSum;
    private double lrSquaredSum;

    public RunningSums(int stride) {
        this.stride = Math.max(1, stride);
        this.rowAlpha = 1 - Math.pow(1 - EMA_ALPHA, this.stride);
    }

    /** The EMA after each of these state rows (non-finite values leave it unchanged). */
    public double[] ema(double[] plotted) {
        double[] out = new double[plotted.length];
        for (int i = 0; i < out.length; i++) {
            double v = plotted[i];
            if (Double.isFinite(v)) {
                ema = Double.isNaN(ema) ? v : ema + rowAlpha * (v - ema);
            }
            out[i] = ema;
        }
        return out;
    }

    /** {Σηt, Σηt²} after each of these update rows. */
    public double[][] lrSums(double[] lr) {
        double[] s = new double[lr.length];
        double[] s2 = new double[lr.length];
        for (int i = 0; i < lr.length; i++) {
            if (Double.isFinite(lr[i])) {
                lrSum += lr[i] * stride;
                lrSquaredSum += lr[i] * lr[i] * stride;
            }
            s[i] = lrSum;
            s2[i] = lrSquaredSum;
        }
        return new double[][]{s, s2};
    }

    /** ‖Δθ‖/η per update row: how far a unit of lr moves θ (NaN where η = 0). */
    public static double[] effectiveStep(double[] updateNorm, double[] lr) {
        double[] out = new double[updateNorm.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = lr[i] > 0 ? updateNorm[i] / lr[i] : Double.NaN;
        }
        return out;
    }
}
