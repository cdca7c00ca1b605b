// temporary stand-in, replaced by branch optim
package dev.lrlab.spec;

import dev.lrlab.core.schedule.CurvatureSchedule;
import dev.lrlab.core.schedule.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Temporary stand-in: constant, step and curvature only. */
public final class ScheduleFactory {
    public static final List<String> TYPES = List.of("constant", "step", "curvature");

    private ScheduleFactory() {
    }

    public static Schedule create(Params p, Params optimizer, int totalSteps) {
        Map<String, Object> m = withDefaults(p, optimizer, totalSteps);
        double lr = OptimizerFactory.lr(optimizer);
        switch ((String) m.get("type")) {
            case "step": {
                int stepSize = ((Number) m.get("stepSize")).intValue();
                double gamma = ((Number) m.get("gamma")).doubleValue();
                return t -> lr * Math.pow(gamma, t / stepSize);
            }
            case "curvature":
                return new CurvatureSchedule(((Number) m.get("safety")).doubleValue(),
                        ((Number) m.get("powerIterations")).intValue());
            default:
                return t -> lr;
        }
    }

    public static Map<String, Object> withDefaults(Params p, Params optimizer, int totalSteps) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (p == null) {
            m.put("type", "constant");
            return m;
        }
        String type = p.choice("type", "constant", TYPES);
        m.put("type", type);
        switch (type) {
            case "step" -> {
                p.allowOnly("type", "stepSize", "gamma");
                m.put("stepSize", p.integer("stepSize", 30, 1, Integer.MAX_VALUE));
                m.put("gamma", p.number("gamma", 0.1, 0, 1));
            }
            case "curvature" -> {
                p.allowOnly("type", "safety", "powerIterations");
                m.put("safety", p.number("safety", 0.5, 1e-6, 1));
                m.put("powerIterations", p.integer("powerIterations", 20, 1, 1000));
            }
            default -> p.allowOnly("type");
        }
        return m;
    }
}
