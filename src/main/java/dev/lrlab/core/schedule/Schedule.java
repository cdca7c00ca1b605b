package dev.lrlab.core.schedule;

/**
 * A learning-rate schedule as a pure function of the step, so it can be plotted before a run.
 * {@code lr(t)} is the lr used by update t+1: PyTorch's {@code param_groups[0]["lr"]} before the
 * (t+1)-th {@code optimizer.step()} when {@code scheduler.step()} follows every step.
 */
public interface Schedule {

    double lr(int t);

    /** Momentum (or Adam beta1) set by cycling schedules for update t+1; NaN when untouched. */
    default double momentum(int t) {
        return Double.NaN;
    }

    /** True when update t+1 starts a new cycle (warm restart), for momentum reset (S8). */
    default boolean restartsAt(int t) {
        return false;
    }
}
