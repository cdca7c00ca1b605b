package dev.lrlab.core.optim;

/**
 * Manual throughput check (not a test): java -cp target/classes:target/test-classes dev.lrlab.core.optim.OptimBench
 * Targets: ≥ 10 million Adam steps/s in 2-D; Adam on 1,000,000 dims ≈ PyTorch CPU (~2.5 ms/step) or faster.
 */
public final class OptimBench {
    public static void main(String[] args) {
        for (int rep = 0; rep < 3; rep++) {
            small();
            large();
        }
    }

    static void small() {
        Optimizer o = new Chain(new Adam(2, 0.9, 0.999, 1e-8, false, false, false));
        double[] th = {1.5, -2};
        double[] g = new double[2];
        int n = 20_000_000;
        long t0 = System.nanoTime();
        for (int t = 1; t <= n; t++) {
            g[0] = 3 * th[0] + 1.2 * th[1];
            g[1] = 1.2 * th[0] + 0.8 * th[1];
            o.step(th, g, t, 1e-3, Double.NaN);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("adam 2-D: %.1f M steps/s (theta %.3g)%n", n / s / 1e6, th[0]);
    }

    static void large() {
        int dim = 1_000_000;
        Optimizer o = new Chain(new Adam(dim, 0.9, 0.999, 1e-8, false, false, false));
        double[] th = new double[dim];
        double[] g = new double[dim];
        for (int i = 0; i < dim; i++) {
            th[i] = Math.sin(i);
            g[i] = Math.cos(i);
        }
        int n = 200;
        long t0 = System.nanoTime();
        for (int t = 1; t <= n; t++) {
            o.step(th, g, t, 1e-3, Double.NaN);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / n;
        System.out.printf("adam 1M-D: %.2f ms/step%n", ms);
    }
}
