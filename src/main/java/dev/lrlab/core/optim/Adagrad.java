package dev.lrlab.core.optim;

/**
 * torch.optim.Adagrad: G ← G + g², θ ← θ − clr·g/(√G + ε) with clr = lr/(1 + (t−1)·lrDecay).
 * With epsInside the denominator is √(G + ε) (the lesson's formula, S10).
 */
public final class Adagrad implements Transform {
    private final double lrDecay;
    private final double eps;
    private final boolean epsInside;
    private final boolean half;
    private final double[] sum;

    public Adagrad(int dim, double lrDecay, double initialAccumulatorValue, double eps, boolean epsInside, boolean half) {
        this.lrDecay = lrDecay;
        this.eps = eps;
        this.epsInside = epsInside;
        this.half = half;
        this.sum = new double[dim];
        java.util.Arrays.fill(sum, half ? Half.round(initialAccumulatorValue) : initialAccumulatorValue);
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double clr = lr / (1 + (step - 1) * lrDecay);
        final double negClr = -clr;
        final double[] s = sum;
        final double e = eps;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double si = s[i] + gi * gi;
            if (half) {
                si = Half.round(si);
            }
            s[i] = si;
            double std = epsInside ? Math.sqrt(si + e) : Math.sqrt(si) + e;
            p[i] = p[i] + negClr * gi / std;
        }
    }

    @Override
    public Object save() {
        return Buffers.copy(sum);
    }

    @Override
    public void restore(Object saved) {
        Buffers.restore((double[][]) saved, sum);
    }
}
