package dev.lrlab.core.schedule;

/**
 * Curvature-aware lr η_t = 2s/λ̂max,t (S18). λ̂max is estimated online by the engine with
 * {@code powerIterations} power-iteration steps on Hessian-vector products, so this schedule is
 * only a parameter holder: it cannot be evaluated as a function of t alone.
 */
public record CurvatureSchedule(double safety, int powerIterations) implements Schedule {
    @Override
    public double lr(int t) {
        throw new UnsupportedOperationException(
                "curvature schedule: lr = 2*safety/lambda_max is computed by the engine from the landscape "
                        + "(power iteration); it is not a function of the step alone");
    }
}
