package dev.lrlab.core.schedule;

/**
 * PyTorch CosineAnnealingLR: η_min + ½(η0 − η_min)(1 + cos(πt/T)) (S20). Past T it continues
 * periodically (period 2T) — PyTorch's recursive step() produces the same values.
 */
public record CosineSchedule(double base, int tMax, double etaMin) implements Schedule {
    @Override
    public double lr(int t) {
        return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * t / tMax)) / 2;
    }
}
