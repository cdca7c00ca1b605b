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
    /** The latest chunk took long on the clock: read the CPU clock around the next one. */
    private boolean suspect = true;

    /** Steps to do before the next clock read: one until the first measurement. */
    int chunk(int want, long nanosLeftInSlice) {
        if (!measured || wallPerStep <= 0) {
            return Math.min(want, 1);
        }
        long budget = Math.max(0, Math.min(nanosLeftInSlice, CHUNK_NANOS));
        // CPU time per step where known: a chunk that was preempted half way says nothing of its steps
        double perStep = cpuPerStep > 0 ? Math.min(wallPerStep, (double) cpuPerStep) : wallPerStep;
        long k = (long) (budget / perStep);
        return (int) Math.max(1, Math.min(want, k));
    }

    /**
     * Whether the next chunk needs the thread's CPU time (a system call of about a microsecond,
     * as much as ten cheap steps): only before the first measurement and after a chunk that was
     * long on the clock. A chunk short on the clock was cheap on the CPU too.
     */
    boolean wantsCpu() {
        return suspect;
    }

    /**
     * {@code steps} steps took {@code wallNanos} on the clock and {@code cpuNanos} of the thread's
     * CPU (negative: not read). The latest chunk counts alone (no average with older ones): steps
     * that just became dear are seen as dear at once.
     */
    void record(int steps, long wallNanos, long cpuNanos, long slowNanos, long heavyNanos) {
        wallPerStep = (double) wallNanos / steps;
        measured = true;
        suspect = wallPerStep >= heavyNanos;
        if (cpuNanos < 0) {
            cpuPerStep = -1;
            if (suspect) {
                return; // long on the clock, CPU unknown: no verdict until the next chunk is read
            }
            slowInARow = 0;
            heavyInARow = 0;
            cheapInARow++;
            return;
        }
        cpuPerStep = cpuNanos / steps;
        slowInARow = cpuPerStep > slowNanos ? slowInARow + 1 : 0;
        heavyInARow = cpuPerStep >= heavyNanos ? heavyInARow + 1 : 0;
        cheapInARow = cpuPerStep < heavyNanos ? cheapInARow + 1 : 0;
    }

    /** Time of one step in the latest measurement (CPU where read, else the clock). */
    long stepNanos() {
        return cpuPerStep >= 0 ? cpuPerStep : (long) wallPerStep;
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
