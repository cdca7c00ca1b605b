package dev.lrlab.experiment.sweep;

import dev.lrlab.spec.SpecException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path into an experiment spec in the same notation the validator's errors use
 * ({@code runs[0].optimizer.lr}, {@code landscape.eigenvalues[1]}). A path is known when it names a
 * field of the canonical spec (every default filled in), so {@code runs[0].optimizer.momentum}
 * exists for SGD even when the user's spec leaves it out, and {@code runs[0].optimizer.beta1} does
 * not. Setting writes into the user's own spec (creating the missing parents from the canonical
 * spec), which is then compiled: the compiler stays the only judge of valid values.
 */
public final class SpecPath {
    private final String text;
    private final List<Object> segments; // String keys and Integer indexes

    private SpecPath(String text, List<Object> segments) {
        this.text = text;
        this.segments = List.copyOf(segments);
    }

    /** Parses {@code text}; a {@link SpecException} on {@code field} when it is not a path. */
    public static SpecPath parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new SpecException(field, "must be a path into the spec such as runs[0].optimizer.lr");
        }
        List<Object> segs = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectName = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0 || segs.isEmpty()) {
                    throw bad(text, field);
                }
                try {
                    segs.add(Integer.parseInt(text.substring(i + 1, close)));
                } catch (NumberFormatException e) {
                    throw bad(text, field);
                }
                if ((Integer) segs.get(segs.size() - 1) < 0) {
                    throw bad(text, field);
                }
                i = close + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    throw bad(text, field);
                }
                i++;
                expectName = true;
            } else {
                if (!expectName) {
                    throw bad(text, field);
                }
                int j = i;
                while (j < n && text.charAt(j) != '.' && text.charAt(j) != '[') {
                    j++;
                }
                segs.add(text.substring(i, j));
                i = j;
                expectName = false;
            }
        }
        if (expectName) {
            throw bad(text, field);
        }
        return new SpecPath(text, segs);
    }

    private static SpecException bad(String text, String field) {
        return new SpecException(field, "'" + text + "' is not a path such as runs[0].optimizer.lr");
    }

    /** The run this path addresses ({@code runs[i]…}), or -1 for landscape and other fields. */
    public int runIndex() {
        return segments.size() >= 2 && "runs".equals(segments.get(0)) && segments.get(1) instanceof Integer i ? i : -1;
    }

    /** The same path with its run index replaced ({@code runs[3].x} → {@code runs[0].x}). */
    public SpecPath withRun(int index) {
        if (runIndex() < 0) {
            return this;
        }
        List<Object> segs = new ArrayList<>(segments);
        segs.set(1, index);
        return new SpecPath(text.replaceFirst("^runs\\[\\d+]", "runs[" + index + "]"), segs);
    }

    /**
     * Checks the path names a field of {@code canonical}; a {@link SpecException} on {@code field}
     * says where it stopped and which fields exist there.
     */
    public void checkIn(Map<String, Object> canonical, String field) {
        Object at = canonical;
        StringBuilder walked = new StringBuilder();
        for (Object seg : segments) {
            if (seg instanceof String key) {
                if (!(at instanceof Map<?, ?> m) || !m.containsKey(key)) {
                    List<String> allowed = at instanceof Map<?, ?> m2
                            ? m2.keySet().stream().map(Object::toString).toList() : List.of();
                    throw new SpecException(field, "unknown path '" + text + "': "
                            + (walked.isEmpty() ? "the spec" : walked) + " has no field '" + key + "'", allowed);
                }
                at = m.get(key);
                walked.append(walked.isEmpty() ? "" : ".").append(key);
            } else {
                int idx = (Integer) seg;
                if (!(at instanceof List<?> l) || idx >= l.size()) {
                    throw new SpecException(field, "unknown path '" + text + "': " + walked + " has no element ["
                            + idx + "]" + (at instanceof List<?> l2 ? " (it has " + l2.size() + ")" : ""));
                }
                at = l.get(idx);
                walked.append('[').append(idx).append(']');
            }
        }
    }

    /** The value at this path in {@code spec}, or null when absent. */
    public Object get(Map<String, ?> spec) {
        Object at = spec;
        for (Object seg : segments) {
            at = child(at, seg);
            if (at == null) {
                return null;
            }
        }
        return at;
    }

    /**
     * Sets the value at this path in {@code raw} (a mutable deep copy the caller owns). Parents
     * missing from {@code raw} are copied from {@code canonical}, so a default the user left out
     * can be swept without restating its neighbours.
     */
    @SuppressWarnings("unchecked")
    public void set(Map<String, Object> raw, Map<String, Object> canonical, Object value) {
        Object at = raw;
        Object canon = canonical;
        for (int k = 0; k < segments.size(); k++) {
            Object seg = segments.get(k);
            Object canonChild = child(canon, seg);
            if (k == segments.size() - 1) {
                if (seg instanceof String key) {
                    ((Map<String, Object>) at).put(key, value);
                } else {
                    ((List<Object>) at).set((Integer) seg, value);
                }
                return;
            }
            Object next = child(at, seg);
            if (next == null) {
                next = deepCopy(canonChild);
                if (seg instanceof String key) {
                    ((Map<String, Object>) at).put(key, next);
                } else {
                    List<Object> list = (List<Object>) at;
                    list.set((Integer) seg, next);
                }
            }
            at = next;
            canon = canonChild;
        }
    }

    private static Object child(Object at, Object seg) {
        if (seg instanceof String key) {
            return at instanceof Map<?, ?> m ? m.get(key) : null;
        }
        int idx = (Integer) seg;
        return at instanceof List<?> l && idx < l.size() ? l.get(idx) : null;
    }

    /** A mutable deep copy of JSON-like values (maps, lists, scalars). */
    @SuppressWarnings("unchecked")
    public static Object deepCopy(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), deepCopy(v)));
            return out;
        }
        if (o instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object v : l) {
                out.add(deepCopy(v));
            }
            return out;
        }
        return o;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> deepCopyMap(Map<String, ?> m) {
        return (Map<String, Object>) deepCopy(m);
    }

    @Override
    public String toString() {
        return text;
    }
}
