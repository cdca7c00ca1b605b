package dev.lrlab.core.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfTest {

    @Test
    void knownValues() {
        assertEquals(65504.0, Half.round(65504.0));
        assertEquals(65504.0, Half.round(65519.99));
        assertEquals(Double.POSITIVE_INFINITY, Half.round(65520.0)); // tie rounds to even = 2^16 → overflow
        assertEquals(Double.NEGATIVE_INFINITY, Half.round(-1e6));
        assertEquals(0x1p-14, Half.round(6.103515625e-5)); // min normal
        assertEquals(6.103515625e-05, Half.MIN_NORMAL);
        assertEquals(0x1p-24, Half.round(5.96e-8)); // min subnormal ≈ 5.96e-8
        assertEquals(0x1p-24, Half.MIN_VALUE);
        assertEquals(0.0, Half.round(0x1p-25)); // tie between 0 and 2^-24 → even (0)
        assertEquals(0x1p-24, Half.round(0x1.0000001p-25)); // just above the tie
        assertEquals(2 * 0x1p-24, Half.round(3 * 0x1p-25)); // tie 1.5 quanta → 2 (even)
        assertEquals(1.0, Half.round(1.0 + 0x1p-11)); // tie between 1 and 1+2^-10 → 1 (even)
        assertEquals(1.0 + 0x1p-9, Half.round(1.0 + 3 * 0x1p-11)); // tie → even mantissa 2
        assertEquals(0.0999755859375, Half.round(0.1));
        assertEquals(2048.0, Half.round(2049.0)); // ulp 2 above 2048, tie → even
        assertEquals(2052.0, Half.round(2051.0));
        assertEquals(-0.0, Half.round(-1e-12));
        assertTrue(Double.isNaN(Half.round(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, Half.round(Double.POSITIVE_INFINITY));
    }

    @Test
    void agreesWithFloatRoundingWhereFloatIsExact() {
        // every binary16 value is a fixed point; midpoints between neighbours round to the even one
        for (int bits = 0; bits < 0x7c00; bits++) {
            double v = decode(bits);
            assertEquals(v, Half.round(v), "fixed point " + bits);
            assertEquals(-v, Half.round(-v));
            if (bits + 1 < 0x7c00) {
                double next = decode(bits + 1);
                double mid = (v + next) / 2;
                double even = (bits & 1) == 0 ? v : next;
                assertEquals(even, Half.round(mid), "midpoint after " + bits);
                assertEquals(v, Half.round(Math.nextDown(mid)));
                assertEquals(next, Half.round(Math.nextUp(mid)));
            }
        }
    }

    private static double decode(int bits) {
        int e = (bits >> 10) & 0x1f;
        int m = bits & 0x3ff;
        return e == 0 ? m * 0x1p-24 : (1024 + m) * Math.scalb(1.0, e - 25);
    }
}
