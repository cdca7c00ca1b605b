package dev.lrlab.experiment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a new visitor sees: the lessons' first idea (S1), GD on a quadratic with λ = 1 and 10. */
public final class DefaultExperiment {

    private DefaultExperiment() {}

    public static Map<String, Object> spec() {
        Map<String, Object> landscape = new LinkedHashMap<>();
        landscape.put("type", "quadratic");
        landscape.put("eigenvalues", List.of(1, 10));
        landscape.put("angleDeg", 0);
        Map<String, Object> run = run(0);
        run.put("label", "GD");
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("version", 1);
        spec.put("landscape", landscape);
        spec.put("runs", List.of(run));
        return spec;
    }

    /** A new run: plain SGD with lr 0.15 for 100 steps (no colour: it is drawn in its palette colour). */
    public static Map<String, Object> run(int index) {
        Map<String, Object> optimizer = new LinkedHashMap<>();
        optimizer.put("type", "sgd");
        optimizer.put("lr", 0.15);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("label", "Run " + (index + 1));
        run.put("start", List.of(-4, 2));
        run.put("steps", 100);
        run.put("seed", 0);
        run.put("optimizer", optimizer);
        run.put("schedule", Map.of("type", "constant"));
        return run;
    }
}
