package dev.lrlab.core.optim;

/**
 * torch.optim.NAdam as in PyTorch 2.x (with the mu_product fix of pytorch#92699):
 * μt = β1(1 − ½·0.96^(t·ψ)), μt+1 likewise, Πt = Πt−1·μt (state), m and v as in Adam,
 * denom = √(v/(1−β2ᵗ)) + ε,
 * θ ← θ − lr(1−μt)/(1−Πt)·g/denom − lr·μt+1/(1−Πt·μt+1)·m/denom.
 * A non-NaN {@code momentum} replaces β1 (in μ and in m). epsInside: denom = √(v/(1−β2ᵗ) + ε).
 */
public final class Nadam implements Transform {
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double momentumDecay;
    private final boolean epsInside;
    private final boolean half;
    private final double[] expAvg;
    private final double[] expAvgSq;
    private final BiasCorrection corr = new BiasCorrection();
    private double muProduct = 1.0;

    public Nadam(int dim, double beta1, double beta2, double eps, double momentumDecay, boolean epsInside, boolean half) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.momentumDecay = momentumDecay;
        this.epsInside = epsInside;
        this.half = half;
        this.expAvg = new double[dim];
        this.expAvgSq = new double[dim];
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double b1 = Double.isNaN(mom) ? beta1 : mom;
        final double b2 = beta2;
        final double bc2 = corr.oneMinusPow(b2, step);
        final double mu = b1 * (1. - 0.5 * Math.pow(0.96, step * momentumDecay));
        final double muNext = b1 * (1. - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
        muProduct *= mu;
        final double muProductNext = muProduct * muNext;
        final double c1 = -lr * (1. - mu) / (1. - muProduct);
        final double c2 = (-lr * muNext) / (1. - muProductNext);
        final double e = eps;
        final double[] m = expAvg;
        final double[] v = expAvgSq;
        final boolean h = half;
        Moments.update(p.length, g, m, v, b1, b2, h);
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double mi = m[i];
            double vi = v[i];
            double denom = epsInside ? Math.sqrt(vi / bc2 + e) : Math.sqrt(vi / bc2) + e;
            double pi = p[i] + c1 * gi / denom;
            p[i] = pi + c2 * mi / denom;
        }
    }

    /** Zeroes exp_avg (m); v and the μ product are kept. */
    @Override
    public void resetMomentum() {
        java.util.Arrays.fill(expAvg, 0.0);
    }

    private record State(double[][] bufs, double muProduct) {
    }

    @Override
    public Object save() {
        return new State(Buffers.copy(expAvg, expAvgSq), muProduct);
    }

    @Override
    public void restore(Object saved) {
        State s = (State) saved;
        Buffers.restore(s.bufs, expAvg, expAvgSq);
        muProduct = s.muProduct;
    }
}
