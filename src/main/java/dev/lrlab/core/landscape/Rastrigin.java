package dev.lrlab.core.landscape;

import java.util.Arrays;
import java.util.List;

/** f = A·n + Σ (xᵢ² − A cos 2πxᵢ); global minimum 0 at the origin, many local minima. */
public record Rastrigin(int dim, double amplitude) implements Landscape {
    private static final double TWO_PI = 2 * Math.PI;

    @Override
    public double gradientCost() {
        return 40.0 * dim + 20; // a cosine and a sine per coordinate
    }

    @Override
    public String displayName() {
        return "Rastrigin (A=" + Quadratic.fmt(amplitude) + ", " + dim + "-D)";
    }

    @Override
    public double value(double[] x) {
        double f = amplitude * dim;
        for (int i = 0; i < dim; i++) {
            f += x[i] * x[i] - amplitude * Math.cos(TWO_PI * x[i]);
        }
        return f;
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        double f = amplitude * dim;
        for (int i = 0; i < dim; i++) {
            double t = TWO_PI * x[i];
            f += x[i] * x[i] - amplitude * Math.cos(t);
            g[i] = 2 * x[i] + TWO_PI * amplitude * Math.sin(t);
        }
        return f;
    }

    @Override
    public double[][] hessian(double[] x) {
        double[][] h = new double[dim][dim];
        for (int i = 0; i < dim; i++) {
            h[i][i] = 2 + TWO_PI * TWO_PI * amplitude * Math.cos(TWO_PI * x[i]);
        }
        return h;
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out, double[] xTmp, double[] gTmp) {
        for (int i = 0; i < dim; i++) {
            out[i] = (2 + TWO_PI * TWO_PI * amplitude * Math.cos(TWO_PI * x[i])) * v[i];
        }
    }

    @Override
    public List<Minimum> minima() {
        return List.of(new Minimum(new double[dim], 0));
    }

    @Override
    public ViewBox viewBox() {
        return new ViewBox(-5.12, 5.12, -5.12, 5.12);
    }

    @Override
    public double[] defaultStart() {
        double[] s = new double[dim];
        Arrays.fill(s, 3.2);
        return s;
    }
}
