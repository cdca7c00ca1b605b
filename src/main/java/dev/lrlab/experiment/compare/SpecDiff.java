package dev.lrlab.experiment.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * "What differs": the canonical-spec fields whose values differ between two experiments, as
 * paths in the validator's notation ({@code runs[0].game.method: alternating}). Canonical specs
 * have every default filled in, so a field left out in one and set to its default in the other does
 * not differ. Labels and colours are names, not settings, and are left out. A component whose
 * {@code type} differs is one difference (the whole new component), not a list of its fields; a run
 * present in only one spec is one difference too. Lists of numbers (start, eigenvalues) are values.
 */
public final class SpecDiff {
    private SpecDiff() {
    }

    /** One differing field: its value here and in the baseline (null when absent there). */
    public record Difference(String path, Object value, Object baseline) {
        /** {@code path: value}, e.g. {@code runs[0].optimizer.lr: 0.5}. */
        public String text() {
            return path + ": " + format(value);
        }
    }

    /** The fields of {@code spec} that differ from {@code baseline}, in spec order. */
    public static List<Difference> of(Map<String, ?> baseline, Map<String, ?> spec) {
        List<Difference> out = new ArrayList<>();
        walk("", baseline, spec, out);
        return out;
    }

    private static void walk(String path, Object a, Object b, List<Difference> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (!Objects.equals(ma.get("type"), mb.get("type"))) {
                out.add(new Difference(path, b, a));
                return;
            }
            for (Map.Entry<?, ?> e : mb.entrySet()) {
                String key = e.getKey().toString();
                if (path.matches("runs\\[\\d+]") && (key.equals("label") || key.equals("color"))) {
                    continue;
                }
                walk(path.isEmpty() ? key : path + "." + key, ma.get(key), e.getValue(), out);
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey())) {
                    out.add(new Difference(path.isEmpty() ? e.getKey().toString() : path + "." + e.getKey(), null,
                            e.getValue()));
                }
            }
            return;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (hasObjects(la) || hasObjects(lb))) {
            int n = Math.max(la.size(), lb.size());
            for (int i = 0; i < n; i++) {
                Object x = i < la.size() ? la.get(i) : null;
                Object y = i < lb.size() ? lb.get(i) : null;
                walk(path + "[" + i + "]", x, y, out);
            }
            return;
        }
        if (!same(a, b)) {
            out.add(new Difference(path, b, a));
        }
    }

    private static boolean hasObjects(List<?> l) {
        for (Object o : l) {
            if (o instanceof Map<?, ?>) {
                return true;
            }
        }
        return false;
    }

    /** Equal values; numbers by value (1 and 1.0 are the same lr). */
    private static boolean same(Object a, Object b) {
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

    /** A value as the "what differs" line prints it; a field absent here prints as "—", not "null". */
    public static String format(Object v) {
        if (v == null) {
            return "—";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof List<?> l) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < l.size(); i++) {
                sb.append(i == 0 ? "" : ", ").append(format(l.get(i)));
            }
            return sb.append(']').toString();
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(i++ == 0 ? "" : ", ").append(e.getKey()).append(": ").append(format(e.getValue()));
            }
            return sb.append('}').toString();
        }
        return String.valueOf(v);
    }
}
