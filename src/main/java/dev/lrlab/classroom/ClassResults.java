package dev.lrlab.classroom;

import dev.lrlab.experiment.CsvCells;
import dev.lrlab.experiment.sweep.SpecPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The session's results, one row per seat: alias, the values of the fields students could change
 * (and the swept one), what the server computed from their last run, and their answer. Aliases,
 * not names: an export leaves the room.
 */
public final class ClassResults {

    /** One seat's row; {@code parameters} is keyed by spec path. */
    public record Row(int member, String alias, Map<String, Object> parameters, Double finalLoss, Integer divergedAt,
                      String prediction, String shareCode) {
    }

    private final List<String> columns;
    private final List<Row> rows;

    private ClassResults(List<String> columns, List<Row> rows) {
        this.columns = columns;
        this.rows = rows;
    }

    static ClassResults of(ClassState s) {
        List<String> cols = new ArrayList<>(s.editable());
        if (s.sweep() != null && !cols.contains(s.sweep().path())) {
            cols.add(s.sweep().path());
        }
        List<Row> rows = new ArrayList<>();
        for (ClassState.Member m : s.members()) {
            ClassState.Submission sub = s.submission(m.id()).orElse(null);
            Map<String, Object> params = new LinkedHashMap<>();
            for (String c : cols) {
                params.put(c, sub == null ? null : SpecPath.parse(c, "path").get(sub.spec()));
            }
            String pred = s.prediction(m.id()).map(ClassState.Prediction::text).orElse(null);
            rows.add(new Row(m.id(), m.alias(), params, sub == null ? null : sub.finalLoss(),
                    sub == null ? null : sub.divergedAt(), pred, sub == null ? null : sub.shareCode()));
        }
        return new ClassResults(List.copyOf(cols), List.copyOf(rows));
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** CSV with a header: alias, one column per parameter path, final_loss, diverged_at, prediction. */
    public String csv() {
        StringBuilder b = new StringBuilder("alias");
        for (String c : columns) {
            b.append(',').append(quote(c));
        }
        b.append(",final_loss,diverged_at,prediction\n");
        for (Row r : rows) {
            b.append(quote(r.alias()));
            for (String c : columns) {
                b.append(',').append(value(r.parameters().get(c)));
            }
            b.append(',').append(value(r.finalLoss())).append(',').append(value(r.divergedAt()))
                    .append(',').append(r.prediction() == null ? "" : quote(r.prediction())).append('\n');
        }
        return b.toString();
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "" : String.format(Locale.ROOT, "%.10g", d).replaceAll("\\.?0+(e|$)", "$1");
        }
        return v instanceof Number ? v.toString() : quote(v.toString());
    }

    /** User text (aliases, paths, answers) by the one CSV rule of the server: quoted, never a formula. */
    private static String quote(String s) {
        return CsvCells.text(s);
    }
}
