package dev.lrlab.live;

/**
 * What one session's lockstep steps cost on the clock, measured by the lane that steps them (the
 * weight estimated from the spec says nothing about a curvature schedule's power iterations or a
 * data set's size). It sizes the chunks stepped between two clock reads — a cheap session does
 * its whole tick in one chunk (two clock reads), a dear one reads the clock after every step —
 * and gives the verdicts the lane acts on. Confined to the lane, like the session's simulators.
 */
final class StepMeter {

    /** Clock reads are at most this far apart while stepping (unless one step takes longer). */
    static final long CHUNK_NANOS = 1_000_000;
    /** Slow steps in a row before a session is paused: one could be a GC pause or a busy machine. */
    static final int SLOW_STEPS_TO_PAUSE = 2;

    private double nanosPerStep;
    private long lastStepNanos;
    private int slowInARow;
    private boolean measured;

    /** Steps to do before the next clock read: one until the first measurement. */
    int chunk(int want, long nanosLeftInSlice) {
        if (!measured || nanosPerStep <= 0) {
            return Math.min(want, 1);
        }
        long budget = Math.max(0, Math.min(nanosLeftInSlice, CHUNK_NANOS));
        long k = (long) (budget / nanosPerStep);
        return (int) Math.max(1, Math.min(want, k));
    }

    /**
     * {@code steps} steps took {@code nanos}. The latest chunk counts alone (no averaging with older
     * ones): a session whose steps just became dear must be seen as dear at once.
     */
    void record(int steps, long nanos, long slowNanos) {
        nanosPerStep = (double) nanos / steps;
        lastStepNanos = (long) nanosPerStep;
        measured = true;
        slowInARow = lastStepNanos > slowNanos ? slowInARow + 1 : 0;
    }

    boolean measured() {
        return measured;
    }

    /** Time of one step in the latest measurement. */
    long lastStepNanos() {
        return lastStepNanos;
    }

    /** The latest step took longer than the slow bound. */
    boolean lastWasSlow() {
        return slowInARow > 0;
    }

    /** Slow enough, often enough, to be paused. */
    boolean tooSlow() {
        return slowInARow >= SLOW_STEPS_TO_PAUSE;
    }
}
