package dev.lrlab.live;

/**
 * What one session's lockstep steps cost, measured by the lane that steps them (the weight
 * estimated from the spec says nothing about a curvature schedule's power iterations or a data
 * set's size). Chunks are sized on the wall clock, which is what the lane's slices are measured
 * in: a cheap session does its whole tick in one chunk (two clock reads), a dear one reads the
 * clock after every step. The verdicts use the lane thread's CPU time instead, so a busy machine
 * (a thread descheduled for 50 ms, a GC pause) never makes a cheap session look dear, and they
 * need two measurements in a row, so a cold JVM's first step (class loading) does not either.
 * Confined to the lane, like the session's simulators.
 */
final class StepMeter {

    /** Clock reads are at most this far apart while stepping (unless one step takes longer). */
    static final long CHUNK_NANOS = 1_000_000;
    /** Measurements in a row that make a verdict. */
    static final int IN_A_ROW = 2;

    private double wallPerStep;
    private long cpuPerStep;
    private int slowInARow;
    private int heavyInARow;
    private int cheapInARow;
    private boolean measured;

    /** Steps to do before the next clock read: one until the first measurement. */
    int chunk(int want, long nanosLeftInSlice) {
        if (!measured || wallPerStep <= 0) {
            return Math.min(want, 1);
        }
        long budget = Math.max(0, Math.min(nanosLeftInSlice, CHUNK_NANOS));
        long k = (long) (budget / wallPerStep);
        return (int) Math.max(1, Math.min(want, k));
    }

    /**
     * {@code steps} steps took {@code wallNanos} on the clock and {@code cpuNanos} of the thread's
     * CPU. The latest chunk counts alone (no average with older ones): steps that just became dear
     * are seen as dear at once.
     */
    void record(int steps, long wallNanos, long cpuNanos, long slowNanos, long heavyNanos) {
        wallPerStep = (double) wallNanos / steps;
        cpuPerStep = cpuNanos / steps;
        measured = true;
        slowInARow = cpuPerStep > slowNanos ? slowInARow + 1 : 0;
        heavyInARow = cpuPerStep >= heavyNanos ? heavyInARow + 1 : 0;
        cheapInARow = cpuPerStep < heavyNanos ? cheapInARow + 1 : 0;
    }

    /** CPU time of one step in the latest measurement. */
    long stepNanos() {
        return cpuPerStep;
    }

    /** The latest step took longer than the slow bound: end the session's turn. */
    boolean lastWasSlow() {
        return slowInARow > 0;
    }

    /** Slower than the slow bound often enough to be paused. */
    boolean tooSlow() {
        return slowInARow >= IN_A_ROW;
    }

    /** Dear often enough to be kept apart from cheap sessions. */
    boolean heavy() {
        return heavyInARow >= IN_A_ROW;
    }

    /** Cheap often enough to share a lane with other cheap sessions. */
    boolean cheap() {
        return cheapInARow >= 1 && measured;
    }
}
