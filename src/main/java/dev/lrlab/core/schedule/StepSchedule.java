package dev.lrlab.core.schedule;

/** PyTorch StepLR: η0·γ^⌊t/stepSize⌋. */
public record StepSchedule(double base, int stepSize, double gamma) implements Schedule {
    @Override
    public double lr(int t) {
        return base * Math.pow(gamma, t / stepSize);
    }
}
