package dev.lrlab.core.optim;

/**
 * torch.optim.Adadelta: v ← ρv + (1−ρ)g²; Δ = √(u + ε)/√(v + ε)·g; u ← ρu + (1−ρ)Δ²; θ ← θ − lr·Δ.
 * ε sits inside both square roots (PyTorch's and Zeiler's form); there is no epsPlacement option.
 */
public final class Adadelta implements Transform {
    private final double rho;
    private final double eps;
    private final boolean half;
    private final double[] squareAvg;
    private final double[] accDelta;

    public Adadelta(int dim, double rho, double eps, boolean half) {
        this.rho = rho;
        this.eps = eps;
        this.half = half;
        this.squareAvg = new double[dim];
        this.accDelta = new double[dim];
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double r = rho;
        final double omr = 1 - r;
        final double e = eps;
        final double negLr = -lr;
        final double[] sq = squareAvg;
        final double[] acc = accDelta;
        final boolean h = half;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double si = sq[i] * r + omr * gi * gi;
            if (h) {
                si = Half.round(si);
            }
            sq[i] = si;
            double std = Math.sqrt(si + e);
            double delta = Math.sqrt(acc[i] + e) / std * gi;
            double ai = acc[i] * r + omr * delta * delta;
            if (h) {
                ai = Half.round(ai);
            }
            acc[i] = ai;
            p[i] = p[i] + negLr * delta;
        }
    }

    @Override
    public Object save() {
        return Buffers.copy(squareAvg, accDelta);
    }

    @Override
    public void restore(Object saved) {
        Buffers.restore((double[][]) saved, squareAvg, accDelta);
    }
}
