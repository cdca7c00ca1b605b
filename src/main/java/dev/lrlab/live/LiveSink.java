package dev.lrlab.live;

/**
 * Receives a session's batches on its scheduler lane. Must return quickly (hand the batch on, do
 * not render or block): every session of the lane waits for it.
 */
@FunctionalInterface
public interface LiveSink {

    void accept(LiveBatch batch);

    /**
     * Checked about once a second by the scheduler; false unsubscribes the sink (its viewer is
     * gone). A session whose last sink went away stops and releases its memory.
     */
    default boolean alive() {
        return true;
    }
}
