package dev.lrlab.core.schedule;

/**
 * The learning-rate range test's ramp (fastai {@code lr_find}): lr grows geometrically from
 * {@code start} at step 0 to exactly {@code end} at step {@code steps − 1}, i.e.
 * lr(k) = start·(end/start)^(k/(steps−1)). A pure function of the step like every schedule, so the
 * range test runs through the same simulator as any other run.
 */
public record ExponentialRampSchedule(double start, double end, int steps) implements Schedule {
    public ExponentialRampSchedule {
        if (!(start > 0) || !(end > 0) || steps < 1) {
            throw new IllegalArgumentException("start and end must be > 0 and steps ≥ 1");
        }
    }

    @Override
    public double lr(int k) {
        if (steps == 1 || k == 0) {
            return start;
        }
        if (k == steps - 1) {
            return end; // exact end point, not end·(1 ± ulp) from pow
        }
        return start * Math.pow(end / start, (double) k / (steps - 1));
    }
}
