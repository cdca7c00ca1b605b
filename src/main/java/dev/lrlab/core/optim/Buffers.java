package dev.lrlab.core.optim;

/** Small helpers for copying optimizer state. */
final class Buffers {
    private Buffers() {
    }

    static double[][] copy(double[]... arrays) {
        double[][] out = new double[arrays.length][];
        for (int i = 0; i < arrays.length; i++) {
            out[i] = arrays[i] == null ? null : arrays[i].clone();
        }
        return out;
    }

    static void restore(double[][] from, double[]... into) {
        if (from.length != into.length) {
            throw new IllegalArgumentException("state of a different optimizer");
        }
        for (int i = 0; i < into.length; i++) {
            if (into[i] != null) {
                System.arraycopy(from[i], 0, into[i], 0, into[i].length);
            }
        }
    }
}
