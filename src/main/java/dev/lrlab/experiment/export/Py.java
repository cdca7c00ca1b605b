package dev.lrlab.experiment.export;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Python literals and reads of the canonical spec (maps of numbers, strings, lists). */
final class Py {
    private Py() {
    }

    /** A float literal that parses back to exactly this double (Java's toString round-trips). */
    static String num(double d) {
        return Double.toString(d);
    }

    static String num(Map<String, Object> m, String key) {
        return num(d(m, key));
    }

    static String integer(Map<String, Object> m, String key) {
        return Integer.toString(i(m, key));
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    static String str(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('\'').toString();
    }

    static String list(double[] v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (double d : v) {
            j.add(num(d));
        }
        return j.toString();
    }

    static String list(List<?> v) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (Object o : v) {
            j.add(o instanceof Integer n ? n.toString() : num(((Number) o).doubleValue()));
        }
        return j.toString();
    }

    static double d(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).doubleValue();
    }

    static int i(Map<String, Object> m, String key) {
        return ((Number) m.get(key)).intValue();
    }

    static boolean b(Map<String, Object> m, String key) {
        return Boolean.TRUE.equals(m.get(key));
    }

    static String s(Map<String, Object> m, String key) {
        return (String) m.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(Map<String, Object> m, String key) {
        return (List<Map<String, Object>>) m.get(key);
    }

    /** A comment block: every line prefixed with "# ". */
    static String comment(String indent, String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\n")) {
            sb.append(indent).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return sb.toString();
    }
}
