package dev.lrlab.links;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A token bucket per client network ({@link ClientNetwork}): {@code limit} tokens, refilled evenly
 * over {@code period}, so a client may burst up to the limit and then do one more every
 * period/limit. The buckets live in a {@link Buckets} store: {@link JdbcBuckets} in the app (one
 * table on the application's database, so every node counts the same requests), {@link MemoryBuckets}
 * for tools and tests that have no database.
 */
public class RateLimiter {
    /** Where the buckets are kept; both operations must be atomic per bucket. */
    public interface Buckets {
        /** Takes one token: 0 when taken, else the milliseconds until one is there. */
        long take(String limiter, String client, double capacity, double perMs, long nowMs);

        /** The milliseconds until a token is there (0: one is there now), taking nothing. */
        long waitFor(String limiter, String client, double capacity, double perMs, long nowMs);
    }

    private final String name;
    private final int limit;
    private final Duration period;
    /** What is counted, for the refusal's message ("short links", "unknown class codes"). */
    private final String what;
    private final Buckets buckets;
    private final LongSupplier millis;

    public RateLimiter(String name, int limit, Duration period, String what, Buckets buckets, LongSupplier millis) {
        if (limit < 1) {
            throw new IllegalArgumentException("the " + name + " limit must be ≥ 1, was " + limit);
        }
        this.name = name;
        this.limit = limit;
        this.period = period;
        this.what = what;
        this.buckets = buckets;
        this.millis = millis;
    }

    /** Short links per minute, buckets in this JVM only (tools, tests). */
    public RateLimiter(int perMinute) {
        this(perMinute, "short links");
    }

    /** Per minute, buckets in this JVM only (tools, tests). */
    public RateLimiter(int perMinute, String what) {
        this("memory", perMinute, Duration.ofMinutes(1), what, new MemoryBuckets(), System::currentTimeMillis);
    }

    public String name() {
        return name;
    }

    public int limit() {
        return limit;
    }

    public Duration period() {
        return period;
    }

    /** The limit per minute (the links limit is configured per minute). */
    public int perMinute() {
        return (int) Math.round(limit * 60_000.0 / period.toMillis());
    }

    /**
     * Takes one token for the client at {@code address}; throws {@link RateLimitedException} (with the
     * wait) when its network has none left.
     */
    public void acquire(String address) {
        long wait = buckets.take(name, ClientNetwork.of(address), limit, perMs(), millis.getAsLong());
        if (wait > 0) {
            throw refused(wait);
        }
    }

    /**
     * Throws {@link RateLimitedException} when the client's network has no token left, without taking
     * one: for limits that charge only failures (wrong guesses) but must refuse every attempt once used up.
     */
    public void check(String address) {
        long wait = buckets.waitFor(name, ClientNetwork.of(address), limit, perMs(), millis.getAsLong());
        if (wait > 0) {
            throw refused(wait);
        }
    }

    /** Milliseconds until {@code tokens} reach 1 (rounded up, but not by a floating-point hair). */
    static long waitMs(double tokens, double perMs) {
        return (long) Math.ceil((1 - tokens) / perMs - 1e-6);
    }

    private double perMs() {
        return (double) limit / period.toMillis();
    }

    private RateLimitedException refused(long waitMs) {
        String unit = period.equals(Duration.ofHours(1)) ? "hour" : period.equals(Duration.ofMinutes(1)) ? "minute"
                : period.toSeconds() + " s";
        return new RateLimitedException(name, "too many " + what + " from this network: at most " + limit + " per "
                + unit + "; try again in " + seconds(waitMs) + " s", seconds(waitMs));
    }

    private static int seconds(long waitMs) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (waitMs + 999) / 1000));
    }

    /** Over the limit: retry after {@code retryAfterSeconds}. */
    public static final class RateLimitedException extends RuntimeException {
        private final String limiter;
        private final int retryAfterSeconds;

        RateLimitedException(String limiter, String message, int retryAfterSeconds) {
            super(message);
            this.limiter = limiter;
            this.retryAfterSeconds = retryAfterSeconds;
        }

        /** The limit that refused ({@link RateLimiter#name()}), so a page can word it. */
        public String limiter() {
            return limiter;
        }

        public int retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
