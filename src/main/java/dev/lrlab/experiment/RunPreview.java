package dev.lrlab.experiment;

import dev.lrlab.core.engine.Analysis;

/**
 * What the readouts show about one run before it runs.
 *
 * @param analysis  Hessian at the start, ηλmax, |1 − ηλᵢ|, momentum and effective lr
 * @param adaptive  the run's step is not η·g (adaptive optimizer or curvature schedule), so the
 *                  GD stability edge 2/λmax is only a reference, not a verdict
 * @param quadratic the landscape is a quadratic: the analysis holds everywhere, not only near θ₀
 * @param game      for a two-player game the verdict of gradient play (the GD edge does not
 *                  apply), or null
 * @param scheduled the run's schedule changes η: the verdict is for the first step's η only
 */
public record RunPreview(Analysis.Preview analysis, boolean adaptive, boolean quadratic, GameRegime game,
                         boolean scheduled) {

    /**
     * Whether run {@code cfg}'s step is not η·g, so the GD edge is a reference and not a verdict:
     * an optimizer other than SGD, or the curvature schedule (whose η depends on θ).
     */
    static boolean adaptive(ExperimentSpec.RunSpec spec, dev.lrlab.core.engine.RunConfig cfg) {
        return !"sgd".equals(spec.optimizer().type())
                || cfg.schedule() instanceof dev.lrlab.core.schedule.CurvatureSchedule;
    }

    /** Landscapes whose Hessian is the same everywhere (least squares is a quadratic in θ). */
    static final java.util.Set<String> QUADRATIC = java.util.Set.of("quadratic", "linearRegression");
}
