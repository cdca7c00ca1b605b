package dev.lrlab.links;

/**
 * A run label as a link preview shows it: the preview picture's footer and the page's Open Graph
 * description. Labels are the user's text and may hold anything; a preview is one short line.
 */
public final class PreviewText {
    /** Longest label a preview shows, in characters (a 2,000-character label is cut with "…"). */
    public static final int MAX_LABEL = 40;

    private PreviewText() {
    }

    /**
     * {@code label} on one line: line breaks, tabs and other control and format characters (bidi
     * overrides, zero-width characters) become spaces, so the line reads as it is stored and cannot
     * reorder the text after it; at most {@link #MAX_LABEL} characters, then "…".
     */
    public static String label(String label) {
        if (label == null) {
            return "";
        }
        int[] cps = label.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cps.length && i < MAX_LABEL; i++) {
            int t = Character.getType(cps[i]);
            boolean hidden = t == Character.CONTROL || t == Character.FORMAT || t == Character.LINE_SEPARATOR
                    || t == Character.PARAGRAPH_SEPARATOR || t == Character.SURROGATE;
            sb.appendCodePoint(hidden ? ' ' : cps[i]);
        }
        String line = sb.toString().strip();
        return cps.length > MAX_LABEL ? line + "…" : line;
    }
}
