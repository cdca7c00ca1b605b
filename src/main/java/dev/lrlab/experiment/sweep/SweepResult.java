package dev.lrlab.experiment.sweep;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A finished sweep: the axes, the analysis of the base spec and one point per grid cell in grid
 * order (first parameter slowest: point {@code i·n1 + j} has values {@code [axis0[i], axis1[j]]}).
 *
 * @param parameters the swept paths and their values
 * @param runs       the indexes of the runs that were simulated at every point
 * @param analysis   per swept run, the curvature at its start in the base spec
 * @param points     the grid
 */
public record SweepResult(List<Axis> parameters, List<Integer> runs, List<RunAnalysis> analysis,
                          List<SweepPoint> points) {

    public record Axis(String path, List<Object> values) {
    }

    /**
     * @param lambdaMax         λmax of the Hessian at the run's start
     * @param stableLr          2/λmax: GD converges on a quadratic iff 0 &lt; η &lt; 2/λmax (S1)
     * @param momentum          SGD/RMSprop momentum β of the base spec, or null
     * @param heavyBallStableLr 2(1+β)/((1−dampening)·λmax) for SGD heavy-ball momentum (S6): the
     *                          edge of 0 &lt; ηλ &lt; 2(1+β); null for other optimizers and Nesterov
     */
    public record RunAnalysis(int run, Double lambdaMax, Double stableLr, Double momentum, Double heavyBallStableLr) {
    }

    /**
     * One grid point: the outcome of the first swept run; with several swept runs, {@code runs}
     * holds each of them (null otherwise).
     */
    public record SweepPoint(List<Object> values, String status, Integer divergedAtStep, double finalLoss,
                             double bestLoss, @JsonInclude(JsonInclude.Include.NON_NULL) List<RunOutcome> runs) {
        public boolean diverged() {
            return "diverged".equals(status);
        }
    }

    /**
     * @param finalLoss the loss at the last state (the last finite one for a diverged run)
     * @param bestLoss  the lowest loss of every state from the start on
     */
    public record RunOutcome(int run, String status, Integer divergedAtStep, double finalLoss, double bestLoss) {
    }

    /** The point at grid indexes (i, j); j is ignored for a one-parameter sweep. */
    public SweepPoint point(int i, int j) {
        return parameters.size() == 1 ? points.get(i) : points.get(i * parameters.get(1).values().size() + j);
    }
}
