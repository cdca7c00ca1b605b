package dev.lrlab.core.landscape;

import java.util.List;

/** f_test(θ) = f(θ − shift): the "test" version of a landscape (S26). */
public record Shifted(Landscape base, double[] shift) implements Landscape {

    @Override
    public int dim() {
        return base.dim();
    }

    @Override
    public String displayName() {
        return base.displayName() + " shifted (test)";
    }

    private double[] moved(double[] x) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i] - shift[i];
        }
        return y;
    }

    @Override
    public double value(double[] x) {
        return base.value(moved(x));
    }

    /** Allocates (the test landscape is only evaluated for reporting, not stepped). */
    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return base.valueAndGradient(moved(x), g);
    }

    @Override
    public double[][] hessian(double[] x) {
        return base.hessian(moved(x));
    }

    @Override
    public double gradientCost() {
        return base.gradientCost() + 2.0 * base.dim();
    }

    @Override
    public double hessianVectorCost() {
        return base.hessianVectorCost();
    }

    @Override
    public double hessianCost() {
        return base.hessianCost();
    }

    @Override
    public double minibatchCost(int batchSize) {
        return base.minibatchCost(batchSize) + 2.0 * base.dim();
    }

    @Override
    public double buildCost() {
        return base.buildCost();
    }

    @Override
    public List<Minimum> minima() {
        return base.minima().stream().map(m -> {
            double[] p = m.point().clone();
            for (int i = 0; i < p.length; i++) {
                p[i] += shift[i];
            }
            return new Minimum(p, m.value());
        }).toList();
    }

    @Override
    public ViewBox viewBox() {
        return base.viewBox();
    }

    @Override
    public double[] defaultStart() {
        return base.defaultStart();
    }
}
