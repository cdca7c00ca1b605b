package dev.lrlab.core.optim;

/**
 * IEEE 754 binary16 ("float16", "half") rounding of doubles, for simulating mixed precision (S15).
 * Java 17 has no {@code Float.float16ToFloat}, so this rounds a double directly to the nearest
 * binary16 value (round-to-nearest, ties-to-even; no double rounding through float) and returns it
 * as a double. Subnormals (down to 2^-24 ≈ 5.96e-8) are kept, values below half of that flush to
 * (signed) zero, and magnitudes ≥ 65520 (the tie between 65504 and 2^16) overflow to ±Infinity.
 */
public final class Half {
    /** Largest finite binary16 value. */
    public static final double MAX = 65504.0;
    /** Smallest positive normal binary16 value, 2^-14. */
    public static final double MIN_NORMAL = 0x1p-14;
    /** Smallest positive subnormal binary16 value, 2^-24. */
    public static final double MIN_VALUE = 0x1p-24;

    private Half() {
    }

    /** The binary16 value nearest to {@code x} (ties to even), as a double. NaN stays NaN. */
    public static double round(double x) {
        if (x != x || x == 0.0) {
            return x;
        }
        double a = Math.abs(x);
        if (a >= 65520.0) {
            return Math.copySign(Double.POSITIVE_INFINITY, x);
        }
        // quantum (ulp) of binary16 at this magnitude: 2^(e-10) for normals, 2^-24 for subnormals
        int e = Math.getExponent(a);
        double quantum = e < -14 ? MIN_VALUE : Math.scalb(1.0, e - 10);
        // dividing and multiplying by a power of two is exact; rint rounds half to even
        double r = Math.rint(a / quantum) * quantum;
        return Math.copySign(r, x);
    }

    /** Rounds every element in place. */
    public static void roundInPlace(double[] v) {
        for (int i = 0; i < v.length; i++) {
            v[i] = round(v[i]);
        }
    }
}
