package dev.lrlab.core.landscape;

import java.util.ArrayList;
import java.util.List;

/**
 * 1-D f(θ) = θ⁴ − 2aθ² + bθ (S25). For a &gt; 0 and small b there are two wells near ±√a; the tilt
 * b &gt; 0 makes the left well (θ &lt; 0) the deeper one. The default start 2 rolls into the
 * shallow right well.
 */
public record DoubleWell(double a, double b) implements Landscape {

    @Override
    public int dim() {
        return 1;
    }

    @Override
    public String displayName() {
        return "Double well θ⁴ − 2aθ² + bθ (a=" + Quadratic.fmt(a) + ", b=" + Quadratic.fmt(b) + ")";
    }

    @Override
    public double value(double[] x) {
        double t = x[0];
        double t2 = t * t;
        return t2 * t2 - 2 * a * t2 + b * t;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        double t = x[0];
        double t2 = t * t;
        g[0] = 4 * t2 * t - 4 * a * t + b;
        return t2 * t2 - 2 * a * t2 + b * t;
    }

    @Override
    public double[][] hessian(double[] x) {
        return new double[][]{{12 * x[0] * x[0] - 4 * a}};
    }

    @Override
    public List<Minimum> minima() {
        // roots of f'(θ) = 4θ³ − 4aθ + b lie within the Cauchy bound R; bracket and bisect
        double r = 1 + Math.max(Math.abs(a), Math.abs(b) / 4);
        int cells = 4000;
        List<Minimum> out = new ArrayList<>();
        double[] g = new double[1];
        double prevX = -r;
        double prevG = deriv(prevX);
        for (int i = 1; i <= cells; i++) {
            double xi = -r + 2 * r * i / cells;
            double gi = deriv(xi);
            if (prevG < 0 && gi >= 0) { // f' crosses from − to +: a minimum
                double lo = prevX;
                double hi = xi;
                for (int k = 0; k < 200; k++) {
                    double mid = 0.5 * (lo + hi);
                    if (deriv(mid) < 0) {
                        lo = mid;
                    } else {
                        hi = mid;
                    }
                }
                double m = 0.5 * (lo + hi);
                out.add(new Minimum(new double[]{m}, value(new double[]{m})));
            }
            prevX = xi;
            prevG = gi;
        }
        return out;
    }

    private double deriv(double t) {
        return 4 * t * t * t - 4 * a * t + b;
    }

    @Override
    public ViewBox viewBox() {
        double w = Math.max(2, 1.5 * Math.sqrt(Math.max(a, 0)) + 0.5);
        return new ViewBox(-w, w, Double.NaN, Double.NaN);
    }

    @Override
    public double[] defaultStart() {
        return new double[]{2};
    }
}
