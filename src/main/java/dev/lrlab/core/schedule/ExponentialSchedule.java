package dev.lrlab.core.schedule;

/** PyTorch ExponentialLR: η0·γ^t. */
public record ExponentialSchedule(double base, double gamma) implements Schedule {
    @Override
    public double lr(int t) {
        return base * Math.pow(gamma, t);
    }
}
