package dev.lrlab.core.optim;

/**
 * torch.optim.RAdam: m, v as in Adam; ρ∞ = 2/(1−β2) − 1, ρt = ρ∞ − 2tβ2ᵗ/(1−β2ᵗ). When ρt &gt; 5:
 * θ ← θ − (m/(1−β1ᵗ))·lr·√(1−β2ᵗ)/(√v + ε)·r with r = √((ρt−4)(ρt−2)ρ∞/((ρ∞−4)(ρ∞−2)ρt));
 * otherwise θ ← θ − (m/(1−β1ᵗ))·lr. A non-NaN {@code momentum} replaces β1.
 * epsInside: the adaptive factor becomes √(1−β2ᵗ)/√(v + ε).
 */
public final class Radam implements Transform {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final boolean epsInside;
    private final boolean half;
    private final double[] expAvg;
    private final double[] expAvgSq;
    private final BiasCorrection corr = new BiasCorrection();

    public Radam(int dim, double beta1, double beta2, double eps, boolean epsInside, boolean half) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.epsInside = epsInside;
        this.half = half;
        this.expAvg = new double[dim];
        this.expAvgSq = new double[dim];
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double b1 = Double.isNaN(mom) ? beta1 : mom;
        final double b2 = beta2;
        final double bc1 = corr.oneMinusPow(b1, step);
        final double b2t = Math.pow(b2, step);
        final double bc2 = 1 - b2t;
        final double rhoInf = 2 / (1 - b2) - 1;
        final double rhoT = rhoInf - 2 * step * b2t / bc2;
        final boolean rectify = rhoT > 5.;
        final double rect = rectify
                ? Math.sqrt((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT)) : 0;
        final double bc2Sqrt = Math.sqrt(bc2);
        final double e = eps;
        final double[] m = expAvg;
        final double[] v = expAvgSq;
        final boolean h = half;
        Moments.update(p.length, g, m, v, b1, b2, h);
        for (int i = 0; i < p.length; i++) {
            double mi = m[i];
            double vi = v[i];
            double corrected = mi / bc1;
            if (rectify) {
                double adaptive = bc2Sqrt / (epsInside ? Math.sqrt(vi + e) : Math.sqrt(vi) + e);
                p[i] = p[i] + -1.0 * (corrected * lr * adaptive * rect);
            } else {
                p[i] = p[i] + -1.0 * (corrected * lr);
            }
        }
    }

    /** Zeroes exp_avg (m); v is kept. */
    @Override
    public void resetMomentum() {
        java.util.Arrays.fill(expAvg, 0.0);
    }

    @Override
    public Object save() {
        return Buffers.copy(expAvg, expAvgSq);
    }

    @Override
    public void restore(Object saved) {
        Buffers.restore((double[][]) saved, expAvg, expAvgSq);
    }
}
