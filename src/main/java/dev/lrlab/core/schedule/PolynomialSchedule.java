package dev.lrlab.core.schedule;

/** PyTorch PolynomialLR: η0·(1 − min(t, T)/T)^power. */
public record PolynomialSchedule(double base, int totalIters, double power) implements Schedule {
    @Override
    public double lr(int t) {
        return base * Math.pow(1.0 - (double) Math.min(totalIters, t) / totalIters, power);
    }
}
