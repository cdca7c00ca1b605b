package dev.lrlab.core.schedule;

/** Time-based decay η0/(1 + kt) (S19); the 1/t envelope of S23. */
public record InverseTimeSchedule(double base, double k) implements Schedule {
    @Override
    public double lr(int t) {
        return base / (1 + k * t);
    }
}
