package dev.lrlab.experiment.sweep;

import dev.lrlab.spec.Params;
import dev.lrlab.spec.SpecException;
import java.util.ArrayList;
import java.util.List;

/**
 * One swept field: a path into the experiment spec and the values it takes, given as a list
 * ({@code "values"}) or generated ({@code "logRange"}: geometric, {@code "linRange"}: evenly
 * spaced; both include {@code from} and {@code to}).
 */
public record SweepParameter(String path, List<Object> values) {
    public SweepParameter {
        values = List.copyOf(values);
    }

    /** count values from {@code from} to {@code to} on a log scale (from·(to/from)^(k/(count−1))). */
    public static SweepParameter logRange(String path, double from, double to, int count) {
        return new SweepParameter(path, range(from, to, count, true));
    }

    /** count evenly spaced values from {@code from} to {@code to}. */
    public static SweepParameter linRange(String path, double from, double to, int count) {
        return new SweepParameter(path, range(from, to, count, false));
    }

    public SpecPath specPath() {
        return SpecPath.parse(path, "path");
    }

    static List<Object> range(double from, double to, int count, boolean log) {
        List<Object> out = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            double v;
            if (count == 1 || k == 0) {
                v = from;
            } else if (k == count - 1) {
                v = to; // the end point exactly, not to·(1 ± ulp)
            } else if (log) {
                v = from * Math.pow(to / from, (double) k / (count - 1));
            } else {
                v = from + (to - from) * k / (count - 1);
            }
            out.add(v);
        }
        return out;
    }

    /**
     * Parses {@code {"path": …, "values" | "logRange" | "linRange": …}} at {@code p}'s path
     * (e.g. {@code parameters[0]}); errors name the field, e.g. {@code parameters[0].logRange.count}.
     */
    static SweepParameter parse(Params p, int maxValues) {
        p.allowOnly("path", "values", "logRange", "linRange");
        String path = p.string("path", null);
        if (path == null) {
            throw new SpecException(p.pathOf("path"), "is required: a field of the spec such as runs[0].optimizer.lr");
        }
        SpecPath.parse(path, p.pathOf("path"));
        int given = (p.has("values") ? 1 : 0) + (p.has("logRange") ? 1 : 0) + (p.has("linRange") ? 1 : 0);
        if (given != 1) {
            throw new SpecException(p.path(), "needs exactly one of values, logRange, linRange",
                    List.of("values", "logRange", "linRange"));
        }
        if (p.has("values")) {
            if (!(p.asMap().get("values") instanceof List<?> list)) {
                throw new SpecException(p.pathOf("values"), "must be a list");
            }
            if (list.isEmpty() || list.size() > maxValues) {
                throw new SpecException(p.pathOf("values"), "needs 1 to " + maxValues + " values, has " + list.size());
            }
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                boolean scalar = v instanceof String || v instanceof Boolean
                        || v instanceof Number n && Double.isFinite(n.doubleValue());
                if (!scalar) {
                    throw new SpecException(p.pathOf("values") + "[" + i + "]",
                            "must be a finite number, a string or true/false");
                }
            }
            return new SweepParameter(path, new ArrayList<>(list));
        }
        boolean log = p.has("logRange");
        Params r = p.object(log ? "logRange" : "linRange");
        r.allowOnly("from", "to", "count");
        double from = r.number("from");
        double to = r.number("to");
        if (log && !(from > 0)) {
            throw new SpecException(r.pathOf("from"), "must be > 0 on a log scale");
        }
        if (log && !(to > 0)) {
            throw new SpecException(r.pathOf("to"), "must be > 0 on a log scale");
        }
        if (!r.has("count")) {
            throw new SpecException(r.pathOf("count"), "is required");
        }
        int count = r.integer("count", 0, 1, maxValues);
        return new SweepParameter(path, range(from, to, count, log));
    }

    /** The parameters of a request body ({@code "parameters": [...]}: one or two). */
    static List<SweepParameter> parseAll(Params body, int maxValues) {
        if (!body.has("parameters")) {
            throw new SpecException(body.pathOf("parameters"), "is required: one or two {\"path\", \"values\"} objects");
        }
        List<Params> ps = body.objects("parameters");
        if (ps.isEmpty() || ps.size() > 2) {
            throw new SpecException(body.pathOf("parameters"), "needs one or two parameters, has " + ps.size());
        }
        List<SweepParameter> out = new ArrayList<>();
        for (Params p : ps) {
            out.add(parse(p, maxValues));
        }
        if (out.size() == 2 && out.get(0).path().equals(out.get(1).path())) {
            throw new SpecException(ps.get(1).pathOf("path"), "sweeps the same field as parameters[0]");
        }
        return out;
    }
}
