package dev.lrlab.core.optim;

/**
 * torch.optim.Adamax: m ← β1·m + (1−β1)g, u ← max(β2·u, |g| + ε), θ ← θ − (lr/(1−β1ᵗ))·m/u.
 * ε sits inside the max, so there is no epsPlacement option. A non-NaN {@code momentum} replaces β1.
 */
public final class Adamax implements Transform {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean half;
    private final double[] expAvg;
    private final double[] expInf;
    private final BiasCorrection corr = new BiasCorrection();

    public Adamax(int dim, double beta1, double beta2, double eps, boolean half) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.half = half;
        this.expAvg = new double[dim];
        this.expInf = new double[dim];
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double b1 = Double.isNaN(mom) ? beta1 : mom;
        final double b2 = beta2;
        final double omb1 = 1 - b1;
        final double negClr = -(lr / corr.oneMinusPow(b1, step));
        final double e = eps;
        final double[] m = expAvg;
        final double[] u = expInf;
        final boolean h = half;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + omb1 * gi;
            double ui = Math.max(u[i] * b2, Math.abs(gi) + e);
            if (h) {
                mi = Half.round(mi);
                ui = Half.round(ui);
            }
            m[i] = mi;
            u[i] = ui;
            p[i] = p[i] + negClr * mi / ui;
        }
    }

    /** Zeroes exp_avg (m); exp_inf is kept. */
    @Override
    public void resetMomentum() {
        java.util.Arrays.fill(expAvg, 0.0);
    }

    @Override
    public Object save() {
        return Buffers.copy(expAvg, expInf);
    }

    @Override
    public void restore(Object saved) {
        Buffers.restore((double[][]) saved, expAvg, expInf);
    }
}
