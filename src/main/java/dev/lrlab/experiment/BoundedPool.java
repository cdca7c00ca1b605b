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

/**
 * The server's bounded executor: {@code max} threads and as many slots. A computation takes a slot
 * or is refused at once ({@link BusyException}: never queued, so a crowd cannot build up latency).
 * One-shot work ({@link #bounded}) is interrupted at the time limit; parallel work ({@link #workers})
 * takes as many free slots as it can use and keeps its own deadline, so a sweep never waits for a
 * slot held by another sweep (no deadlock with a pool this small).
 */
final class BoundedPool implements AutoCloseable {
    private final ExecutorService pool;
    private final Semaphore slots;
    private final int max;
    private final long timeoutMs;

    BoundedPool(int max, long timeoutMs) {
        this.max = max;
        this.timeoutMs = timeoutMs;
        this.slots = new Semaphore(max);
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(max, max, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "api-sim-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private BusyException busy() {
        return new BusyException("the server is already running its maximum of " + max
                + " simulations at once; try again in a moment", 1);
    }

    <T> T bounded(Callable<T> work) {
        if (!slots.tryAcquire()) {
            throw busy();
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                slots.release();
            }
        };
        AtomicBoolean started = new AtomicBoolean();
        Future<T> f;
        try {
            f = pool.submit(() -> {
                started.set(true);
                try {
                    return work.call();
                } finally {
                    release.run();
                }
            });
        } catch (RuntimeException e) {
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
            throw new BusyException("the request was interrupted", 1);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re && !(cause instanceof CancellationException)) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("simulation failed", cause);
        }
    }

    /**
     * Runs {@code worker} on between 1 and {@code wanted} pool threads (as many slots as are free
     * now); the future completes when every copy has returned, exceptionally with the first failure.
     * The workers share their work themselves (e.g. an atomic index) and must watch their deadline.
     */
    CompletableFuture<Void> workers(int wanted, Runnable worker) {
        int got = 0;
        while (got < Math.max(1, wanted) && slots.tryAcquire()) {
            got++;
        }
        if (got == 0) {
            throw busy();
        }
        CompletableFuture<?>[] parts = new CompletableFuture<?>[got];
        for (int i = 0; i < got; i++) {
            CompletableFuture<Void> part = new CompletableFuture<>();
            parts[i] = part;
            try {
                pool.execute(() -> {
                    try {
                        worker.run();
                        part.complete(null);
                    } catch (Throwable t) {
                        part.completeExceptionally(t);
                    } finally {
                        slots.release();
                    }
                });
            } catch (RuntimeException e) {
                slots.release(got - i); // this one and the ones not yet submitted
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
