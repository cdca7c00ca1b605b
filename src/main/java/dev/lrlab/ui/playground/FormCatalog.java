package dev.lrlab.ui.playground;

import dev.lrlab.spec.LandscapeFactory;
import dev.lrlab.spec.OptimizerFactory;
import dev.lrlab.spec.Params;
import dev.lrlab.spec.ScheduleFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the generic parameter forms need to know beyond the factories: which fields are whole
 * numbers or choices, and a starting value for the schedule fields PyTorch has no default for.
 * Defaults themselves always come from the factories, so forms and engine cannot disagree.
 */
final class FormCatalog {

    enum Kind { LANDSCAPE, OPTIMIZER, SCHEDULE }

    static final Set<String> INTEGER_FIELDS = Set.of("stepSize", "tMax", "t0", "tMult", "stepSizeUp", "stepSizeDown",
            "totalSteps", "totalIters", "powerIterations", "n", "features", "seed", "dim", "atStep", "batchSize");

    static final Map<String, List<String>> CHOICES = Map.of(
            "epsPlacement", List.of("outside", "inside"),
            "precision", List.of("float64", "float16"),
            "mode", List.of("triangular", "triangular2", "exp_range"),
            "annealStrategy", List.of("cos", "linear"));

    /** Starting values for fields without a PyTorch default (the rest is filled by the factory). */
    private static final Map<String, Map<String, Object>> SCHEDULE_STARTS = Map.ofEntries(
            Map.entry("step", Map.of("stepSize", 30)),
            Map.entry("multiStep", Map.of("milestones", List.of(50, 100))),
            Map.entry("exponential", Map.of("gamma", 0.98)),
            Map.entry("inverseTime", Map.of("k", 0.05)),
            Map.entry("cosine", Map.of("tMax", 100)),
            Map.entry("cosineWarmRestarts", Map.of("t0", 20, "tMult", 2)),
            Map.entry("cyclic", Map.of("baseLr", 0.01, "maxLr", 0.1, "stepSizeUp", 25)),
            Map.entry("oneCycle", Map.of("maxLr", 0.1)),
            Map.entry("sequential", Map.of(
                    "schedules", List.of(Map.of("type", "linear", "startFactor", 0.1, "totalIters", 10),
                            Map.of("type", "cosine", "tMax", 90)),
                    "milestones", List.of(10))),
            Map.entry("scaled", Map.of(
                    "schedule", Map.of("type", "cosineWarmRestarts", "t0", 20),
                    "envelope", Map.of("type", "inverseTime", "k", 0.05))));

    /** Starting values for landscape fields without a default. */
    private static final Map<String, Map<String, Object>> LANDSCAPE_STARTS = Map.of(
            "nonStationary", Map.of("base", Map.of("type", "quadratic", "eigenvalues", List.of(1, 10))));

    /** An optimizer with momentum, so cycling schedules list their momentum fields. */
    private static final Params ANY_OPTIMIZER = Params.root(Map.of("type", "sgd", "momentum", 0.9));

    private FormCatalog() {}

    static List<String> types(Kind kind) {
        return switch (kind) {
            case LANDSCAPE -> LandscapeFactory.TYPES;
            case OPTIMIZER -> OptimizerFactory.TYPES;
            case SCHEDULE -> ScheduleFactory.TYPES;
        };
    }

    /** Type + every field with its default, in documentation order. */
    static Map<String, Object> defaults(Kind kind, String type, int steps) {
        Map<String, Object> start = new LinkedHashMap<>();
        start.put("type", type);
        if (kind == Kind.SCHEDULE) {
            start.putAll(SCHEDULE_STARTS.getOrDefault(type, Map.of()));
        } else if (kind == Kind.LANDSCAPE) {
            start.putAll(LANDSCAPE_STARTS.getOrDefault(type, Map.of()));
        }
        Params p = Params.root(start);
        return switch (kind) {
            case LANDSCAPE -> LandscapeFactory.withDefaults(p);
            case OPTIMIZER -> OptimizerFactory.withDefaults(p);
            case SCHEDULE -> ScheduleFactory.withDefaults(p, ANY_OPTIMIZER, Math.max(steps, 1));
        };
    }

    /** The kind of a nested object field, or null when the field is not an object. */
    static Kind nestedKind(String field) {
        return switch (field) {
            case "base" -> Kind.LANDSCAPE;
            case "schedule", "envelope", "schedules" -> Kind.SCHEDULE;
            case "yOptimizer" -> Kind.OPTIMIZER;
            default -> null;
        };
    }
}
