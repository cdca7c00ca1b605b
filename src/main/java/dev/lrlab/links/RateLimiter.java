package dev.lrlab.links;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client key (the remote address): {@code perMinute} tokens, refilled evenly
 * over the minute, so a client may burst up to the limit and then create one link every
 * 60/perMinute seconds. Keys of full buckets are forgotten when the table grows, so many
 * one-off clients cost no memory over time.
 */
public class RateLimiter {
    private static final int PRUNE_ABOVE = 10_000;

    private final int perMinute;
    /** What is counted, for the refusal's message ("short links", "unknown class codes"). */
    private final String what;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimiter(int perMinute) {
        this(perMinute, "short links", System::nanoTime);
    }

    public RateLimiter(int perMinute, String what) {
        this(perMinute, what, System::nanoTime);
    }

    RateLimiter(int perMinute, LongSupplier nanoTime) {
        this(perMinute, "short links", nanoTime);
    }

    RateLimiter(int perMinute, String what, LongSupplier nanoTime) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("lrlab.links.rate-per-minute must be ≥ 1, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.what = what;
        this.nanoTime = nanoTime;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes one token for {@code key}; throws {@link RateLimitedException} (with the wait) when none is left. */
    public void acquire(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            prune(now);
        }
        long waitNanos = buckets.computeIfAbsent(key, k -> new Bucket(perMinute, now)).take(now, perMinute);
        if (waitNanos > 0) {
            throw new RateLimitedException(what, perMinute, (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    /**
     * Throws {@link RateLimitedException} when {@code key} has no token left, without taking one:
     * for limits that charge only failures (wrong guesses) but must refuse every attempt once used up.
     */
    public void check(String key) {
        Bucket b = buckets.get(key);
        if (b == null) {
            return;
        }
        long waitNanos = b.waitFor(nanoTime.getAsLong(), perMinute);
        if (waitNanos > 0) {
            throw new RateLimitedException(what, perMinute, (int) Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L));
        }
    }

    private void prune(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFull(now, perMinute)) {
                it.remove();
            }
        }
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(int perMinute, long now) {
            this.tokens = perMinute;
            this.at = now;
        }

        /** 0 when a token was taken, else the nanoseconds until the next one. */
        synchronized long take(long now, int perMinute) {
            refill(now, perMinute);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double nanosPerToken = 60e9 / perMinute;
            return (long) Math.ceil((1 - tokens) * nanosPerToken);
        }

        /** 0 when a token is there, else the nanoseconds until the next one. */
        synchronized long waitFor(long now, int perMinute) {
            refill(now, perMinute);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 60e9 / perMinute);
        }

        synchronized boolean isFull(long now, int perMinute) {
            refill(now, perMinute);
            return tokens >= perMinute;
        }

        private void refill(long now, int perMinute) {
            tokens = Math.min(perMinute, tokens + (now - at) * perMinute / 60e9);
            at = now;
        }
    }

    /** Over the limit: retry after {@code retryAfterSeconds}. */
    public static final class RateLimitedException extends RuntimeException {
        private final int retryAfterSeconds;

        RateLimitedException(String what, int perMinute, int retryAfterSeconds) {
            super("too many " + what + " from this address: at most " + perMinute
                    + " per minute; try again in " + retryAfterSeconds + " s");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
