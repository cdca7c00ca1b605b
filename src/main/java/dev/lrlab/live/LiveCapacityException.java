package dev.lrlab.live;

/**
 * Playing (or speeding up) a session would take the node past its live CPU budget. Nothing was
 * changed; the same command can be retried after {@link #retryAfterSeconds()}. The message key and
 * arguments are for the UI's translations ({@code live.capacity}).
 */
public final class LiveCapacityException extends RuntimeException {

    public static final String MESSAGE_KEY = "live.capacity";

    private final long inUse;
    private final long limit;
    private final int retryAfterSeconds;

    LiveCapacityException(long inUse, long limit, int retryAfterSeconds) {
        super("The server is at its limit for live runs (" + inUse + " of " + limit
                + " steps/s in use); try again in " + retryAfterSeconds + " s.");
        this.inUse = inUse;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long inUse() {
        return inUse;
    }

    public long limit() {
        return limit;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Arguments of {@link #MESSAGE_KEY}: in use, limit, retry after (s). */
    public Object[] messageArgs() {
        return new Object[]{inUse, limit, retryAfterSeconds};
    }
}
