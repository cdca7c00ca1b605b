package dev.lrlab.live;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.UIDetachedException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One streaming simulation: steps a {@link SteppedJob} on a worker thread and pushes its batches to
 * the UI with {@code ui.access} every {@link #BATCH_MILLIS} ms. Controls (pause, resume, single
 * steps, speed, cancel) may be called from any thread.
 */
public final class LiveRun<B> implements Runnable {

    /** How often batches are pushed; the client animates in between. */
    public static final long BATCH_MILLIS = 100;
    /** Steps per advance() call at full speed, between clock checks. */
    private static final int CHUNK = 256;

    /** Why a run ended. */
    public enum End { FINISHED, CANCELLED }

    private final UI ui;
    private final SteppedJob<B> job;
    private final Consumer<B> onBatch;
    private final Consumer<End> onEnd;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean paused;
    private boolean cancelled;
    private int requestedSteps;
    private double stepsPerSecond;
    private Runnable release = () -> {};

    LiveRun(UI ui, SteppedJob<B> job, Consumer<B> onBatch, Consumer<End> onEnd, double stepsPerSecond, boolean startPaused) {
        this.ui = ui;
        this.job = job;
        this.onBatch = onBatch;
        this.onEnd = onEnd;
        this.stepsPerSecond = stepsPerSecond;
        this.paused = startPaused;
    }

    void onRelease(Runnable release) {
        this.release = release;
    }

    public void pause() {
        signal(() -> paused = true);
    }

    public void resume() {
        signal(() -> paused = false);
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** Pauses and then performs exactly {@code n} more steps. */
    public void step(int n) {
        signal(() -> {
            paused = true;
            requestedSteps += n;
        });
    }

    /** Steps per second; 0 or less means as fast as possible. */
    public void setStepsPerSecond(double sps) {
        signal(() -> stepsPerSecond = sps);
    }

    public void cancel() {
        signal(() -> cancelled = true);
    }

    public boolean isCancelled() {
        lock.lock();
        try {
            return cancelled;
        } finally {
            lock.unlock();
        }
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void run() {
        End end = End.CANCELLED;
        try {
            end = loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (UIDetachedException e) {
            end = End.CANCELLED;
        } finally {
            release.run();
            End result = end;
            deliver(() -> onEnd.accept(result));
        }
    }

    private End loop() throws InterruptedException {
        double credit = 0; // steps owed at the paced speed
        long last = System.nanoTime();
        while (true) {
            int budget;
            lock.lock();
            try {
                while (paused && requestedSteps == 0 && !cancelled) {
                    changed.await();
                    last = System.nanoTime();
                    credit = 0;
                }
                if (cancelled) {
                    return End.CANCELLED;
                }
                if (requestedSteps > 0) {
                    budget = requestedSteps;
                    requestedSteps = 0;
                } else if (stepsPerSecond > 0) {
                    long now = System.nanoTime();
                    credit += stepsPerSecond * (now - last) / 1e9;
                    last = now;
                    budget = (int) Math.min(credit, Integer.MAX_VALUE);
                    credit -= budget;
                } else {
                    budget = -1; // full speed
                }
            } finally {
                lock.unlock();
            }

            boolean more = budget == -1 ? advanceForOneBatch() : budget == 0 || job.advance(budget);
            B batch = job.takeBatch();
            if (!deliver(() -> onBatch.accept(batch))) {
                return End.CANCELLED;
            }
            if (!more) {
                return End.FINISHED;
            }
            if (budget != -1) {
                waitForNextBatch();
            }
        }
    }

    /** Steps at full speed for about one batch interval. */
    private boolean advanceForOneBatch() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BATCH_MILLIS);
        do {
            if (!job.advance(CHUNK)) {
                return false;
            }
        } while (System.nanoTime() < deadline && !isCancelled());
        return true;
    }

    private void waitForNextBatch() throws InterruptedException {
        lock.lock();
        try {
            if (!cancelled && requestedSteps == 0) {
                changed.await(BATCH_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code r} in the UI's session; waits for it (back-pressure). False if the UI is gone. */
    private boolean deliver(Runnable r) {
        try {
            ui.access(r::run).get();
            return true;
        } catch (UIDetachedException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("UI update failed", e.getCause());
        }
    }
}
