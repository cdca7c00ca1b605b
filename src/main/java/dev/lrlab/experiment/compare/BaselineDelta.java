package dev.lrlab.experiment.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Deltas of a run's metrics against a pinned baseline run, each marked better or worse. Losses,
 * distances, gradient norms, steps to the tolerance and sharpness (flatter generalises better, S26)
 * are better lower; a run that never diverged beats one that did, and diverging later beats
 * diverging earlier; never reaching the tolerance is worse than reaching it. Σηt, Σηt² and 2/η
 * describe the schedule and are neither better nor worse, nor are a game's losses (the payoff).
 */
public final class BaselineDelta {
    private BaselineDelta() {
    }

    public enum Verdict { BETTER, WORSE, SAME, NONE }

    public enum Metric {
        FINAL_LOSS("finalLoss", Direction.LOWER, RunMetrics::finalLoss),
        BEST_LOSS("bestLoss", Direction.LOWER, RunMetrics::bestLoss),
        STEPS_TO_TOLERANCE("stepsToTolerance", Direction.LOWER_NULL_WORST, m -> num(m.stepsToTolerance())),
        DIVERGED_AT_STEP("divergedAtStep", Direction.HIGHER_NULL_BEST, m -> num(m.divergedAtStep())),
        FINAL_GRAD_NORM("finalGradNorm", Direction.LOWER, RunMetrics::finalGradNorm),
        DISTANCE("distance", Direction.LOWER, RunMetrics::distance),
        SHARPNESS_END("sharpnessEnd", Direction.LOWER, RunMetrics::sharpnessEnd),
        STABLE_SHARPNESS("stableSharpness", Direction.NEUTRAL, RunMetrics::stableSharpness),
        TEST_LOSS("testLoss", Direction.LOWER, RunMetrics::testLoss),
        LR_SUM("lrSum", Direction.NEUTRAL, RunMetrics::lrSum),
        LR_SQUARED_SUM("lrSquaredSum", Direction.NEUTRAL, RunMetrics::lrSquaredSum);

        private final String json;
        private final Direction direction;
        private final Function<RunMetrics, Double> value;

        Metric(String json, Direction direction, Function<RunMetrics, Double> value) {
            this.json = json;
            this.direction = direction;
            this.value = value;
        }

        /** The field name in {@link RunMetrics} (and its JSON). */
        public String json() {
            return json;
        }

        public Double of(RunMetrics m) {
            return value.apply(m);
        }

        private static Double num(Integer i) {
            return i == null ? null : i.doubleValue();
        }
    }

    private enum Direction { LOWER, LOWER_NULL_WORST, HIGHER_NULL_BEST, NEUTRAL }

    /** One metric of one run against the baseline; {@code difference} = value − baseline or null. */
    public record Delta(String metric, Double value, Double baseline, Double difference, Verdict verdict) {
    }

    /** Every metric of {@code run} against {@code baseline}. */
    public static List<Delta> of(RunMetrics baseline, RunMetrics run) {
        List<Delta> out = new ArrayList<>();
        for (Metric m : Metric.values()) {
            Double v = m.of(run);
            Double b = m.of(baseline);
            Double diff = v != null && b != null ? v - b : null;
            // in a game the payoff f(x, y) falling only means the min player is ahead, not closer to the
            // equilibrium: the distance and ‖g‖ say that, so the losses get no colour
            boolean payoff = (m == Metric.FINAL_LOSS || m == Metric.BEST_LOSS) && (run.game() || baseline.game());
            out.add(new Delta(m.json(), v, b, diff, payoff ? Verdict.NONE : verdict(m.direction, v, b)));
        }
        return out;
    }

    /** The deltas of every run against {@code all.get(baseline)} (the baseline's own row is all SAME). */
    public static List<List<Delta>> against(List<RunMetrics> all, int baseline) {
        RunMetrics base = all.get(baseline);
        return all.stream().map(m -> of(base, m)).toList();
    }

    private static Verdict verdict(Direction d, Double v, Double b) {
        switch (d) {
            case NEUTRAL:
                return Verdict.NONE;
            case LOWER:
                return v == null || b == null ? Verdict.NONE : compare(b, v);
            case LOWER_NULL_WORST:
                if (v == null || b == null) {
                    return v == null && b == null ? Verdict.SAME : v == null ? Verdict.WORSE : Verdict.BETTER;
                }
                return compare(b, v);
            case HIGHER_NULL_BEST:
                if (v == null || b == null) {
                    return v == null && b == null ? Verdict.SAME : v == null ? Verdict.BETTER : Verdict.WORSE;
                }
                return compare(v, b);
            default:
                throw new IllegalStateException();
        }
    }

    /** BETTER when {@code hi} is above {@code lo} (beyond rounding), WORSE when below. */
    private static Verdict compare(double hi, double lo) {
        double scale = Math.max(Math.abs(hi), Math.abs(lo));
        if (Math.abs(hi - lo) <= 1e-12 * scale) {
            return Verdict.SAME;
        }
        return hi > lo ? Verdict.BETTER : Verdict.WORSE;
    }
}
