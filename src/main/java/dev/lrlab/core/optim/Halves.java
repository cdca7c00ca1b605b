package dev.lrlab.core.optim;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Runs an element-wise loop over [0, n) for very long vectors as two contiguous halves, the
 * first on a small shared helper pool and the second on the calling thread. Only for loops whose
 * iterations are independent (no reduction across elements), so the result is bit-identical to
 * the single loop. Below {@link #MIN_LENGTH} callers run their plain loop and never come here.
 */
public final class Halves {
    /** Vectors shorter than this stay on the calling thread (splitting costs more than it saves). */
    public static final int MIN_LENGTH = 200_000;

    private static final boolean ENABLED =
            Runtime.getRuntime().availableProcessors() > 1 && !Boolean.getBoolean("lrlab.singleThreaded");

    /** Helper threads (daemon); shared by all runs, so concurrent runs never multiply threads. */
    private static final ForkJoinPool POOL = ENABLED
            ? new ForkJoinPool(Math.min(2, Runtime.getRuntime().availableProcessors() - 1)) : null;

    private Halves() {
    }

    /** The loop body over a half-open index range. */
    @FunctionalInterface
    public interface Range {
        void run(int from, int to);
    }

    /** True when a loop of length {@code n} is worth splitting. */
    public static boolean worthSplitting(int n) {
        return ENABLED && n >= MIN_LENGTH;
    }

    /** body(0, n) as body(0, n/2) on a helper thread and body(n/2, n) here; returns when both are done. */
    public static void run(int n, Range body) {
        if (!worthSplitting(n)) {
            body.run(0, n);
            return;
        }
        int mid = n >>> 1;
        ForkJoinTask<?> first = POOL.submit(() -> body.run(0, mid));
        body.run(mid, n);
        first.join();
    }

    /** System.arraycopy(src, 0, dst, 0, n), halves in parallel for long vectors. */
    public static void copy(double[] src, double[] dst, int n) {
        if (!worthSplitting(n)) {
            System.arraycopy(src, 0, dst, 0, n);
            return;
        }
        run(n, (from, to) -> System.arraycopy(src, from, dst, from, to - from));
    }
}
