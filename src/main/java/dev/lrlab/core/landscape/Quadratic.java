package dev.lrlab.core.landscape;

import java.util.Arrays;
import java.util.List;

/**
 * f(θ) = ½ θᵀAθ with A symmetric (not necessarily positive definite). A diagonal A is stored as a
 * vector (fast path: O(dim) per gradient, fine for 1,000,000 dimensions).
 */
public final class Quadratic implements Landscape {
    private final int n;
    private final double[] diag;   // non-null for the diagonal fast path
    private final double[][] a;    // non-null for the dense case
    private final String name;

    private Quadratic(int n, double[] diag, double[][] a, String name) {
        this.n = n;
        this.diag = diag;
        this.a = a;
        this.name = name;
    }

    /** A = diag(eigenvalues). */
    public static Quadratic diagonal(double... eigenvalues) {
        return new Quadratic(eigenvalues.length, eigenvalues.clone(), null,
                "Quadratic ½θᵀAθ, eigenvalues " + abbreviate(eigenvalues));
    }

    /** 2-D: A = R(angle)·diag(l1, l2)·R(angle)ᵀ, eigenvector of l1 at angle degrees from the x axis. */
    public static Quadratic rotated(double l1, double l2, double angleDeg) {
        if (angleDeg == 0) {
            return diagonal(l1, l2);
        }
        double t = Math.toRadians(angleDeg);
        double c = Math.cos(t);
        double s = Math.sin(t);
        double[][] m = {
                {l1 * c * c + l2 * s * s, (l1 - l2) * c * s},
                {(l1 - l2) * c * s, l1 * s * s + l2 * c * c}};
        return new Quadratic(2, null, m, "Quadratic ½θᵀAθ, eigenvalues [" + fmt(l1) + ", " + fmt(l2)
                + "] rotated " + fmt(angleDeg) + "°");
    }

    /** A given as a symmetric matrix (symmetry is the caller's responsibility). */
    public static Quadratic dense(double[][] matrix) {
        double[][] m = new double[matrix.length][];
        boolean diagonal = true;
        for (int i = 0; i < matrix.length; i++) {
            m[i] = matrix[i].clone();
            for (int j = 0; j < m[i].length; j++) {
                if (i != j && m[i][j] != 0) {
                    diagonal = false;
                }
            }
        }
        if (diagonal) {
            double[] d = new double[m.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = m[i][i];
            }
            return diagonal(d);
        }
        return new Quadratic(m.length, null, m, "Quadratic ½θᵀAθ, A = " + Arrays.deepToString(m));
    }

    public boolean isDiagonal() {
        return diag != null;
    }

    /** Copy of the diagonal for the fast path, or null. */
    public double[] diagonalEntries() {
        return diag == null ? null : diag.clone();
    }

    @Override
    public int dim() {
        return n;
    }

    @Override
    public String displayName() {
        return name;
    }

    @Override
    public double value(double[] x) {
        double f = 0;
        if (diag != null) {
            for (int i = 0; i < n; i++) {
                f += diag[i] * x[i] * x[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double row = 0;
                double[] ai = a[i];
                for (int j = 0; j < n; j++) {
                    row += ai[j] * x[j];
                }
                f += x[i] * row;
            }
        }
        return 0.5 * f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        double f = 0;
        if (diag != null) {
            for (int i = 0; i < n; i++) {
                double gi = diag[i] * x[i];
                g[i] = gi;
                f += gi * x[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                double row = 0;
                double[] ai = a[i];
                for (int j = 0; j < n; j++) {
                    row += ai[j] * x[j];
                }
                g[i] = row;
                f += x[i] * row;
            }
        }
        return 0.5 * f;
    }

    /** Diagonal A: gradient, f and the three sums in one pass (same per-element operations). */
    @Override
    public double valueGradientAndSums(double[] x, double[] prev, double[] g, int step, double[] sums) {
        if (diag == null) {
            return Landscape.super.valueGradientAndSums(x, prev, g, step, sums);
        }
        final double[] a = diag;
        final int len = n;
        if (x.length < len || prev.length < len || g.length < len) {
            throw new IllegalArgumentException("arrays shorter than dim " + len);
        }
        double f = 0;
        double gg = 0;
        double xx = 0;
        double dd = 0;
        for (int i = 0; i < len; i++) {
            double xi = x[i];
            double gi = a[i] * xi;
            g[i] = gi;
            f += gi * xi;
            double d = xi - prev[i];
            gg += gi * gi;
            xx += xi * xi;
            dd += d * d;
        }
        sums[0] = gg;
        sums[1] = xx;
        sums[2] = dd;
        return 0.5 * f;
    }

    @Override
    public double[][] hessian(double[] x) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            if (diag != null) {
                h[i][i] = diag[i];
            } else {
                h[i] = a[i].clone();
            }
        }
        return h;
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out, double[] xTmp, double[] gTmp) {
        valueAndGradient(v, out); // A·v
    }

    @Override
    public double gradientCost() {
        return diag != null ? 4.0 * n : 2.0 * n * n + 2.0 * n;
    }

    @Override
    public double hessianVectorCost() {
        return gradientCost();
    }

    @Override
    public double hessianCost() {
        return (double) n * n;
    }

    @Override
    public List<Minimum> minima() {
        // the origin is the minimum iff A is positive semi-definite; check cheaply for diagonal A
        if (diag != null) {
            for (double d : diag) {
                if (d < 0) {
                    return List.of();
                }
            }
            return List.of(new Minimum(new double[n], 0));
        }
        if (n <= 3 && !isPsd2x2()) {
            return List.of();
        }
        return List.of(new Minimum(new double[n], 0));
    }

    private boolean isPsd2x2() {
        if (n == 1) {
            return a[0][0] >= 0;
        }
        if (n == 2) {
            double tr = a[0][0] + a[1][1];
            double det = a[0][0] * a[1][1] - a[0][1] * a[1][0];
            return tr >= 0 && det >= 0;
        }
        return true; // 3-D: not checked here, the analysis shows the eigenvalues
    }

    @Override
    public ViewBox viewBox() {
        return new ViewBox(-5, 5, -5, 5);
    }

    @Override
    public double[] defaultStart() {
        if (n == 1) {
            return new double[]{2};
        }
        if (n == 2) {
            return new double[]{-4, 2};
        }
        double[] s = new double[n];
        Arrays.fill(s, 1.0);
        return s;
    }

    static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String abbreviate(double[] v) {
        if (v.length <= 6) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < v.length; i++) {
                sb.append(i == 0 ? "" : ", ").append(fmt(v[i]));
            }
            return sb.append(']').toString();
        }
        return "(" + v.length + " values)";
    }
}
