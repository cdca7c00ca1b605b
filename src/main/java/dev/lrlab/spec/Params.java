package dev.lrlab.spec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A read-only view of one JSON object of a spec (as parsed into maps, lists, numbers, booleans and
 * strings), with its JSON path, so every error names the exact field. Getters take the default
 * that applies when the field is absent or null.
 */
public final class Params {
    private final Map<String, Object> values;
    private final String path;

    public Params(Map<String, ?> values, String path) {
        this.values = values == null ? Map.of() : new LinkedHashMap<>(values);
        this.path = path;
    }

    public static Params root(Map<String, ?> values) {
        return new Params(values, "");
    }

    public String path() {
        return path;
    }

    /** Path of a field of this object, e.g. {@code runs[0].optimizer} + {@code beta1}. */
    public String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    public boolean has(String key) {
        return values.get(key) != null;
    }

    public Map<String, Object> asMap() {
        return values;
    }

    /** Rejects any field not in {@code allowed}: typos must not silently fall back to defaults. */
    public Params allowOnly(Collection<String> allowed) {
        for (String key : values.keySet()) {
            if (!allowed.contains(key)) {
                throw new SpecException(pathOf(key), "unknown field '" + key + "'", List.copyOf(allowed));
            }
        }
        return this;
    }

    public Params allowOnly(String... allowed) {
        return allowOnly(Arrays.asList(allowed));
    }

    public double number(String key, double def) {
        Object v = values.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new SpecException(pathOf(key), "must be a finite number");
            }
            return d;
        }
        throw new SpecException(pathOf(key), "must be a number");
    }

    /** A required number. */
    public double number(String key) {
        if (!has(key)) {
            throw new SpecException(pathOf(key), "is required");
        }
        return number(key, 0);
    }

    /** A number in [min, max] (inclusive). */
    public double number(String key, double def, double min, double max) {
        double d = number(key, def);
        checkRange(key, d, min, max);
        return d;
    }

    public int integer(String key, int def) {
        double d = number(key, def);
        if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
            throw new SpecException(pathOf(key), "must be a whole number");
        }
        return (int) d;
    }

    public int integer(String key, int def, int min, int max) {
        int i = integer(key, def);
        checkRange(key, i, min, max);
        return i;
    }

    public boolean bool(String key, boolean def) {
        Object v = values.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new SpecException(pathOf(key), "must be true or false");
    }

    public String string(String key, String def) {
        Object v = values.get(key);
        if (v == null) {
            return def;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new SpecException(pathOf(key), "must be a string");
    }

    /** One of {@code allowed}; the error lists them. */
    public String choice(String key, String def, List<String> allowed) {
        String s = string(key, def);
        if (s == null) {
            throw new SpecException(pathOf(key), "is required", allowed);
        }
        if (!allowed.contains(s)) {
            throw new SpecException(pathOf(key), "unknown value '" + s + "'", allowed);
        }
        return s;
    }

    /** A nested object, or null when absent. */
    @SuppressWarnings("unchecked")
    public Params object(String key) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map<?, ?> m) {
            return new Params((Map<String, ?>) m, pathOf(key));
        }
        throw new SpecException(pathOf(key), "must be an object");
    }

    /** A list of nested objects (empty when absent), each with its indexed path. */
    @SuppressWarnings("unchecked")
    public List<Params> objects(String key) {
        List<?> list = list(key);
        List<Params> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object v = list.get(i);
            String p = pathOf(key) + "[" + i + "]";
            if (!(v instanceof Map<?, ?> m)) {
                throw new SpecException(p, "must be an object");
            }
            out.add(new Params((Map<String, ?>) m, p));
        }
        return out;
    }

    /** A list of numbers, or null when absent. */
    public double[] numbers(String key) {
        if (!has(key)) {
            return null;
        }
        List<?> list = list(key);
        double[] out = new double[list.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = list.get(i);
            if (!(v instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                throw new SpecException(pathOf(key) + "[" + i + "]", "must be a finite number");
            }
            out[i] = n.doubleValue();
        }
        return out;
    }

    private List<?> list(String key) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l;
        }
        throw new SpecException(pathOf(key), "must be a list");
    }

    private void checkRange(String key, double d, double min, double max) {
        if (d < min || d > max) {
            throw new SpecException(pathOf(key), "must be between " + fmt(min) + " and " + fmt(max) + ", was " + fmt(d));
        }
    }

    private static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
