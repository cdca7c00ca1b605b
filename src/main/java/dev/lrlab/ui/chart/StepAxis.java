package dev.lrlab.ui.chart;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An x axis over steps from 0 to the run's length with round ticks. ApexCharts divides whatever
 * range the data spans into {@code tickAmount} parts: a 3000-step run whose updates end at 2999
 * read "0, 499, 998, 1498 …", and a streaming chart rescaled with every batch. Fixing the range
 * to [0, max] with max a multiple of a 1-2-2.5-5 tick keeps the ticks round and the axis still
 * while the run streams in.
 *
 * @param max   the axis end (≥ the steps)
 * @param ticks intervals between 0 and max
 */
public record StepAxis(long max, int ticks) {

    /** At most this many intervals: the 390 px charts still fit their labels. */
    static final int MAX_TICKS = 7;
    /** On a phone in presenter mode (20 px ticks) seven labels would rotate and crowd: at most four. */
    static final int NARROW_TICKS = 4;
    /** The window width in px below which the narrow axis applies (ApexCharts' responsive breakpoint). */
    static final int NARROW_PX = 600;

    public static StepAxis of(long steps) {
        return of(steps, MAX_TICKS);
    }

    static StepAxis of(long steps, int maxTicks) {
        long n = Math.max(1, steps);
        long tick = nice((n + maxTicks - 1) / maxTicks);
        long max = (n + tick - 1) / tick * tick;
        return new StepAxis(max, (int) (max / tick));
    }

    /** The smallest 1, 2, 2.5 or 5 × 10^k (an integer) at least {@code atLeast}. */
    static long nice(long atLeast) {
        for (long decade = 1; ; decade *= 10) {
            for (long m : new long[]{10, 20, 25, 50}) {
                if (m * decade % 10 != 0) {
                    continue;
                }
                long t = m * decade / 10;
                if (t >= atLeast) {
                    return t;
                }
            }
        }
    }

    /** Sets the options' x axis to [0, max] with these ticks, and with fewer on a narrow window. */
    public ObjectNode applyTo(ObjectNode options) {
        options.with("xaxis").put("min", 0).put("max", max).put("tickAmount", ticks);
        StepAxis narrow = of(max, NARROW_TICKS);
        // read by <lr-chart> (ApexCharts' own responsive options undo later updateOptions, e.g. markers)
        options.putObject("lrNarrowX").put("below", NARROW_PX).put("max", narrow.max).put("tickAmount", narrow.ticks);
        return options;
    }
}
