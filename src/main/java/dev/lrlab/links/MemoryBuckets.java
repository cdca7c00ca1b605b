package dev.lrlab.links;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets in this JVM only: for tools and tests without a database. A node of the app uses
 * {@link JdbcBuckets}, which every node shares. Full buckets are forgotten when the table grows, so
 * many one-off clients cost no memory over time.
 */
public final class MemoryBuckets implements RateLimiter.Buckets {
    private static final int PRUNE_ABOVE = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Override
    public long take(String limiter, String client, double capacity, double perMs, long nowMs) {
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.isFull(nowMs, capacity, perMs));
        }
        return buckets.computeIfAbsent(limiter + ' ' + client, k -> new Bucket(capacity, nowMs))
                .take(nowMs, capacity, perMs);
    }

    @Override
    public long waitFor(String limiter, String client, double capacity, double perMs, long nowMs) {
        Bucket b = buckets.get(limiter + ' ' + client);
        return b == null ? 0 : b.waitFor(nowMs, capacity, perMs);
    }

    private static final class Bucket {
        private double tokens;
        private long at;

        Bucket(double capacity, long now) {
            this.tokens = capacity;
            this.at = now;
        }

        synchronized long take(long now, double capacity, double perMs) {
            refill(now, capacity, perMs);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return RateLimiter.waitMs(tokens, perMs);
        }

        synchronized long waitFor(long now, double capacity, double perMs) {
            refill(now, capacity, perMs);
            return tokens >= 1 ? 0 : RateLimiter.waitMs(tokens, perMs);
        }

        synchronized boolean isFull(long now, double capacity, double perMs) {
            refill(now, capacity, perMs);
            return tokens >= capacity;
        }

        private void refill(long now, double capacity, double perMs) {
            tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perMs);
            at = Math.max(at, now);
        }
    }
}
