// temporary stand-in, replaced by branch optim
package dev.lrlab.core.schedule;

/**
 * Curvature-aware lr (S18): η_t = 2·safety/λ̂max(θ_t). The engine computes it (it needs θ), so
 * {@link #lr(int)} throws.
 */
public record CurvatureSchedule(double safety, int powerIterations) implements Schedule {
    @Override
    public double lr(int t) {
        throw new UnsupportedOperationException("curvature lr depends on θ; the engine computes it");
    }
}
