package dev.lrlab.experiment.sweep;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sweep being computed: progress for a progress bar, cancel for a page the user left, and the
 * result as a future (a page can {@code thenAccept} it; the REST API waits with {@link #await()}).
 * Cancelling stops every worker at its next check (between points and every 4096 steps); the
 * result then completes with a {@link CancellationException}.
 */
public final class SweepJob {
    private final int total;
    private final AtomicInteger done = new AtomicInteger();
    private volatile boolean cancelled;
    private volatile Runnable onCancel;
    final CompletableFuture<SweepResult> result = new CompletableFuture<>();

    SweepJob(int total) {
        this.total = total;
    }

    /** Grid points finished / grid points, 0..1. */
    public double progress() {
        return total == 0 ? 1 : (double) done.get() / total;
    }

    public int pointsDone() {
        return done.get();
    }

    public int totalPoints() {
        return total;
    }

    public void cancel() {
        cancelled = true;
        Runnable hook = onCancel;
        if (hook != null) {
            hook.run();
        }
        result.completeExceptionally(new CancellationException("the sweep was cancelled"));
    }

    /** Runs {@code hook} when the sweep is cancelled (stops its workers' guard). */
    void onCancel(Runnable hook) {
        this.onCancel = hook;
        if (cancelled) {
            hook.run();
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public boolean isDone() {
        return result.isDone();
    }

    /** Completes with the result, or exceptionally with the reason it stopped. */
    public CompletableFuture<SweepResult> result() {
        return result;
    }

    /**
     * Waits for the result on the calling thread and rethrows why it failed as it was thrown
     * ({@code TimeLimitException}, {@code SpecException}, {@link CancellationException} …).
     */
    public SweepResult await() {
        try {
            return result.get();
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting for the sweep");
        } catch (ExecutionException e) {
            Throwable c = e.getCause() instanceof CompletionException ce && ce.getCause() != null ? ce.getCause()
                    : e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("the sweep failed", c);
        } catch (CancellationException e) {
            throw e;
        }
    }

    void pointDone() {
        done.incrementAndGet();
    }
}
