package dev.lrlab.experiment;

import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
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
 * runs at most {@code timeoutMs} of wall time before it is interrupted.
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
        Future<T> f;
        try {
            f = pool.submit(() -> {
                started.set(true);
                long t0 = System.nanoTime();
                try {
                    return work.call();
                } finally {
                    record((System.nanoTime() - t0) / 1_000_000);
                    release.run();
                }
            });
        } catch (RuntimeException e) { // rejected: the queue is closed
            release.run();
            throw e;
        }
        try {
            return f.get(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            if (!started.get()) {
                release.run();
            }
            throw new TimeLimitException(timeoutMs);
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw busy("the request was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re && !(cause instanceof CancellationException)) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the job failed", cause);
        }
    }

    private void record(long ms) {
        averageRunMs.updateAndGet(avg -> (avg * 7 + ms) / 8);
    }

    /**
     * The retry hint: the time the jobs ahead need to drain through the slots, at least one
     * second (the header's unit) and at most the time limit (no job lasts longer).
     */
    private BusyException busy(String message) {
        long aheadMs = (long) Math.ceil((double) inFlight() / maxConcurrent) * Math.max(1, averageRunMs.get());
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
                    try {
                        worker.run();
                        part.complete(null);
                    } catch (Throwable t) {
                        part.completeExceptionally(t);
                    } finally {
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
