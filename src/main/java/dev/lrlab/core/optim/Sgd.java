package dev.lrlab.core.optim;

/**
 * torch.optim.SGD's update (weight decay is a separate {@link AddWeightDecay} stage). The momentum
 * buffer is created from the raw (post-weight-decay) gradient on the first step with momentum ≠ 0,
 * without dampening; afterwards buf ← m·buf + (1 − dampening)·g. Nesterov uses g + m·buf. When
 * the effective momentum is 0 (configured, or set so by a cycling schedule) the buffer is neither
 * used nor updated, exactly as in PyTorch.
 */
public final class Sgd implements Transform {
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final boolean half;
    private final double[] buf;
    private boolean hasBuf;

    public Sgd(int dim, double momentum, double dampening, boolean nesterov, boolean half) {
        this.momentum = momentum;
        this.dampening = dampening;
        this.nesterov = nesterov;
        this.half = half;
        this.buf = new double[dim];
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double m = Double.isNaN(mom) ? momentum : mom;
        final double negLr = -lr;
        if (m == 0) {
            for (int i = 0; i < p.length; i++) {
                p[i] = p[i] + negLr * g[i];
            }
            return;
        }
        final double[] b = buf;
        final boolean h = half;
        if (!hasBuf) {
            hasBuf = true;
            for (int i = 0; i < p.length; i++) {
                double bi = h ? Half.round(g[i]) : g[i];
                b[i] = bi;
                double d = nesterov ? g[i] + m * bi : bi;
                p[i] = p[i] + negLr * d;
            }
            return;
        }
        final double omd = 1 - dampening;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double bi = b[i] * m + omd * gi;
            if (h) {
                bi = Half.round(bi);
            }
            b[i] = bi;
            double d = nesterov ? gi + m * bi : bi;
            p[i] = p[i] + negLr * d;
        }
    }

    /** Clears the buffer as in a fresh optimizer: the next step sets buf = g (zeroing it, when dampening is 0). */
    @Override
    public void resetMomentum() {
        hasBuf = false;
        java.util.Arrays.fill(buf, 0.0);
    }

    private record State(double[][] bufs, boolean hasBuf) {
    }

    @Override
    public Object save() {
        return new State(Buffers.copy(buf), hasBuf);
    }

    @Override
    public void restore(Object saved) {
        State s = (State) saved;
        Buffers.restore(s.bufs, buf);
        hasBuf = s.hasBuf;
    }
}
