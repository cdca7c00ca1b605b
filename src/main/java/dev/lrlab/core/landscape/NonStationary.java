package dev.lrlab.core.landscape;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A landscape whose loss (and so gradient) is multiplied by {@code gradientScale} from state
 * {@code atStep} on (S11: the gradient scale jumps; RMSProp adapts, AdaGrad lags). The step-free
 * methods ({@link #value}, {@link #hessian}, ...) describe the landscape before the jump.
 */
public record NonStationary(Landscape base, int atStep, double gradientScale) implements Landscape {

    @Override
    public int dim() {
        return base.dim();
    }

    @Override
    public String displayName() {
        return base.displayName() + ", gradient ×" + Quadratic.fmt(gradientScale) + " from step " + atStep;
    }

    @Override
    public double value(double[] x) {
        return base.value(x);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        return base.valueAndGradient(x, g);
    }

    private double scaleAt(int step) {
        return step >= atStep ? gradientScale : 1.0;
    }

    @Override
    public double valueAndGradientAt(double[] x, double[] g, int step) {
        double f = base.valueAndGradient(x, g);
        double s = scaleAt(step);
        if (s != 1.0) {
            int n = base.dim();
            for (int i = 0; i < n; i++) {
                g[i] *= s;
            }
        }
        return f * s;
    }

    @Override
    public double valueAt(double[] x, int step) {
        return base.value(x) * scaleAt(step);
    }

    @Override
    public double[][] hessian(double[] x) {
        return base.hessian(x);
    }

    @Override
    public double gradientCost() {
        return base.gradientCost() + base.dim();
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
        return base.minibatchCost(batchSize) + base.dim();
    }

    @Override
    public double buildCost() {
        return base.buildCost();
    }

    @Override
    public void hessianVectorProduct(double[] x, double[] v, double[] out, double[] xTmp, double[] gTmp) {
        base.hessianVectorProduct(x, v, out, xTmp, gTmp);
    }

    @Override
    public int dataSize() {
        return base.dataSize();
    }

    @Override
    public double minibatchGradient(double[] x, double[] g, RandomGenerator rng, int batchSize) {
        return base.minibatchGradient(x, g, rng, batchSize);
    }

    @Override
    public List<Minimum> minima() {
        return base.minima();
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
