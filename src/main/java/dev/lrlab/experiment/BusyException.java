package dev.lrlab.experiment;

/** Every computation slot and queue place is taken; try again after {@link #retryAfterSeconds()} (HTTP 503). */
public class BusyException extends RuntimeException {
    private final int retryAfterSeconds;

    public BusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
