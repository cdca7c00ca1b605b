package dev.lrlab.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lrlab.core.engine.CompiledExperiment;
import dev.lrlab.spec.LandscapeFactory;
import dev.lrlab.spec.Limits;
import dev.lrlab.spec.OptimizerFactory;
import dev.lrlab.spec.Params;
import dev.lrlab.spec.RunDefaults;
import dev.lrlab.spec.ScheduleFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The canonical-minimal form of a compiled experiment: its canonical spec with every field left out
 * whose absence does not change the canonical spec (defaults, nulls). Decided from the defaults
 * alone, component by component (a landscape, an optimizer, a schedule with the optimizer and
 * step count it depends on; run fields from {@link RunDefaults}), never by compiling the
 * experiment again: one edit costs one compile, however many fields the spec has.
 */
public final class MinimalForm {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MinimalForm() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> of(CompiledExperiment compiled, Limits limits) {
        Map<String, Object> canon = compiled.canonicalSpec();
        Map<String, Object> out = new LinkedHashMap<>();
        // "version" is left out: 1 is the default (and the only version)
        Map<String, Object> landscape = copy((Map<String, Object>) canon.get("landscape"));
        prune(landscape, l -> LandscapeFactory.withDefaults(new Params(l, "landscape"), limits));
        out.put("landscape", landscape);
        List<Object> runs = new ArrayList<>();
        List<?> canonRuns = (List<?>) canon.get("runs");
        double[] defaultStart = compiled.landscape().defaultStart();
        for (int i = 0; i < canonRuns.size(); i++) {
            runs.add(run((Map<String, Object>) canonRuns.get(i), i, defaultStart));
        }
        out.put("runs", runs);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(Map<String, Object> c, int index, double[] defaultStart) {
        Map<String, Object> r = new LinkedHashMap<>();
        int steps = ((Number) c.get("steps")).intValue();
        Map<String, Object> optimizer = (Map<String, Object>) c.get("optimizer");
        for (Map.Entry<String, Object> e : c.entrySet()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == null) {
                continue;
            }
            switch (key) {
                case "label" -> keepUnless(r, key, v, RunDefaults.label(index));
                case "start" -> {
                    if (!sameNumbers((List<?>) v, defaultStart)) {
                        r.put(key, v);
                    }
                }
                case "steps" -> keepUnless(r, key, v, RunDefaults.STEPS);
                case "seed" -> keepUnless(r, key, v, RunDefaults.SEED);
                case "resetMomentumOnRestart" -> keepUnless(r, key, v, RunDefaults.RESET_MOMENTUM_ON_RESTART);
                case "record" -> keepUnless(r, key, v, Map.of("every", RunDefaults.RECORD_EVERY));
                case "optimizer" -> r.put(key, pruned(v, o -> OptimizerFactory.withDefaults(
                        new Params(o, "optimizer"))));
                case "schedule" -> {
                    Function<Map<String, Object>, Map<String, Object>> canonical = s -> ScheduleFactory.withDefaults(
                            new Params(s, "schedule"), new Params(optimizer, "optimizer"), steps);
                    Map<String, Object> s = pruned(v, canonical);
                    // no schedule at all means constant: leave it out when that is what it is
                    if (!same(canonical.apply(s), ScheduleFactory.withDefaults(null, new Params(optimizer,
                            "optimizer"), steps))) {
                        r.put(key, s);
                    }
                }
                case "noise" -> {
                    Map<String, Object> n = (Map<String, Object>) v;
                    Map<String, Object> defaults = RunDefaults.noise((String) n.get("type"));
                    r.put(key, withoutDefaults(n, defaults));
                }
                case "rollback" -> r.put(key, withoutDefaults((Map<String, Object>) v, RunDefaults.rollback()));
                case "game" -> {
                    Map<String, Object> g = game((Map<String, Object>) v, optimizer);
                    if (!g.isEmpty()) {
                        r.put(key, g);
                    }
                }
                default -> r.put(key, v); // color, clipNorm: no default but null
            }
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> game(Map<String, Object> g, Map<String, Object> optimizer) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!RunDefaults.GAME_METHOD.equals(g.get("method"))) {
            out.put("method", g.get("method"));
        }
        Object y = g.get("yOptimizer");
        // the max player's optimizer defaults to the run's optimizer
        if (y != null && !same(y, optimizer)) {
            out.put("yOptimizer", pruned(y, o -> OptimizerFactory.withDefaults(new Params(o, "yOptimizer"))));
        }
        return out;
    }

    private static void keepUnless(Map<String, Object> r, String key, Object v, Object def) {
        if (!same(v, def)) {
            r.put(key, v);
        }
    }

    private static Map<String, Object> withoutDefaults(Map<String, Object> m, Map<String, Object> defaults) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (e.getKey().equals("type") || !same(e.getValue(), defaults.get(e.getKey()))) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> pruned(Object v, Function<Map<String, Object>, Map<String, Object>> canonical) {
        Map<String, Object> m = copy((Map<String, Object>) v);
        prune(m, canonical);
        return m;
    }

    /**
     * Depth-first over one component: removes each field whose absence leaves the component's
     * canonical form unchanged ({@code canonical} fills in the defaults; nested schedules and
     * landscapes are inside the same component, so their defaults see the same context).
     */
    private static void prune(Map<String, Object> root, Function<Map<String, Object>, Map<String, Object>> canonical) {
        String target = json(canonical.apply(root));
        prune(root, root, canonical, target);
    }

    @SuppressWarnings("unchecked")
    private static void prune(Map<String, Object> root, Map<String, Object> node,
                              Function<Map<String, Object>, Map<String, Object>> canonical, String target) {
        for (String key : new ArrayList<>(node.keySet())) {
            Object value = node.remove(key);
            if (value != null && !unchanged(root, canonical, target)) {
                node.put(key, value);
                if (value instanceof Map<?, ?> child) {
                    prune(root, (Map<String, Object>) child, canonical, target);
                } else if (value instanceof List<?> list) {
                    for (Object item : list) {
                        if (item instanceof Map<?, ?> child) {
                            prune(root, (Map<String, Object>) child, canonical, target);
                        }
                    }
                }
            }
        }
    }

    private static boolean unchanged(Map<String, Object> root,
                                     Function<Map<String, Object>, Map<String, Object>> canonical, String target) {
        try {
            return json(canonical.apply(root)).equals(target);
        } catch (RuntimeException e) { // a required field: it must stay
            return false;
        }
    }

    private static boolean sameNumbers(List<?> values, double[] expected) {
        if (values.size() != expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (!(values.get(i) instanceof Number n) || n.doubleValue() != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(Object a, Object b) {
        return json(a).equals(json(b));
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> copy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) {
            out.put(e.getKey(), copyValue(e.getValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) {
            return copy((Map<String, Object>) m);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(copyValue(o));
            }
            return out;
        }
        return v;
    }
}
