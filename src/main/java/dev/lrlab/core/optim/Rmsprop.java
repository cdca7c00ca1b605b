package dev.lrlab.core.optim;

/**
 * torch.optim.RMSprop: v ← αv + (1−α)g²; centered: ḡ ← αḡ + (1−α)g, denominator √(v − ḡ²) + ε;
 * with momentum m > 0: buf ← m·buf + g/denom, θ ← θ − lr·buf (the buffer starts at 0 and the lr
 * stays outside it); otherwise θ ← θ − lr·g/denom. epsInside: √(v + ε) (resp. √(v − ḡ² + ε)), S11.
 */
public final class Rmsprop implements Transform {
    private final double alpha;
    private final double eps;
    private final double momentum;
    private final boolean centered;
    private final boolean epsInside;
    private final boolean half;
    private final double[] squareAvg;
    private final double[] gradAvg;
    private final double[] buf;

    public Rmsprop(int dim, double alpha, double eps, double momentum, boolean centered, boolean epsInside, boolean half) {
        this.alpha = alpha;
        this.eps = eps;
        this.momentum = momentum;
        this.centered = centered;
        this.epsInside = epsInside;
        this.half = half;
        this.squareAvg = new double[dim];
        this.gradAvg = centered ? new double[dim] : null;
        this.buf = new double[dim];
    }

    @Override
    public void apply(double[] p, double[] g, int step, double lr, double mom) {
        final double m = Double.isNaN(mom) ? momentum : mom;
        final double a = alpha;
        final double oma = 1 - a;
        final double e = eps;
        final double negLr = -lr;
        final double[] sq = squareAvg;
        final double[] ga = gradAvg;
        final double[] b = buf;
        final boolean h = half;
        for (int i = 0; i < p.length; i++) {
            double gi = g[i];
            double si = sq[i] * a + oma * gi * gi;
            if (h) {
                si = Half.round(si);
            }
            sq[i] = si;
            double x;
            if (centered) {
                double gai = ga[i] * a + oma * gi;
                if (h) {
                    gai = Half.round(gai);
                }
                ga[i] = gai;
                x = si + (-1.0 * gai) * gai;
            } else {
                x = si;
            }
            double avg = epsInside ? Math.sqrt(x + e) : Math.sqrt(x) + e;
            if (m > 0) {
                double bi = b[i] * m + gi / avg;
                if (h) {
                    bi = Half.round(bi);
                }
                b[i] = bi;
                p[i] = p[i] + negLr * bi;
            } else {
                p[i] = p[i] + negLr * gi / avg;
            }
        }
    }

    /** Zeroes the momentum buffer (square and gradient averages are kept). */
    @Override
    public void resetMomentum() {
        java.util.Arrays.fill(buf, 0.0);
    }

    @Override
    public Object save() {
        return Buffers.copy(squareAvg, gradAvg, buf);
    }

    @Override
    public void restore(Object saved) {
        Buffers.restore((double[][]) saved, squareAvg, gradAvg, buf);
    }
}
