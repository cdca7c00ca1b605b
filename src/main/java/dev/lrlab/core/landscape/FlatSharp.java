package dev.lrlab.core.landscape;

import java.util.ArrayList;
import java.util.List;

/**
 * Flat vs sharp minima (S26), 2-D:
 * <pre>
 * f(θ) = ½·bowl·‖θ‖² − flatDepth·exp(−‖θ − flatCenter‖² / (2·flatWidth²))
 *                    − sharpDepth·exp(−‖θ − sharpCenter‖² / (2·sharpWidth²))
 * </pre>
 * Two Gaussian basins on a weak quadratic bowl (which keeps f bounded below and gives gradients
 * far away). Defaults: a wide basin (width 1, depth 1) at (−1.5, 0) and a narrow, slightly deeper
 * one (width 0.15, depth 1.2) at (1.5, 0), bowl 0.05. The basin curvature is about depth/width²
 * (≈1 flat, ≈53 sharp), so an lr above ≈0.04 cannot stay in the sharp one. The "test" landscape
 * is the same function shifted by testShift (default (0.3, 0.3)): the flat minimum barely moves
 * in value, the sharp one loses almost all its depth.
 */
public final class FlatSharp implements Landscape {
    private final double[] flatCenter;
    private final double flatWidth;
    private final double flatDepth;
    private final double[] sharpCenter;
    private final double sharpWidth;
    private final double sharpDepth;
    private final double bowl;
    private final double[] testShift;
    private final List<Minimum> minima;

    public FlatSharp(double[] flatCenter, double flatWidth, double flatDepth, double[] sharpCenter,
                     double sharpWidth, double sharpDepth, double bowl, double[] testShift) {
        this.flatCenter = flatCenter.clone();
        this.flatWidth = flatWidth;
        this.flatDepth = flatDepth;
        this.sharpCenter = sharpCenter.clone();
        this.sharpWidth = sharpWidth;
        this.sharpDepth = sharpDepth;
        this.bowl = bowl;
        this.testShift = testShift.clone();
        List<Minimum> m = new ArrayList<>();
        addIfMinimum(m, flatCenter);
        addIfMinimum(m, sharpCenter);
        this.minima = List.copyOf(m);
    }

    public static FlatSharp defaults() {
        return new FlatSharp(new double[]{-1.5, 0}, 1.0, 1.0, new double[]{1.5, 0}, 0.15, 1.2, 0.05,
                new double[]{0.3, 0.3});
    }

    public double[] testShift() {
        return testShift.clone();
    }

    /** Newton's method from a basin centre; keeps the point if it converged to a local minimum. */
    private void addIfMinimum(List<Minimum> out, double[] start) {
        double[] p = start.clone();
        double[] g = new double[2];
        for (int i = 0; i < 50; i++) {
            valueAndGradient(p, g);
            double[][] h = hessian(p);
            double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
            if (det == 0) {
                return;
            }
            p[0] -= (h[1][1] * g[0] - h[0][1] * g[1]) / det;
            p[1] -= (h[0][0] * g[1] - h[1][0] * g[0]) / det;
        }
        valueAndGradient(p, g);
        double[][] h = hessian(p);
        boolean pd = h[0][0] > 0 && h[0][0] * h[1][1] - h[0][1] * h[1][0] > 0;
        if (pd && Math.hypot(g[0], g[1]) < 1e-9 && Math.hypot(p[0] - start[0], p[1] - start[1]) < 1) {
            out.add(new Minimum(p, value(p)));
        }
    }

    @Override
    public int dim() {
        return 2;
    }

    @Override
    public String displayName() {
        return "Flat vs sharp minima";
    }

    @Override
    public double value(double[] x) {
        double fx = x[0] - flatCenter[0];
        double fy = x[1] - flatCenter[1];
        double sx = x[0] - sharpCenter[0];
        double sy = x[1] - sharpCenter[1];
        return 0.5 * bowl * (x[0] * x[0] + x[1] * x[1])
                - flatDepth * Math.exp(-(fx * fx + fy * fy) / (2 * flatWidth * flatWidth))
                - sharpDepth * Math.exp(-(sx * sx + sy * sy) / (2 * sharpWidth * sharpWidth));
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        double fx = x[0] - flatCenter[0];
        double fy = x[1] - flatCenter[1];
        double sx = x[0] - sharpCenter[0];
        double sy = x[1] - sharpCenter[1];
        double fw2 = flatWidth * flatWidth;
        double sw2 = sharpWidth * sharpWidth;
        double ef = flatDepth * Math.exp(-(fx * fx + fy * fy) / (2 * fw2));
        double es = sharpDepth * Math.exp(-(sx * sx + sy * sy) / (2 * sw2));
        g[0] = bowl * x[0] + ef * fx / fw2 + es * sx / sw2;
        g[1] = bowl * x[1] + ef * fy / fw2 + es * sy / sw2;
        return 0.5 * bowl * (x[0] * x[0] + x[1] * x[1]) - ef - es;
    }

    @Override
    public double[][] hessian(double[] x) {
        double[][] h = {{bowl, 0}, {0, bowl}};
        addWell(h, x, flatCenter, flatWidth, flatDepth);
        addWell(h, x, sharpCenter, sharpWidth, sharpDepth);
        return h;
    }

    // Hessian of −d·exp(−r²/(2w²)) is d·e·(I/w² − (x−c)(x−c)ᵀ/w⁴)
    private static void addWell(double[][] h, double[] x, double[] c, double w, double d) {
        double dx = x[0] - c[0];
        double dy = x[1] - c[1];
        double w2 = w * w;
        double e = d * Math.exp(-(dx * dx + dy * dy) / (2 * w2));
        h[0][0] += e * (1 / w2 - dx * dx / (w2 * w2));
        h[1][1] += e * (1 / w2 - dy * dy / (w2 * w2));
        h[0][1] += -e * dx * dy / (w2 * w2);
        h[1][0] += -e * dx * dy / (w2 * w2);
    }

    @Override
    public List<Minimum> minima() {
        return minima;
    }

    @Override
    public ViewBox viewBox() {
        return new ViewBox(-4, 4, -3, 3);
    }

    @Override
    public double[] defaultStart() {
        return new double[]{0, 1};
    }

    @Override
    public Landscape testLandscape() {
        return new Shifted(this, testShift);
    }
}
