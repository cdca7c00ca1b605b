package dev.lrlab.ui.compare;

import java.util.Locale;

/** Numbers as the tables and plots print them: three significant digits, "–" for none. */
final class Numbers {
    private Numbers() {
    }

    static String format(Double v) {
        if (v == null || v.isNaN()) {
            return "–";
        }
        if (v.isInfinite()) {
            return v > 0 ? "∞" : "−∞";
        }
        double a = Math.abs(v);
        if (a != 0 && (a >= 1e5 || a < 1e-3)) {
            return String.format(Locale.ROOT, "%.2e", v);
        }
        if (v == Math.rint(v) && a < 1e5) {
            return Long.toString(Math.round(v));
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
