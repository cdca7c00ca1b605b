package dev.lrlab.core.engine;

/**
 * What a constant learning rate does along the stiffest direction of a quadratic (S1, S6): GD
 * θ ← (1 − ηλ)θ converges monotonically for ηλ < 1, oscillates for 1 < ηλ < 2 and diverges
 * beyond 2; heavy-ball momentum β diverges for ηλ ≥ 2(1 + β) and oscillates when the iteration
 * matrix has complex eigenvalues, (1 + β − ηλ)² < 4β, or a negative real one.
 */
public enum Regime {
    CONVERGING, OSCILLATING, UNSTABLE;

    /**
     * @param lrTimesLambda ηλmax
     * @param beta          momentum (0 for plain GD)
     */
    public static Regime of(double lrTimesLambda, double beta) {
        double x = lrTimesLambda;
        if (!(x < edge(beta, 0, false))) {
            return UNSTABLE;
        }
        if (beta == 0) {
            return x <= 1 ? CONVERGING : OSCILLATING;
        }
        double d = (1 + beta - x) * (1 + beta - x) - 4 * beta;
        if (d < 0 || x > 1 + beta) {
            return OSCILLATING;
        }
        return CONVERGING;
    }

    /**
     * The bound on ηλ below which PyTorch's SGD converges on curvature λ: 2 for plain GD,
     * 2(1+β) for heavy ball, 2(1+β)/(1−d) when the velocity takes (1−d)·g (dampening d), and
     * 2(1+β)/((1+2β)(1−d)) for the Nesterov form g + β·v.
     *
     * @param dampening the d that reaches the velocity (0 when the caller's momentum ignores it)
     */
    public static double edge(double beta, double dampening, boolean nesterov) {
        return 2 * (1 + beta) / ((nesterov ? 1 + 2 * beta : 1) * (1 - dampening));
    }
}
