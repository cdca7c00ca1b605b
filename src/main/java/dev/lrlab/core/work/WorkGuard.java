package dev.lrlab.core.work;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;

/**
 * A cooperative bound on the work done by the current thread: a deadline and a cancel flag that
 * every loop of real work (a step, building a landscape's data, a Hessian, a power iteration, a
 * sweep point) checks through {@link #check()}.
 *
 * <p>Why cooperative and per thread: {@link Thread#interrupt()} is only seen where code asks for
 * it, and a single step can be expensive (a curvature schedule's power iterations, a data
 * landscape's gradient over n × features). With a guard installed, a job stops within one check
 * of its deadline or of a cancel (client gone, sweep cancelled) instead of running on after its
 * answer was given up. Without a guard, {@link #check()} only reacts to interruption, so plain
 * callers (tests, the CLI) behave as before.
 *
 * <p>Plain Java with no dependencies, so the numeric core may call it.
 */
public final class WorkGuard {
    private static final ThreadLocal<WorkGuard> CURRENT = new ThreadLocal<>();

    private final long deadlineNanos;
    private volatile String cancelReason;

    private WorkGuard(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
    }

    /** A guard whose deadline is {@code millis} from now. */
    public static WorkGuard forMillis(long millis) {
        // a limit too far away to write in nanoseconds (the CLI runs without one) is no limit
        if (millis >= Long.MAX_VALUE / 4_000_000L) {
            return unbounded();
        }
        return new WorkGuard(System.nanoTime() + Math.max(0, millis) * 1_000_000L);
    }

    /** A guard with no deadline (only {@link #cancel} stops it). */
    public static WorkGuard unbounded() {
        return new WorkGuard(Long.MAX_VALUE);
    }

    /** Stops the guarded work at its next {@link #check()}; safe from any thread. */
    public void cancel(String reason) {
        cancelReason = reason == null ? "cancelled" : reason;
    }

    public boolean cancelled() {
        return cancelReason != null;
    }

    public boolean expired() {
        return deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0;
    }

    /** Runs {@code work} on this thread with this guard installed (nested calls keep the outer one's stricter bound). */
    public <T> T call(Callable<T> work) throws Exception {
        WorkGuard outer = CURRENT.get();
        CURRENT.set(this);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }

    /** The guard installed on this thread, or null. */
    public static WorkGuard current() {
        return CURRENT.get();
    }

    /**
     * Throws {@link Stopped} when this thread's guard expired or was cancelled, or when the thread
     * was interrupted. Costs a thread-local read and a clock read: call it once per step or per
     * chunk of inner work worth about a microsecond or more.
     */
    public static void check() {
        WorkGuard g = CURRENT.get();
        if (g != null) {
            g.checkNow();
        } else if (Thread.currentThread().isInterrupted()) {
            throw new Stopped(Stopped.Reason.CANCELLED, "interrupted");
        }
    }

    private void checkNow() {
        String reason = cancelReason;
        if (reason != null || Thread.currentThread().isInterrupted()) {
            throw new Stopped(Stopped.Reason.CANCELLED, reason == null ? "interrupted" : reason);
        }
        if (expired()) {
            throw new Stopped(Stopped.Reason.DEADLINE, "the time limit was reached");
        }
    }

    /** Guarded work stopped: its deadline passed or it was cancelled. */
    public static final class Stopped extends CancellationException {
        public enum Reason { DEADLINE, CANCELLED }

        private final Reason reason;

        public Stopped(Reason reason, String message) {
            super(message);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
