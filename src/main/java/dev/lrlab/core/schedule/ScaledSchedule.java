package dev.lrlab.core.schedule;

/**
 * A schedule under an envelope: lr(t) = schedule.lr(t)·envelope.lr(t)/η0, e.g. warm restarts
 * under a 1/t decay so that Σηt = ∞ and Σηt² &lt; ∞ (S23). momentum and restarts come from
 * {@code schedule}.
 */
public record ScaledSchedule(Schedule schedule, Schedule envelope, double base) implements Schedule {
    @Override
    public double lr(int t) {
        return schedule.lr(t) * (envelope.lr(t) / base);
    }

    @Override
    public double momentum(int t) {
        return schedule.momentum(t);
    }

    @Override
    public boolean restartsAt(int t) {
        return schedule.restartsAt(t);
    }
}
