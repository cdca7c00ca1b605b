package dev.lrlab.classroom;

import dev.lrlab.experiment.JsonValues;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares a student's canonical spec with the seat's canonical spec field by field: the first
 * leaf that differs outside the editable paths is the locked field the answer names. An editable
 * {@code ….type} makes its whole object editable, since another optimizer or schedule brings other
 * fields along.
 */
final class LockCheck {
    private LockCheck() {
    }

    /** The first locked path whose value differs, or null when every change is allowed. */
    static String firstLockedChange(Map<String, Object> expected, Map<String, Object> submitted, List<String> editable) {
        return walk("", expected, submitted, editable);
    }

    private static String walk(String path, Object a, Object b, List<String> editable) {
        if (isEditable(path, editable)) {
            return null;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Object ta = ma.get("type");
            if (ta != null && !ta.equals(mb.get("type")) && isEditable(join(path, "type"), editable)) {
                return null;
            }
            Set<Object> keys = new LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                String p = walk(join(path, k.toString()), ma.get(k), mb.get(k), editable);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && isContainer(la) && isContainer(lb)) {
            for (int i = 0; i < Math.max(la.size(), lb.size()); i++) {
                String p = walk(path + "[" + i + "]", i < la.size() ? la.get(i) : null,
                        i < lb.size() ? lb.get(i) : null, editable);
                if (p != null) {
                    return p;
                }
            }
            return null;
        }
        return JsonValues.same(a, b) ? null : (path.isEmpty() ? "spec" : path);
    }

    /** Lists of objects (runs, phases) are walked; lists of numbers (eigenvalues, start) are one value. */
    private static boolean isContainer(List<?> l) {
        return !l.isEmpty() && l.get(0) instanceof Map<?, ?>;
    }


    private static boolean isEditable(String path, List<String> editable) {
        for (String e : editable) {
            if (path.equals(e) || path.startsWith(e + ".") || path.startsWith(e + "[")) {
                return true;
            }
        }
        return false;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
