package dev.lrlab.core.engine;

/** Euclidean norms of the engine's plain arrays, summed in index order (results are bit-stable). */
public final class Vectors {
    private Vectors() {
    }

    public static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    /** ‖a − b‖ over the first {@code a.length} components. */
    public static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
