package dev.lrlab.ui.playground;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Number lists as users type them: "1, 10"; matrices as rows separated by ";": "2, 1; 1, 3". */
final class NumberLists {

    private NumberLists() {}

    static String format(List<?> list) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            if (i > 0) {
                sb.append(v instanceof List ? "; " : ", ");
            }
            sb.append(v instanceof List<?> row ? format(row) : number(((Number) v).doubleValue()));
        }
        return sb.toString();
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d).toLowerCase(Locale.ROOT);
    }

    /** Parses a list (or a matrix when {@code matrix}); throws NumberFormatException on bad text. */
    static List<Object> parse(String text, boolean matrix) {
        List<Object> out = new ArrayList<>();
        String t = text == null ? "" : text.trim();
        if (t.isEmpty()) {
            return out;
        }
        if (matrix || t.contains(";")) {
            for (String row : t.split(";")) {
                out.add(parse(row, false));
            }
            return out;
        }
        for (String part : t.split("[,\\s]+")) {
            if (!part.isEmpty()) {
                double d = Double.parseDouble(part);
                out.add(d == Math.rint(d) && Math.abs(d) < 1e9 ? (Object) (int) d : (Object) d);
            }
        }
        return out;
    }
}
