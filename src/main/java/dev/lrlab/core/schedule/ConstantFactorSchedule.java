package dev.lrlab.core.schedule;

/** PyTorch ConstantLR: η0·factor for t &lt; totalIters, then η0. */
public record ConstantFactorSchedule(double base, double factor, int totalIters) implements Schedule {
    @Override
    public double lr(int t) {
        return base * (factor + (t >= totalIters ? 1 - factor : 0));
    }
}
