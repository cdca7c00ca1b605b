package dev.lrlab.core.landscape;

import dev.lrlab.core.work.WorkGuard;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A loss function f: R^dim -> R. Implementations are immutable and thread-safe (all mutable state,
 * such as the random generator of a minibatch or the step of a non-stationary landscape, is passed
 * in), so one instance can serve several runs at once. {@link #valueAndGradient} allocates nothing.
 */
public interface Landscape {

    int dim();

    /** Human-readable name with the parameters, e.g. "Rosenbrock (a=1, b=100)". */
    String displayName();

    double value(double[] x);

    /** Fills {@code g} with the gradient at {@code x} and returns f(x). Allocation-free. */
    double valueAndGradient(double[] x, double[] g);

    /**
     * Value and gradient as seen by update number {@code step} (0-based state index). Only
     * non-stationary landscapes depend on the step.
     */
    default double valueAndGradientAt(double[] x, double[] g, int step) {
        return valueAndGradient(x, g);
    }

    /**
     * {@link #valueAndGradientAt} plus the three sums of squares the engine checks after every
     * update, in one pass where the landscape allows: {@code sums[0] = Σ gᵢ²}, {@code sums[1] = Σ xᵢ²},
     * {@code sums[2] = Σ (xᵢ − prevᵢ)²}, each accumulated in index order (so each equals the
     * separate loop bit for bit). Returns f(x). Allocation-free.
     */
    default double valueGradientAndSums(double[] x, double[] prev, double[] g, int step, double[] sums) {
        double f = valueAndGradientAt(x, g, step);
        double gg = 0;
        double xx = 0;
        double dd = 0;
        for (int i = 0; i < x.length; i++) {
            double gi = g[i];
            double xi = x[i];
            double d = xi - prev[i];
            gg += gi * gi;
            xx += xi * xi;
            dd += d * d;
        }
        sums[0] = gg;
        sums[1] = xx;
        sums[2] = dd;
        return f;
    }

    /** Value as seen at state {@code step}. */
    default double valueAt(double[] x, int step) {
        return value(x);
    }

    /**
     * The Hessian at {@code x} (dim x dim, symmetric). Default: central differences of the
     * gradient, symmetrised. Allocates; meant for analysis, not the step loop.
     */
    default double[][] hessian(double[] x) {
        int n = dim();
        double[][] h = new double[n][n];
        double[] xp = x.clone();
        double[] gp = new double[n];
        double[] gm = new double[n];
        for (int j = 0; j < n; j++) {
            WorkGuard.check(); // two gradients per column: d of them for a d × d Hessian
            double step = 1e-5 * Math.max(1.0, Math.abs(x[j]));
            xp[j] = x[j] + step;
            valueAndGradient(xp, gp);
            xp[j] = x[j] - step;
            valueAndGradient(xp, gm);
            xp[j] = x[j];
            for (int i = 0; i < n; i++) {
                h[i][j] = (gp[i] - gm[i]) / (2 * step);
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double s = 0.5 * (h[i][j] + h[j][i]);
                h[i][j] = s;
                h[j][i] = s;
            }
        }
        return h;
    }

    /**
     * Hessian-vector product H(x)·v into {@code out}; {@code xTmp} and {@code gTmp} are scratch
     * arrays of length dim, so the call is allocation-free. Default: central difference of the
     * gradient along v with step h = 1e-5·max(1, ‖x‖)/‖v‖.
     */
    default void hessianVectorProduct(double[] x, double[] v, double[] out, double[] xTmp, double[] gTmp) {
        int n = dim();
        double vn = 0;
        double xn = 0;
        for (int i = 0; i < n; i++) {
            vn += v[i] * v[i];
            xn += x[i] * x[i];
        }
        vn = Math.sqrt(vn);
        if (vn == 0) {
            java.util.Arrays.fill(out, 0, n, 0.0);
            return;
        }
        double h = 1e-5 * Math.max(1.0, Math.sqrt(xn)) / vn;
        for (int i = 0; i < n; i++) {
            xTmp[i] = x[i] + h * v[i];
        }
        valueAndGradient(xTmp, out);
        for (int i = 0; i < n; i++) {
            xTmp[i] = x[i] - h * v[i];
        }
        valueAndGradient(xTmp, gTmp);
        for (int i = 0; i < n; i++) {
            out[i] = (out[i] - gTmp[i]) / (2 * h);
        }
    }

    // ---- cost estimates, in unit operations (about one multiply-add each), read before any work ----

    /**
     * Unit operations of one {@link #valueAndGradient} call. The server charges every request
     * with these estimates before it does any work; the default suits closed-form functions whose
     * gradient costs a few dozen operations per coordinate.
     */
    default double gradientCost() {
        return 20.0 * dim() + 20;
    }

    /** Unit operations of one {@link #hessianVectorProduct} (default: two gradients and three passes). */
    default double hessianVectorCost() {
        return 2 * gradientCost() + 6.0 * dim();
    }

    /** Unit operations of one {@link #hessian} call (default: 2·dim gradients and the symmetrising pass). */
    default double hessianCost() {
        return 2.0 * dim() * gradientCost() + 2.0 * dim() * dim();
    }

    /** Unit operations of one {@link #minibatchGradient} of {@code batchSize} samples (data landscapes). */
    default double minibatchCost(int batchSize) {
        return gradientCost();
    }

    /**
     * Unit operations of building what the landscape computes on first use (a data set, its
     * normal equations); 0 for closed-form landscapes.
     */
    default double buildCost() {
        return 0;
    }

    /** Known minima (for games: the equilibrium), with their values. May be empty. */
    List<Minimum> minima();

    /** Plotting window; for 1-D landscapes only the x range is meaningful (y = loss range hint). */
    ViewBox viewBox();

    /** A sensible start point when the run gives none. */
    double[] defaultStart();

    /** Number of data points for minibatch gradients, 0 when the landscape has no data. */
    default int dataSize() {
        return 0;
    }

    /**
     * Minibatch gradient from {@code batchSize} samples drawn with replacement by {@code rng}.
     * Only for data landscapes ({@link #dataSize()} &gt; 0). Returns the minibatch loss.
     */
    default double minibatchGradient(double[] x, double[] g, RandomGenerator rng, int batchSize) {
        throw new UnsupportedOperationException(displayName() + " has no data for minibatches");
    }

    /** For two-player games: the number of leading coordinates owned by the minimising player. */
    default int gameSplit() {
        return 0;
    }

    default boolean isGame() {
        return gameSplit() > 0;
    }

    /** The shifted "test" landscape (S26), or null. */
    default Landscape testLandscape() {
        return null;
    }

    /** A point with its loss. */
    record Minimum(double[] point, double value) {
    }

    /** Plot window. */
    record ViewBox(double xMin, double xMax, double yMin, double yMax) {
    }
}
