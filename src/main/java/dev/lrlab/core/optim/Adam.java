package dev.lrlab.core.optim;

/**
 * torch.optim.Adam / AdamW's update (weight decay is a separate stage: {@link AddWeightDecay} for
 * Adam, {@link DecoupledWeightDecay} before this stage for AdamW):
 * m ← β1·m + (1−β1)g, v ← β2·v + (1−β2)g², θ ← θ − (lr/(1−β1ᵗ))·m/(√v/√(1−β2ᵗ) + ε).
 * AMSGrad keeps v_max = max(v_max, v) (of the raw, uncorrected v) and uses it instead of v.
 * A non-NaN {@code momentum} argument replaces β1 everywhere, bias correction included, exactly as
 * PyTorch after a cycling scheduler wrote {@code betas[0]} (which is why cycling β1 breaks bias
 * correction, S9). epsInside: denominator √(v̂ + ε) with v̂ = v/(1−β2ᵗ).
 */
public final class Adam implements Transform {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean amsgrad;
    private final boolean epsInside;
    private final boolean half;
    private final double[] expAvg;
    private final double[] expAvgSq;
    private final double[] maxExpAvgSq;
    private final BiasCorrection corr1 = new BiasCorrection();
    private final BiasCorrection corr2 = new BiasCorrection();

    public Adam(int dim, double beta1, double beta2, double eps, boolean amsgrad, boolean epsInside, boolean half) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.amsgrad = amsgrad;
        this.epsInside = epsInside;
        this.half = half;
        this.expAvg = new double[dim];
        this.expAvgSq = new double[dim];
        this.maxExpAvgSq = amsgrad ? new double[dim] : null;
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        update(p, p, g, step, lr, mom);
    }

    @Override
    public void applyInto(double[] in, double[] out, double[] g, int step, double lr, double mom) {
        if (half || epsInside || amsgrad) {
            Transform.super.applyInto(in, out, g, step, lr, mom);
        } else {
            update(in, out, g, step, lr, mom);
        }
    }

    /** θ read from pIn, written to p: the same array (in place), or two arrays (float64 path only). */
    private void update(double[] pIn, double[] p, double[] g, int step, double lr, double mom) {
        final double b1 = Double.isNaN(mom) ? beta1 : mom;
        final double b2 = beta2;
        final double omb1 = 1 - b1;
        final double omb2 = 1 - b2;
        final double bc1 = corr1.oneMinusPow(b1, step);
        final double bc2 = corr2.oneMinusPow(b2, step);
        final double negStepSize = -(lr / bc1);
        final double bc2Sqrt = Math.sqrt(bc2);
        final double e = eps;
        final double[] m = expAvg;
        final double[] v = expAvgSq;
        if (!half && !epsInside && !amsgrad) {
            // the hot path: plain Adam / AdamW in float64
            plain(pIn, p, g, m, v, 0, p.length, b1, b2, omb1, omb2, negStepSize, bc2Sqrt, e);
            return;
        }
        final double[] vmax = maxExpAvgSq;
        final boolean h = half;
        Moments.update(p.length, g, m, v, b1, b2, h);
        for (int i = 0; i < p.length; i++) {
            double mi = m[i];
            double vi = v[i];
            if (amsgrad) {
                vi = Math.max(vmax[i], vi);
                vmax[i] = vi;
            }
            double denom = epsInside ? Math.sqrt(vi / bc2 + e) : Math.sqrt(vi) / bc2Sqrt + e;
            p[i] = p[i] + negStepSize * mi / denom;
        }
    }

    /**
     * The float64 update of elements [from, to), θ read from pIn and written to p (which may be the
     * same array): per element exactly torch's single-tensor Adam.
     */
    private static void plain(double[] pIn, double[] p, double[] g, double[] m, double[] v, int from, int to,
                              double b1, double b2, double omb1, double omb2, double negStepSize, double bc2Sqrt,
                              double e) {
        if (to > pIn.length || to > p.length || to > g.length || to > m.length || to > v.length) {
            throw new IllegalArgumentException("arrays shorter than " + to);
        }
        for (int i = from; i < to; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + omb1 * gi;
            double vi = v[i] * b2 + omb2 * gi * gi;
            m[i] = mi;
            v[i] = vi;
            p[i] = pIn[i] + negStepSize * mi / (Math.sqrt(vi) / bc2Sqrt + e);
        }
    }

    /** Zeroes exp_avg (m); v and v_max are kept. */
    @Override
    public void resetMomentum() {
        java.util.Arrays.fill(expAvg, 0.0);
    }

    @Override
    public Object save() {
        return Buffers.copy(expAvg, expAvgSq, maxExpAvgSq);
    }

    @Override
    public void restore(Object saved) {
        Buffers.restore((double[][]) saved, expAvg, expAvgSq, maxExpAvgSq);
    }
}
