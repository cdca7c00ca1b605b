package dev.lrlab.core.optim;

/** The Adam family's shared moment estimates: m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g². */
final class Moments {

    private Moments() {}

    /**
     * Updates m and v of the first n elements in place, element by element exactly as torch does (lerp-free form), and
     * rounds both to binary16 when {@code half} (S15).
     */
    static void update(int n, double[] g, double[] m, double[] v, double b1, double b2, boolean half) {
        final double omb1 = 1 - b1;
        final double omb2 = 1 - b2;
        for (int i = 0; i < n; i++) {
            double gi = g[i];
            double mi = m[i] * b1 + omb1 * gi;
            double vi = v[i] * b2 + omb2 * gi * gi;
            if (half) {
                mi = Half.round(mi);
                vi = Half.round(vi);
            }
            m[i] = mi;
            v[i] = vi;
        }
    }
}
