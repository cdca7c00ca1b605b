package dev.lrlab.ui.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.lrlab.experiment.LrLabJson;
import dev.lrlab.experiment.sweep.SpecPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields an instructor locks or frees (of the first run): optimizer type, lr, momentum,
 * schedule, steps, start. Values are shown and typed as text: numbers, "−4, 2" lists, JSON objects.
 */
final class MainFields {
    static final List<String> PATHS = List.of("runs[0].optimizer.type", "runs[0].optimizer.lr",
            "runs[0].optimizer.momentum", "runs[0].schedule", "runs[0].steps", "runs[0].start");

    private MainFields() {
    }

    /** The label key of a path ("class.field.lr"). */
    static String labelKey(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        return "class.field." + (path.endsWith("optimizer.type") ? "optimizer" : last);
    }

    /** The label of a path as the forms write it: a main field's, else the field's form label. */
    static String label(String path, java.util.function.Function<String, String> t) {
        String main = t.apply(labelKey(path));
        if (main != null && !main.startsWith("!")) {
            return main;
        }
        String last = path.substring(path.lastIndexOf('.') + 1);
        return SpecText.word(t, "label." + last, last);
    }

    /** The main fields the canonical spec has (momentum is absent for Adam, for instance). */
    static List<String> present(Map<String, Object> canonical) {
        List<String> out = new ArrayList<>();
        for (String p : PATHS) {
            if (SpecPath.parse(p, "path").get(canonical) != null) {
                out.add(p);
            }
        }
        return out;
    }

    static String text(Object v) {
        if (v instanceof List<?> l && l.stream().allMatch(Number.class::isInstance)) {
            return String.join(", ", l.stream().map(Object::toString).toList());
        }
        if (v instanceof Map<?, ?>) {
            try {
                return LrLabJson.mapper().writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return v.toString();
            }
        }
        return v == null ? "" : v.toString();
    }

    /** Parses typed text into the kind of value {@code like} is; IllegalArgumentException when it does not fit. */
    static Object parse(String text, Object like) {
        String t = text.strip();
        if (like instanceof Number) {
            double d = Double.parseDouble(t);
            return like instanceof Integer && d == Math.rint(d) ? (Object) (int) d : (Object) d;
        }
        if (like instanceof List<?>) {
            List<Object> out = new ArrayList<>();
            for (String part : t.split("[,\\s]+")) {
                if (!part.isEmpty()) {
                    out.add(Double.parseDouble(part.replace('−', '-')));
                }
            }
            return out;
        }
        if (like instanceof Map<?, ?>) {
            try {
                return LrLabJson.mapper().readValue(t, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e.getOriginalMessage());
            }
        }
        return t;
    }
}
