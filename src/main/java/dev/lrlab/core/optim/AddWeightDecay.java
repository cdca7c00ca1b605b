package dev.lrlab.core.optim;

/** Coupled (L2) weight decay as PyTorch folds it into the gradient: g ← g + wd·θ. */
public final class AddWeightDecay implements Transform {
    private final double weightDecay;

    public AddWeightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public void apply(double[] params, double[] grad, int step, double lr, double momentum) {
        final double wd = weightDecay;
        for (int i = 0; i < grad.length; i++) {
            grad[i] = grad[i] + wd * params[i];
        }
    }
}
