package dev.lrlab.core.schedule;

/** PyTorch LinearLR: η0·(s + (e − s)·min(t, T)/T) — a linear warm-up (or decay) over T steps. */
public record LinearSchedule(double base, double startFactor, double endFactor, int totalIters) implements Schedule {
    @Override
    public double lr(int t) {
        return base * (startFactor + (endFactor - startFactor) * Math.min(totalIters, t) / totalIters);
    }
}
