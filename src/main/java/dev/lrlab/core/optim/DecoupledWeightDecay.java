package dev.lrlab.core.optim;

/** Decoupled weight decay (AdamW, and NAdam/RAdam with decoupledWeightDecay): θ ← θ·(1 − lr·wd). */
public final class DecoupledWeightDecay implements Transform {
    private final double weightDecay;

    public DecoupledWeightDecay(double weightDecay) {
        this.weightDecay = weightDecay;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public void apply(double[] params, double[] grad, int step, double lr, double momentum) {
        final double f = 1 - lr * weightDecay;
        for (int i = 0; i < params.length; i++) {
            params[i] = params[i] * f;
        }
    }
}
