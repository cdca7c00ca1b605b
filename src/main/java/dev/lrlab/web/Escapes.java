package dev.lrlab.web;

/**
 * Percent-escape checks on raw URL text. Tomcat decodes the path itself but leaves path
 * parameters ({@code ;x=…}) and query strings to the frameworks, and Spring and Vaadin throw on a
 * '%' not followed by two hex digits; these checks find such text first.
 */
final class Escapes {
    private Escapes() {
    }

    /** The first broken escape in {@code s} ("%zz", "%4", "%"), or null when every '%' is followed by two hex digits. */
    static String firstBroken(String s) {
        if (s == null) {
            return null;
        }
        for (int i = s.indexOf('%'); i >= 0; i = s.indexOf('%', i + 1)) {
            if (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2))) {
                return s.substring(i, Math.min(s.length(), i + 3));
            }
        }
        return null;
    }

    /** {@code s} with every '%' that does not start a valid escape written as "%25" (a literal percent sign). */
    static String repair(String s) {
        if (firstBroken(s) == null) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && (i + 2 >= s.length() || !hex(s.charAt(i + 1)) || !hex(s.charAt(i + 2)))) {
                out.append("%25");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
