package dev.lrlab.live;

import dev.lrlab.core.work.WorkGuard;
import java.util.function.LongSupplier;

/**
 * How a session's runs are stepped within a time slice: in chunks sized and timed by its
 * {@link StepMeter}, each under a {@link WorkGuard} bounded at the slice's end plus the
 * scheduler's hard grace (and cancelled by a stop from any thread), stopping early when the slice
 * ends or a step was slow. It reports what happened; the session acts on it. Confined to the lane
 * that steps the session, apart from {@link #requestStop()}.
 */
final class TimedStepping {

    /** Why {@link #advance} returned. */
    enum Outcome {
        /** Stepped what it could within the slice (or all it was asked). */
        DONE,
        /** Every run has ended. */
        FINISHED,
        /** Stopped from outside (a stop, the thread interrupted), maybe half way through a step. */
        STOPPED,
        /** A step ran past its guard's bound and was cut half way: the simulators must not be stepped again. */
        CUT,
        /** Steps were slow often enough to pause the session (its state is whole). */
        TOO_SLOW
    }

    final StepMeter meter = new StepMeter();
    private volatile boolean stopRequested;
    private volatile WorkGuard guard;
    private int done;
    private long cutMillis;

    /** Any thread: the lane stops at its next chunk, and a step that checks its guard stops now. */
    void requestStop() {
        stopRequested = true;
        WorkGuard g = guard;
        if (g != null) {
            g.cancel("the session was stopped");
        }
    }

    /** Steps done by the last {@link #advance}. */
    int done() {
        return done;
    }

    /** How long the cut step ran, after {@link Outcome#CUT}. */
    long cutMillis() {
        return cutMillis;
    }

    /**
     * Up to {@code n} lockstep steps of {@code runs} (at least one), until {@code sliceEnd} on
     * {@code clock}, the session is stopped, or a step is slow (the lane then measures it again next
     * tick, or moves the session to the heavy lane, instead of spending the slice on it).
     */
    Outcome advance(LockstepRuns runs, int n, long sliceEnd, LongSupplier clock, LiveScheduler scheduler) {
        done = 0;
        long t = clock.getAsLong();
        LongSupplier cpu = scheduler.threadCpu();
        while (done < n) {
            if (stopRequested) {
                return Outcome.STOPPED;
            }
            int chunk = meter.chunk(n - done, sliceEnd - t);
            long boundNanos = Math.max(0, sliceEnd - t) + scheduler.hardGraceNanos();
            WorkGuard g = WorkGuard.forMillis((boundNanos + 999_999) / 1_000_000);
            guard = g;
            long c = meter.wantsCpu() ? cpu.getAsLong() : -1;
            int k;
            try {
                k = g.call(() -> runs.advance(chunk));
            } catch (WorkGuard.Stopped e) {
                if (stopRequested || e.reason() == WorkGuard.Stopped.Reason.CANCELLED) {
                    return Outcome.STOPPED;
                }
                cutMillis = (clock.getAsLong() - t) / 1_000_000;
                return Outcome.CUT;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e); // advance declares nothing checked
            } finally {
                guard = null;
            }
            long t2 = clock.getAsLong();
            done += k;
            if (!runs.running()) {
                return Outcome.FINISHED;
            }
            if (k == 0) {
                return Outcome.DONE;
            }
            meter.record(k, t2 - t, c < 0 ? -1 : cpu.getAsLong() - c, scheduler.maxStepNanos(),
                    scheduler.heavyStepNanos());
            t = t2;
            if (meter.tooSlow()) {
                return Outcome.TOO_SLOW;
            }
            if (meter.lastWasSlow() || t >= sliceEnd) {
                return Outcome.DONE;
            }
        }
        return Outcome.DONE;
    }
}
