package dev.lrlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast (shortest round-trip) double writer: every finite double parses back to itself. */
class LrLabJsonTest {

    @Test
    void doublesRoundTripBitForBit() throws Exception {
        ObjectMapper m = LrLabJson.mapper();
        SplittableRandom r = new SplittableRandom(11);
        double[] a = new double[200_000];
        for (int i = 0; i < a.length; i++) {
            double d;
            do {
                d = Double.longBitsToDouble(r.nextLong());
            } while (!Double.isFinite(d));
            a[i] = i % 2 == 0 ? d : r.nextDouble(-10, 10) * Math.pow(10, r.nextInt(-30, 30));
        }
        a[0] = 5.0487097934144756E-29; // Double.toString of JDK 17 prints 17 digits, 16 suffice
        a[1] = Double.MIN_VALUE;
        a[2] = -0.0;
        a[3] = Double.MAX_VALUE;
        double[] back = m.readValue(m.writeValueAsString(a), double[].class);
        for (int i = 0; i < a.length; i++) {
            assertEquals(Double.doubleToRawLongBits(a[i]), Double.doubleToRawLongBits(back[i]), "index " + i);
        }
        assertEquals("[null,1.5,null]", m.writeValueAsString(new double[]{Double.NaN, 1.5, Double.POSITIVE_INFINITY}));
    }
}
