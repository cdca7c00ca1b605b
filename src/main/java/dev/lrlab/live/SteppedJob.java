package dev.lrlab.live;

/**
 * Work that advances in steps on a background thread and hands over what it produced in batches.
 * Both methods are called on the same worker thread, never concurrently.
 *
 * @param <B> what a batch carries to the UI
 */
public interface SteppedJob<B> {

    /** Advances by at most {@code n} steps; returns false once there is nothing left to do. */
    boolean advance(int n);

    /** Takes everything produced since the previous call (may be empty, never null). */
    B takeBatch();
}
