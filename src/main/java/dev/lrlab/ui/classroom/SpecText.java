package dev.lrlab.ui.classroom;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A spec object in the words of the forms, for a field a student may only read: "Step decay
 * (StepLR) · Step size (steps) 30 · Decay factor γ 0.1" rather than its JSON. Nested schedules
 * (phases, envelopes) are written inside parentheses, phases joined by arrows.
 */
final class SpecText {
    private SpecText() {
    }

    /** {@code kind} is "schedule" or "optimizer": the family of the object's {@code type}. */
    static String of(Map<?, ?> value, String kind, Function<String, String> t) {
        List<String> parts = new ArrayList<>();
        Object type = value.get("type");
        if (type != null) {
            parts.add(word(t, "type." + kind + "." + type, type.toString()));
        }
        for (Map.Entry<?, ?> e : value.entrySet()) {
            String name = e.getKey().toString();
            if (name.equals("type") || name.equals("version")) {
                continue;
            }
            parts.add(word(t, "label." + name, name) + " " + valueText(e.getValue(), t));
        }
        return String.join(" · ", parts);
    }

    private static String valueText(Object v, Function<String, String> t) {
        if (v instanceof Map<?, ?> m) {
            return "(" + of(m, "schedule", t) + ")";
        }
        if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map) {
            List<String> phases = new ArrayList<>();
            for (Object o : l) {
                phases.add(o instanceof Map<?, ?> m ? of(m, "schedule", t) : String.valueOf(o));
            }
            return "(" + String.join(" → ", phases) + ")";
        }
        return MainFields.text(v);
    }

    /** The translation of {@code key}, or {@code fallback} when none is written. */
    static String word(Function<String, String> t, String key, String fallback) {
        String w = t.apply(key);
        return w == null || w.isBlank() || w.startsWith("!") ? fallback : w;
    }
}
