package dev.lrlab.experiment;

import dev.lrlab.core.work.WorkGuard;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounded computing for request-sized jobs: at most {@code maxConcurrent} jobs run at once, at
 * most {@code queueSize} more wait (each at most {@code maxWaitMs}) for a free slot, and each job
 * runs at most {@code timeoutMs} of wall time: each job runs under a {@link WorkGuard} with that
 * deadline, so its loops of real work (steps, data generation, Hessians, power iterations) stop
 * within one check of it and its slot is free again within milliseconds, even when the job never
 * looks at {@link Thread#interrupted()}.
 *
 * <p>Why a short wait rather than an instant refusal: bursts of clients (a class pressing Run
 * together) last a fraction of a second, while one job takes milliseconds; refusing at once turned
 * such a burst into mostly errors. Why still bounded: an unbounded line would hold every waiting
 * request's memory and make each wait longer than the client would, so past the bound the answer
 * is a quick {@link BusyException} with a retry hint.
 *
 * <p>Plain Java on purpose: the REST API, the CLI and the UI map its two exceptions
 * ({@link BusyException}, {@link TimeLimitException}) to their own way of saying it.
 */
public final class WorkQueue implements AutoCloseable {
    private final int maxConcurrent;
    private final int queueSize;
    private final long maxWaitMs;
    private final long timeoutMs;
    /** Admission: running plus waiting jobs; refused at once when none is left. */
    private final Semaphore admitted;
    /** Running jobs; released when a job really ends (an interrupted job may take a moment). */
    private final Semaphore running;
    private final ExecutorService pool;
    /** Moving average of a job's run time, for the retry hint. */
    private final AtomicLong averageRunMs = new AtomicLong(100);
    /** Start times (nanoTime) of the running jobs, for the retry hint while long jobs hold the slots. */
    private final ConcurrentHashMap<Object, Long> runningSince = new ConcurrentHashMap<>();
    /** How often the waiting caller looks at its own guard (client gone) while the job runs. */
    static final long CALLER_POLL_MS = 50;

    public WorkQueue(String name, int maxConcurrent, int queueSize, long maxWaitMs, long timeoutMs) {
        if (maxConcurrent < 1 || queueSize < 0 || maxWaitMs < 0 || timeoutMs < 1) {
            throw new IllegalArgumentException("need maxConcurrent ≥ 1, queueSize ≥ 0, maxWaitMs ≥ 0, timeoutMs ≥ 1");
        }
        this.maxConcurrent = maxConcurrent;
        this.queueSize = queueSize;
        this.maxWaitMs = maxWaitMs;
        this.timeoutMs = timeoutMs;
        this.admitted = new Semaphore(maxConcurrent + queueSize);
        this.running = new Semaphore(maxConcurrent);
        AtomicInteger n = new AtomicInteger();
        // as many threads as running permits: a job that got a permit always finds a thread
        this.pool = new ThreadPoolExecutor(maxConcurrent, maxConcurrent, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public int maxConcurrent() {
        return maxConcurrent;
    }

    public int queueSize() {
        return queueSize;
    }

    public long maxWaitMs() {
        return maxWaitMs;
    }

    public long timeoutMs() {
        return timeoutMs;
    }

    /** Jobs running or waiting right now. */
    public int inFlight() {
        return maxConcurrent + queueSize - admitted.availablePermits();
    }

    /**
     * Runs {@code work} on a pool thread and returns its result on the calling thread. Throws
     * {@link BusyException} when the line is full or the wait ran out, {@link TimeLimitException}
     * after the time limit, and the job's own runtime exceptions and errors unchanged.
     */
    public <T> T run(Callable<T> work) {
        if (!admitted.tryAcquire()) {
            throw busy("the server is running its maximum of " + maxConcurrent + " simulations and "
                    + queueSize + " more are waiting; try again in a moment");
        }
        try {
            if (!acquireRunning()) {
                throw busy("the server stayed busy with its maximum of " + maxConcurrent + " simulations for "
                        + maxWaitMs + " ms; try again in a moment");
            }
            return runHoldingPermit(work);
        } finally {
            admitted.release();
        }
    }

    private boolean acquireRunning() {
        try {
            return running.tryAcquire(maxWaitMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy("the request was interrupted while waiting for a free slot");
        }
    }

    private <T> T runHoldingPermit(Callable<T> work) {
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                running.release();
            }
        };
        AtomicBoolean started = new AtomicBoolean();
        // the caller's own guard (e.g. cancelled when the client disconnects) stops the job too
        WorkGuard caller = WorkGuard.current();
        WorkGuard guard = WorkGuard.forMillis(timeoutMs);
        long deadline = timeoutMs >= Long.MAX_VALUE / 4_000_000L ? Long.MAX_VALUE
                : System.nanoTime() + timeoutMs * 1_000_000L;
        Future<T> f;
        try {
            f = pool.submit(() -> {
                started.set(true);
                Object token = new Object();
                long t0 = System.nanoTime();
                runningSince.put(token, t0);
                try {
                    return guard.call(work);
                } finally {
                    runningSince.remove(token);
                    record((System.nanoTime() - t0) / 1_000_000);
                    release.run();
                }
            });
        } catch (RuntimeException e) { // rejected: the queue is closed
            release.run();
            throw e;
        }
        try {
            while (true) {
                long left = deadline == Long.MAX_VALUE ? Long.MAX_VALUE / 2 : deadline - System.nanoTime();
                if (left <= 0) {
                    throw new TimeoutException();
                }
                try {
                    return f.get(caller == null ? left : Math.min(left, CALLER_POLL_MS * 1_000_000L),
                            TimeUnit.NANOSECONDS);
                } catch (TimeoutException poll) {
                    if (caller != null && caller.cancelled()) {
                        stop(f, guard, started, release, "the caller gave up");
                        throw new WorkGuard.Stopped(WorkGuard.Stopped.Reason.CANCELLED, "the caller gave up");
                    }
                }
            }
        } catch (TimeoutException e) {
            stop(f, guard, started, release, "the time limit was reached");
            throw new TimeLimitException(timeoutMs);
        } catch (InterruptedException e) {
            stop(f, guard, started, release, "the request was interrupted");
            Thread.currentThread().interrupt();
            throw busy("the request was interrupted");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** Stops a job: its guard makes it end at its next check, and a job not yet started never runs. */
    private static void stop(Future<?> f, WorkGuard guard, AtomicBoolean started, Runnable release, String reason) {
        guard.cancel(reason);
        f.cancel(true);
        if (!started.get()) {
            release.run();
        }
    }

    /** A job's failure as the caller sees it: a guard's deadline is the time limit. */
    private RuntimeException unwrap(Throwable cause) {
        if (cause instanceof WorkGuard.Stopped s) {
            return s.reason() == WorkGuard.Stopped.Reason.DEADLINE ? new TimeLimitException(timeoutMs) : s;
        }
        if (cause instanceof RuntimeException re && !(cause instanceof CancellationException)) {
            return re;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException("the job failed", cause);
    }

    private void record(long ms) {
        averageRunMs.updateAndGet(avg -> (avg * 7 + ms) / 8);
    }

    /**
     * The retry hint: the time the jobs ahead need to drain through the slots, at least one
     * second (the header's unit) and at most the time limit (no job lasts longer). A job is
     * expected to take the recent average, or as long as the longest-running job has run so far
     * when that is longer: slots held by long jobs (the average only learns of them when they
     * end) must not advertise a one-second retry.
     */
    private BusyException busy(String message) {
        long now = System.nanoTime();
        long oldestMs = 0;
        for (Long since : runningSince.values()) {
            oldestMs = Math.max(oldestMs, (now - since) / 1_000_000);
        }
        long perJobMs = Math.max(1, Math.max(averageRunMs.get(), oldestMs));
        long aheadMs = (long) Math.ceil((double) Math.max(1, inFlight()) / maxConcurrent) * perJobMs;
        long capped = Math.min(aheadMs, Math.max(timeoutMs, 1000));
        return new BusyException(message, (int) Math.max(1, (capped + 999) / 1000));
    }

    /**
     * Runs {@code worker} on between 1 and {@code wanted} pool threads (as many running slots as are
     * free now, without waiting: a sweep never waits for a slot another sweep holds); the future
     * completes when every copy has returned, exceptionally with the first failure. The workers
     * share their work themselves (e.g. an atomic index) and must watch their own deadline.
     * {@link BusyException} when no slot is free.
     */
    public CompletableFuture<Void> workers(int wanted, Runnable worker) {
        return workers(wanted, worker, WorkGuard.forMillis(timeoutMs));
    }

    /**
     * As {@link #workers(int, Runnable)}, every copy under {@code guard} (its deadline, and its
     * cancel: a sweep's cancel button stops expensive steps inside a point too).
     */
    public CompletableFuture<Void> workers(int wanted, Runnable worker, WorkGuard guard) {
        int got = 0;
        while (got < Math.max(1, wanted) && running.tryAcquire()) {
            got++;
        }
        if (got == 0) {
            throw busy("the server is running its maximum of " + maxConcurrent + " simulations; try again in a moment");
        }
        CompletableFuture<?>[] parts = new CompletableFuture<?>[got];
        for (int i = 0; i < got; i++) {
            CompletableFuture<Void> part = new CompletableFuture<>();
            parts[i] = part;
            try {
                pool.execute(() -> {
                    long t0 = System.nanoTime();
                    Object token = new Object();
                    runningSince.put(token, t0);
                    try {
                        guard.call(() -> {
                            worker.run();
                            return null;
                        });
                        part.complete(null);
                    } catch (WorkGuard.Stopped s) {
                        part.completeExceptionally(s.reason() == WorkGuard.Stopped.Reason.DEADLINE
                                ? new TimeLimitException(timeoutMs) : s);
                    } catch (Throwable t) {
                        part.completeExceptionally(t);
                    } finally {
                        runningSince.remove(token);
                        record((System.nanoTime() - t0) / 1_000_000);
                        running.release();
                    }
                });
            } catch (RuntimeException e) { // rejected: the queue is closed
                running.release(got - i); // this one and the ones not yet submitted
                part.completeExceptionally(e);
                for (int k = i + 1; k < got; k++) {
                    parts[k] = CompletableFuture.failedFuture(e);
                }
                break;
            }
        }
        return CompletableFuture.allOf(parts);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
