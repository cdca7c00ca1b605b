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

    /**
     * The one way text reaches a script: a single-quoted Python literal that evaluates to {@code s}
     * and stays on one line whatever {@code s} holds. Backslash, both quotes, line breaks and every
     * control character are escaped; so are characters that change how the source looks without
     * being seen (bidi overrides and isolates, zero-width and other format characters, line and
     * paragraph separators, unassigned and private-use code points), so the file reads as it runs.
     * Letters of any script and emoji stay as they are (the file is UTF-8, Python 3's default); a
     * lone surrogate, which UTF-8 cannot hold, becomes U+FFFD.
     */
    static String str(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('\'');
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (cp >= 0xD800 && cp <= 0xDFFF) {
                        sb.append("\\ufffd");
                    } else if (cp >= 0x20 && cp < 0x7F || cp >= 0xA0 && visible(cp)) {
                        sb.appendCodePoint(cp);
                    } else if (cp <= 0xFF) {
                        sb.append(String.format("\\x%02x", cp));
                    } else if (cp <= 0xFFFF) {
                        sb.append(String.format("\\u%04x", cp));
                    } else {
                        sb.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return sb.append('\'').toString();
    }

    /** False for code points that are invisible or rearrange the text around them. */
    private static boolean visible(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR, Character.PRIVATE_USE, Character.UNASSIGNED, Character.SURROGATE -> false;
            default -> true;
        };
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

    /** A comment block: every line prefixed with "# " (a lone \r, also a line break to Python, splits too). */
    static String comment(String indent, String text) {
        StringBuilder sb = new StringBuilder();
        for (String line : text.split("\r\n|\r|\n")) {
            sb.append(indent).append(line.isEmpty() ? "#" : "# " + line).append('\n');
        }
        return sb.toString();
    }
}
