package dev.lrlab.core.schedule;

/** The lessons' exponential decay η0·e^(−kt) (S19); the same as ExponentialLR with γ = e^(−k). */
public record ExpDecaySchedule(double base, double k) implements Schedule {
    @Override
    public double lr(int t) {
        return base * Math.exp(-k * t);
    }
}
