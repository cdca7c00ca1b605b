package dev.lrlab.spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one place that knows the defaults of a run's own fields and of its optional stages (noise,
 * roll-back, recording, game). The compiler fills them in, the share codec's minimal form leaves
 * them out and the run form starts from them, so the three cannot disagree.
 */
public final class RunDefaults {
    public static final int STEPS = 100;
    public static final int SEED = 0;
    public static final int RECORD_EVERY = 1;
    public static final boolean RESET_MOMENTUM_ON_RESTART = false;

    public static final String GAUSSIAN = "gaussian";
    public static final String MINIBATCH = "minibatch";
    public static final String THERMOSTAT = "thermostat";
    public static final List<String> NOISE_TYPES = List.of(GAUSSIAN, MINIBATCH, THERMOSTAT);

    public static final double GAUSSIAN_SIGMA = 0.1;
    public static final int BATCH_SIZE = 1;
    public static final double THERMOSTAT_TARGET_K = 0.01;

    public static final double ROLLBACK_RATIO = 1.5;
    public static final double ROLLBACK_FACTOR = 0.5;
    public static final int ROLLBACK_MAX_RETRIES = 10;

    public static final List<String> GAME_METHODS = List.of("simultaneous", "alternating", "optimistic",
            "extragradient");
    public static final String GAME_METHOD = "simultaneous";

    private RunDefaults() {
    }

    /** The label of run {@code index} (0-based) when the spec names none. */
    public static String label(int index) {
        return "Run " + (index + 1);
    }

    /** Every field of a noise stage of {@code type} with its default. */
    public static Map<String, Object> noise(String type) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", type);
        switch (type) {
            case GAUSSIAN -> {
                n.put("sigma", GAUSSIAN_SIGMA);
                n.put("batchSize", BATCH_SIZE);
            }
            case MINIBATCH -> n.put("batchSize", BATCH_SIZE);
            case THERMOSTAT -> n.put("targetK", THERMOSTAT_TARGET_K);
            default -> throw new IllegalArgumentException("no noise type " + type);
        }
        return n;
    }

    /** Every field of a roll-back stage with its default. */
    public static Map<String, Object> rollback() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ratio", ROLLBACK_RATIO);
        r.put("factor", ROLLBACK_FACTOR);
        r.put("maxRetries", ROLLBACK_MAX_RETRIES);
        return r;
    }
}
