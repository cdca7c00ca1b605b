package dev.lrlab.experiment;

/**
 * The server is computing its maximum and its waiting line is full (or the wait ran out). Carries
 * how many seconds a client should wait before trying again, so every surface can say it (the API
 * as a {@code Retry-After} header, the UI as a message).
 */
public class BusyException extends RuntimeException {
    private final int retryAfterSeconds;

    public BusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    /** Seconds to wait before trying again; always ≥ 1. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
