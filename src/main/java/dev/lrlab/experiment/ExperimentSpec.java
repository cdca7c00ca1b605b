package dev.lrlab.experiment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The typed view of a canonical experiment spec (every default filled in, validated by the
 * compiler), so surfaces read {@code run.optimizer().type()} instead of digging in maps. Components
 * whose fields depend on their type (landscape, optimizer, schedule, noise) keep their fields as an
 * immutable JSON map; their allowed fields and defaults live in the factories of {@code spec}.
 */
public record ExperimentSpec(int version, Component landscape, List<RunSpec> runs) {

    /** A typed component: {@code {"type": …, fields…}}. */
    public record Component(String type, Map<String, Object> fields) {
        public Object get(String field) {
            return fields.get(field);
        }

        public Double number(String field) {
            return fields.get(field) instanceof Number n ? n.doubleValue() : null;
        }

        public Map<String, Object> toJson() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("type", type);
            out.putAll(fields);
            return out;
        }
    }

    /** A game run's update order and the max player's optimizer. */
    public record Game(String method, Component yOptimizer) {
    }

    public record RunSpec(String label, String color, List<Double> start, int steps, int seed, Component optimizer,
                          Component schedule, Double clipNorm, Component noise, boolean resetMomentumOnRestart,
                          int recordEvery, Game game) {
        public double lr() {
            Double lr = optimizer.number("lr");
            return lr == null ? Double.NaN : lr;
        }
    }

    @SuppressWarnings("unchecked")
    static ExperimentSpec of(Map<String, Object> canonical) {
        Component landscape = component((Map<String, Object>) canonical.get("landscape"));
        List<RunSpec> runs = new ArrayList<>();
        for (Object o : (List<?>) canonical.get("runs")) {
            Map<String, Object> r = (Map<String, Object>) o;
            List<Double> start = new ArrayList<>();
            for (Object x : (List<?>) r.get("start")) {
                start.add(((Number) x).doubleValue());
            }
            Map<String, Object> g = (Map<String, Object>) r.get("game");
            Game game = g == null ? null : new Game((String) g.get("method"),
                    component((Map<String, Object>) g.get("yOptimizer")));
            Map<String, Object> record = (Map<String, Object>) r.get("record");
            runs.add(new RunSpec((String) r.get("label"), (String) r.get("color"), List.copyOf(start),
                    ((Number) r.get("steps")).intValue(), ((Number) r.get("seed")).intValue(),
                    component((Map<String, Object>) r.get("optimizer")),
                    component((Map<String, Object>) r.get("schedule")),
                    r.get("clipNorm") instanceof Number c ? c.doubleValue() : null,
                    component((Map<String, Object>) r.get("noise")),
                    Boolean.TRUE.equals(r.get("resetMomentumOnRestart")),
                    ((Number) record.get("every")).intValue(), game));
        }
        return new ExperimentSpec(1, landscape, List.copyOf(runs));
    }

    private static Component component(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>(m);
        Object type = fields.remove("type");
        return new Component(type == null ? null : type.toString(), Collections.unmodifiableMap(fields));
    }
}
