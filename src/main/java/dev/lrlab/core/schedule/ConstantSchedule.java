package dev.lrlab.core.schedule;

/** lr(t) = η0. */
public record ConstantSchedule(double base) implements Schedule {
    @Override
    public double lr(int t) {
        return base;
    }
}
