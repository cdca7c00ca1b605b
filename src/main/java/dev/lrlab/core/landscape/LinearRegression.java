package dev.lrlab.core.landscape;

import dev.lrlab.core.work.WorkGuard;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.simple.SimpleMatrix;

/**
 * Least squares on synthetic data (S2, S4, S5). From {@code seed}: X[i][j] ~ N(0,1)·featureScale[j],
 * true weights w*[j] ~ N(0,1), y = X·w* + noise·N(0,1). Loss ½·mean((Xθ − y)²), so the gradient is
 * Xᵀ(Xθ − y)/n and the Hessian is exactly XᵀX/n. Minibatch gradients draw {@code batchSize} rows
 * uniformly <em>with replacement</em> (so Var(ĝ_B) = Var(ĝ_1)/B holds exactly, S4).
 *
 * <p>The data set is generated on first use, not by the constructor: compiling a spec (validation,
 * cost estimate, share codes) then costs nothing, and the generation runs where the work is
 * bounded (a request's job on the server's pool, which checks {@link WorkGuard} while it builds).
 * The p × p matrix XᵀX/n is only materialised up to {@link #DENSE_MAX_FEATURES} features; above
 * that, Hessian-vector products go through X (Xᵀ(Xv)/n, 2·n·p operations) and the exact minimum
 * (a p × p solve, p³) is not computed.
 */
public final class LinearRegression implements Landscape {
    /** Up to this many features XᵀX/n is kept (p² doubles) and the minimum solved exactly (p³). */
    public static final int DENSE_MAX_FEATURES = 256;

    private final int n;
    private final int p;
    private final double[] featureScale;
    private final double noise;
    private final long seed;
    private final String name;
    private volatile Data data;

    /** What the first use builds: the data, and for few features the normal equations and the minimum. */
    private record Data(double[] x, double[] y, double[] trueWeights, double[][] hessian, Minimum minimum) {
    }

    public LinearRegression(int n, int features, double[] featureScale, double noise, long seed) {
        this.n = n;
        this.p = features;
        this.featureScale = featureScale.clone();
        this.noise = noise;
        this.seed = seed;
        StringBuilder sb = new StringBuilder("Linear regression (n=" + n + ", " + p + " features");
        boolean scaled = false;
        for (double s : featureScale) {
            scaled |= s != 1;
        }
        if (scaled) {
            sb.append(", feature scale ").append(java.util.Arrays.toString(featureScale));
        }
        name = sb.append(")").toString();
    }

    private Data data() {
        Data d = data;
        if (d == null) {
            synchronized (this) {
                d = data;
                if (d == null) {
                    d = build();
                    data = d;
                }
            }
        }
        return d;
    }

    /** Whether the data set has been generated (tests: compiling must not generate it). */
    public boolean built() {
        return data != null;
    }

    private Data build() {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] trueWeights = new double[p];
        for (int j = 0; j < p; j++) {
            trueWeights[j] = rng.nextGaussian();
        }
        double[] x = new double[n * p];
        double[] y = new double[n];
        int rowsPerCheck = Math.max(1, 4096 / p);
        for (int i = 0; i < n; i++) {
            if (i % rowsPerCheck == 0) {
                WorkGuard.check();
            }
            double yi = 0;
            for (int j = 0; j < p; j++) {
                double v = rng.nextGaussian() * featureScale[j];
                x[i * p + j] = v;
                yi += v * trueWeights[j];
            }
            y[i] = yi + noise * rng.nextGaussian();
        }
        if (p > DENSE_MAX_FEATURES) {
            return new Data(x, y, trueWeights, null, null);
        }
        double[][] hessian = new double[p][p];
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            if (i % rowsPerCheck == 0) {
                WorkGuard.check();
            }
            for (int a = 0; a < p; a++) {
                double xa = x[i * p + a];
                xty[a] += xa * y[i] / n;
                for (int b = 0; b < p; b++) {
                    hessian[a][b] += xa * x[i * p + b] / n;
                }
            }
        }
        WorkGuard.check();
        double[] w = null;
        try {
            SimpleMatrix sol = new SimpleMatrix(hessian).solve(new SimpleMatrix(p, 1, true, xty));
            w = new double[p];
            for (int j = 0; j < p; j++) {
                w[j] = sol.get(j, 0);
            }
            for (double v : w) {
                if (!Double.isFinite(v)) {
                    w = null;
                    break;
                }
            }
        } catch (RuntimeException singular) {
            w = null;
        }
        Minimum minimum = w == null ? null : new Minimum(w, value(x, y, w));
        return new Data(x, y, trueWeights, hessian, minimum);
    }

    public double[] trueWeights() {
        return data().trueWeights().clone();
    }

    /** A copy of the generated features, row-major n × features (for exports that embed the data). */
    public double[] features() {
        return data().x().clone();
    }

    /** A copy of the generated targets y. */
    public double[] targets() {
        return data().y().clone();
    }

    @Override
    public int dim() {
        return p;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public int dataSize() {
        return n;
    }

    // ---- costs: generation (a Gaussian is about ten operations), XᵀX (n·p²) and its solve (p³) ----

    @Override
    public double buildCost() {
        double gen = 12.0 * n * p + 12.0 * n;
        return p > DENSE_MAX_FEATURES ? gen : gen + 2.0 * n * p * p + (double) p * p * p;
    }

    @Override
    public double gradientCost() {
        return 4.0 * n * p + 2.0 * p;
    }

    /**
     * A sampled row costs its 4·p operations plus a bounded random draw and, for data larger than
     * the caches, a miss (measured: about 140 ns a row for a million rows of two features).
     */
    @Override
    public double minibatchCost(int batchSize) {
        return 4.0 * batchSize * p + 150.0 * batchSize + 2.0 * p;
    }

    @Override
    public double hessianVectorCost() {
        return p > DENSE_MAX_FEATURES ? 4.0 * n * p + 2.0 * p : 2.0 * p * p;
    }

    @Override
    public double hessianCost() {
        return p > DENSE_MAX_FEATURES ? 2.0 * n * p * p : (double) p * p;
    }

    @Override
    public double value(double[] w) {
        Data d = data();
        checkIfBig();
        return value(d.x(), d.y(), w);
    }

    private double value(double[] x, double[] y, double[] w) {
        double f = 0;
        int mask = rowCheckMask();
        for (int i = 0; i < n; i++) {
            if ((i & mask) == mask) {
                WorkGuard.check();
            }
            double r = -y[i];
            int off = i * p;
            for (int j = 0; j < p; j++) {
                r += x[off + j] * w[j];
            }
            f += r * r;
        }
        return 0.5 * f / n;
    }

    /** One guard check per pass over a big data set (a pass over 65,536 values is tens of µs). */
    private void checkIfBig() {
        if ((long) n * p >= 65_536) {
            WorkGuard.check();
        }
    }

    /**
     * Rows between two guard checks inside a pass (minus one, as a mask): about 16,384 values, so
     * a pass over a million rows (milliseconds, many more under load or with cache misses) stops
     * within tens of microseconds of its deadline; a mask test per row costs nothing next to a row.
     */
    private int rowCheckMask() {
        return Integer.highestOneBit(Math.max(1, 16_384 / p)) - 1;
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        Data d = data();
        checkIfBig();
        double[] x = d.x();
        double[] y = d.y();
        java.util.Arrays.fill(g, 0, p, 0.0);
        double f = 0;
        int mask = rowCheckMask();
        for (int i = 0; i < n; i++) {
            if ((i & mask) == mask) {
                WorkGuard.check();
            }
            f += addSample(x, y, i, w, g);
        }
        for (int j = 0; j < p; j++) {
            g[j] /= n;
        }
        return 0.5 * f / n;
    }

    @Override
    public double minibatchGradient(double[] w, double[] g, RandomGenerator rng, int batchSize) {
        Data d = data();
        if ((long) batchSize * p >= 65_536) {
            WorkGuard.check();
        }
        double[] x = d.x();
        double[] y = d.y();
        java.util.Arrays.fill(g, 0, p, 0.0);
        double f = 0;
        int mask = rowCheckMask();
        for (int k = 0; k < batchSize; k++) {
            if ((k & mask) == mask) {
                WorkGuard.check();
            }
            f += addSample(x, y, rng.nextInt(n), w, g);
        }
        for (int j = 0; j < p; j++) {
            g[j] /= batchSize;
        }
        return 0.5 * f / batchSize;
    }

    /** Adds sample i's residual times its features to g; returns the squared residual. */
    private double addSample(double[] x, double[] y, int i, double[] w, double[] g) {
        double r = -y[i];
        int off = i * p;
        for (int j = 0; j < p; j++) {
            r += x[off + j] * w[j];
        }
        for (int j = 0; j < p; j++) {
            g[j] += r * x[off + j];
        }
        return r * r;
    }

    @Override
    public double[][] hessian(double[] w) {
        Data d = data();
        double[][] h = new double[p][];
        if (d.hessian() != null) {
            for (int i = 0; i < p; i++) {
                h[i] = d.hessian()[i].clone();
            }
            return h;
        }
        // many features: XᵀX/n row by row (callers keep this for small p; analysis uses products)
        double[] x = d.x();
        for (int a = 0; a < p; a++) {
            WorkGuard.check();
            double[] row = new double[p];
            for (int i = 0; i < n; i++) {
                double xa = x[i * p + a] / n;
                int off = i * p;
                for (int b = 0; b < p; b++) {
                    row[b] += xa * x[off + b];
                }
            }
            h[a] = row;
        }
        return h;
    }

    @Override
    public void hessianVectorProduct(double[] w, double[] v, double[] out, double[] xTmp, double[] gTmp) {
        Data d = data();
        double[][] hessian = d.hessian();
        if (hessian != null) {
            for (int i = 0; i < p; i++) {
                double s = 0;
                for (int j = 0; j < p; j++) {
                    s += hessian[i][j] * v[j];
                }
                out[i] = s;
            }
            return;
        }
        // Xᵀ(X·v)/n without the p × p matrix
        checkIfBig();
        double[] x = d.x();
        java.util.Arrays.fill(out, 0, p, 0.0);
        int mask = rowCheckMask();
        for (int i = 0; i < n; i++) {
            if ((i & mask) == mask) {
                WorkGuard.check();
            }
            int off = i * p;
            double r = 0;
            for (int j = 0; j < p; j++) {
                r += x[off + j] * v[j];
            }
            r /= n;
            for (int j = 0; j < p; j++) {
                out[j] += r * x[off + j];
            }
        }
    }

    @Override
    public List<Minimum> minima() {
        Minimum minimum = p > DENSE_MAX_FEATURES ? null : data().minimum();
        return minimum == null ? List.of() : List.of(minimum);
    }

    @Override
    public ViewBox viewBox() {
        Minimum minimum = p > DENSE_MAX_FEATURES ? null : data().minimum();
        double cx = minimum == null ? 0 : minimum.point()[0];
        double cy = minimum == null || p < 2 ? 0 : minimum.point()[1];
        double r = 3;
        if (minimum != null) {
            r = Math.max(r, 1.5 * Math.hypot(cx, cy));
        }
        return new ViewBox(cx - r, cx + r, cy - r, cy + r);
    }

    @Override
    public double[] defaultStart() {
        return new double[p];
    }
}
