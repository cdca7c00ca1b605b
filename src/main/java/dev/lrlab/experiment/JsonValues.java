package dev.lrlab.experiment;

import java.util.List;
import java.util.Objects;

/** Comparing values of parsed JSON specs (maps, lists, numbers, strings, booleans, null). */
public final class JsonValues {
    private JsonValues() {
    }

    /** Equal values; numbers by value (1 and 1.0 are the same lr), lists element by element. */
    public static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!same(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }
}
