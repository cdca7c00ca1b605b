package dev.lrlab.core.landscape;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.ejml.simple.SimpleMatrix;

/**
 * Least squares on synthetic data (S2, S4, S5). From {@code seed}: X[i][j] ~ N(0,1)·featureScale[j],
 * true weights w*[j] ~ N(0,1), y = X·w* + noise·N(0,1). Loss ½·mean((Xθ − y)²), so the gradient is
 * Xᵀ(Xθ − y)/n and the Hessian is exactly XᵀX/n. Minibatch gradients draw {@code batchSize} rows
 * uniformly <em>with replacement</em> (so Var(ĝ_B) = Var(ĝ_1)/B holds exactly, S4).
 */
public final class LinearRegression implements Landscape {
    private final int n;
    private final int p;
    private final double[] x;      // row-major n × p
    private final double[] y;
    private final double[] trueWeights;
    private final double[][] hessian;
    private final Minimum minimum;
    private final String name;

    public LinearRegression(int n, int features, double[] featureScale, double noise, long seed) {
        this.n = n;
        this.p = features;
        SplittableRandom rng = new SplittableRandom(seed);
        trueWeights = new double[p];
        for (int j = 0; j < p; j++) {
            trueWeights[j] = rng.nextGaussian();
        }
        x = new double[n * p];
        y = new double[n];
        for (int i = 0; i < n; i++) {
            double yi = 0;
            for (int j = 0; j < p; j++) {
                double v = rng.nextGaussian() * featureScale[j];
                x[i * p + j] = v;
                yi += v * trueWeights[j];
            }
            y[i] = yi + noise * rng.nextGaussian();
        }
        hessian = new double[p][p];
        double[] xty = new double[p];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < p; a++) {
                double xa = x[i * p + a];
                xty[a] += xa * y[i] / n;
                for (int b = 0; b < p; b++) {
                    hessian[a][b] += xa * x[i * p + b] / n;
                }
            }
        }
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
        minimum = w == null ? null : new Minimum(w, value(w));
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

    public double[] trueWeights() {
        return trueWeights.clone();
    }

    /** A copy of the generated features, row-major n × features (for exports that embed the data). */
    public double[] features() {
        return x.clone();
    }

    /** A copy of the generated targets y. */
    public double[] targets() {
        return y.clone();
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

    @Override
    public double value(double[] w) {
        double f = 0;
        for (int i = 0; i < n; i++) {
            double r = -y[i];
            int off = i * p;
            for (int j = 0; j < p; j++) {
                r += x[off + j] * w[j];
            }
            f += r * r;
        }
        return 0.5 * f / n;
    }

    @Override
    public double valueAndGradient(double[] w, double[] g) {
        java.util.Arrays.fill(g, 0, p, 0.0);
        double f = 0;
        for (int i = 0; i < n; i++) {
            f += addSample(i, w, g);
        }
        for (int j = 0; j < p; j++) {
            g[j] /= n;
        }
        return 0.5 * f / n;
    }

    @Override
    public double minibatchGradient(double[] w, double[] g, RandomGenerator rng, int batchSize) {
        java.util.Arrays.fill(g, 0, p, 0.0);
        double f = 0;
        for (int k = 0; k < batchSize; k++) {
            f += addSample(rng.nextInt(n), w, g);
        }
        for (int j = 0; j < p; j++) {
            g[j] /= batchSize;
        }
        return 0.5 * f / batchSize;
    }

    /** Adds sample i's residual times its features to g; returns the squared residual. */
    private double addSample(int i, double[] w, double[] g) {
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
        double[][] h = new double[p][];
        for (int i = 0; i < p; i++) {
            h[i] = hessian[i].clone();
        }
        return h;
    }

    @Override
    public void hessianVectorProduct(double[] w, double[] v, double[] out, double[] xTmp, double[] gTmp) {
        for (int i = 0; i < p; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += hessian[i][j] * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public List<Minimum> minima() {
        return minimum == null ? List.of() : List.of(minimum);
    }

    @Override
    public ViewBox viewBox() {
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
