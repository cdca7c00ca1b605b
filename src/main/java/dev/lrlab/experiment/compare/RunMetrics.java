package dev.lrlab.experiment.compare;

import dev.lrlab.core.engine.RunResult;
import dev.lrlab.core.engine.RunSimulator;
import dev.lrlab.core.landscape.Landscape;

/**
 * One row of the metrics table: a run of a panel, summarised. Numbers are finite or null.
 *
 * @param stepsToTolerance  the first recorded step whose suboptimality f − f* (f* = the lowest known
 *                          minimum) is ≤ tolerance — for games, whose distance to the equilibrium is;
 *                          null when never reached or no minimum is known (with {@code record.every}
 *                          k this is to within k steps)
 * @param finalGradNorm     ‖∇f‖ at the end point
 * @param distance          distance of the end point to the nearest known minimum (games: the
 *                          equilibrium), null when none is known
 * @param sharpnessEnd      Hessian λmax at the end point (S26)
 * @param stableSharpness   2/η for the last lr: the sharpest minimum GD at that lr can stay in
 * @param testLoss          loss of the end point on the shifted test landscape (flatSharp), else null
 * @param lrSum             Σηt (S23)
 * @param lrSquaredSum      Σηt²
 * @param game              a minimax game: its "loss" f(x, y) is the payoff, where lower is not better
 */
public record RunMetrics(int panel, int run, String label, String status, Integer divergedAtStep, int stepsDone,
                         Double finalLoss, Double bestLoss, Integer stepsToTolerance, double tolerance,
                         Double finalGradNorm, Double distance, Double sharpnessEnd, Double stableSharpness,
                         Double testLoss, double lrSum, double lrSquaredSum, boolean game) {

    public static final double DEFAULT_TOLERANCE = 1e-6;

    /** The metrics of a finished simulation and its result. */
    public static RunMetrics of(int panel, int run, RunSimulator sim, RunResult r, double tolerance) {
        Landscape l = sim.landscape();
        double[] end = sim.theta();
        double best = sim.loss();
        for (double f : r.loss()) {
            best = Math.min(best, f);
        }
        Integer reached = null;
        if (l.isGame()) {
            double[] eq = r.equilibriumDistance();
            for (int i = 0; eq != null && i < eq.length && reached == null; i++) {
                if (eq[i] <= tolerance) {
                    reached = r.steps()[i];
                }
            }
        } else if (!l.minima().isEmpty()) {
            double fStar = Double.POSITIVE_INFINITY;
            for (Landscape.Minimum m : l.minima()) {
                fStar = Math.min(fStar, m.value());
            }
            for (int i = 0; i < r.loss().length && reached == null; i++) {
                if (r.loss()[i] - fStar <= tolerance) {
                    reached = r.steps()[i];
                }
            }
        }
        double[] g = new double[l.dim()];
        l.valueAndGradientAt(end, g, sim.currentStep());
        Double distance = null;
        for (Landscape.Minimum m : l.minima()) {
            double d = distance(end, m.point());
            distance = distance == null ? d : Math.min(distance, d);
            if (l.isGame()) {
                break; // the equilibrium is the first (only) one
            }
        }
        double lastLr = sim.lr();
        RunResult.RunAnalysis a = r.analysis();
        return new RunMetrics(panel, run, r.label(), r.status(), r.divergedAtStep(), r.stepsDone(), finite(sim.loss()),
                finite(best), reached, tolerance, finite(norm(g)), distance == null ? null : finite(distance),
                a.sharpnessEnd(), lastLr > 0 ? finite(2 / lastLr) : null, a.testLoss(), a.lrSum(), a.lrSquaredSum(),
                l.isGame());
    }

    private static Double finite(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
