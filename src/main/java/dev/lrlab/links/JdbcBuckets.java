package dev.lrlab.links;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token buckets in the {@code rate_buckets} table, so every node sharing the database counts the
 * same requests. A take is ONE statement, an UPDATE that refills the bucket and takes a token only
 * where one is there: the database's row lock serializes concurrent takes, and PostgreSQL (READ
 * COMMITTED re-checks the WHERE on the newest row) and H2 alike never let two takes spend the same
 * token. A client without a row has a full bucket: its first take inserts the row with one token
 * spent ({@code ON CONFLICT DO NOTHING}, which both databases accept, decides a race of two first
 * takes). Rows that have refilled completely are deleted about once a minute per limit.
 */
public final class JdbcBuckets implements RateLimiter.Buckets {
    private static final long PRUNE_EVERY_MS = 60_000;

    private final JdbcClient jdbc;
    private final Map<String, Long> lastPrune = new ConcurrentHashMap<>();

    public JdbcBuckets(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    private record Row(double tokens, long updatedMs) {
    }

    @Override
    public long take(String limiter, String client, double capacity, double perMs, long nowMs) {
        prune(limiter, capacity, perMs, nowMs);
        for (int attempt = 0; attempt < 2; attempt++) {
            if (takeOne(limiter, client, capacity, perMs, nowMs)) {
                return 0;
            }
            int inserted = jdbc.sql("INSERT INTO rate_buckets (limiter, client, tokens, updated_ms) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT DO NOTHING").params(limiter, client, capacity - 1, nowMs).update();
            if (inserted == 1) {
                return 0;
            }
        }
        // the row is there and holds no whole token: how long until it does
        return Math.max(1, waitFor(limiter, client, capacity, perMs, nowMs));
    }

    /**
     * The one atomic statement of a take: refill, check and spend together. The casts matter: H2
     * would otherwise type the refill rate like the BIGINT it multiplies and round it to 0.
     */
    private boolean takeOne(String limiter, String client, double capacity, double perMs, long nowMs) {
        return jdbc.sql("""
                        UPDATE rate_buckets
                        SET tokens = LEAST(CAST(? AS DOUBLE PRECISION),
                                           tokens + GREATEST(0, CAST(? AS BIGINT) - updated_ms)
                                                    * CAST(? AS DOUBLE PRECISION)) - 1,
                            updated_ms = GREATEST(updated_ms, CAST(? AS BIGINT))
                        WHERE limiter = ? AND client = ?
                          AND LEAST(CAST(? AS DOUBLE PRECISION),
                                    tokens + GREATEST(0, CAST(? AS BIGINT) - updated_ms)
                                             * CAST(? AS DOUBLE PRECISION)) >= 1""")
                .params(capacity, nowMs, perMs, nowMs, limiter, client, capacity, nowMs, perMs).update() == 1;
    }

    @Override
    public long waitFor(String limiter, String client, double capacity, double perMs, long nowMs) {
        Optional<Row> row = jdbc.sql("SELECT tokens, updated_ms FROM rate_buckets WHERE limiter = ? AND client = ?")
                .params(limiter, client).query((rs, i) -> new Row(rs.getDouble(1), rs.getLong(2))).optional();
        if (row.isEmpty()) {
            return 0;
        }
        double tokens = Math.min(capacity, row.get().tokens() + Math.max(0, nowMs - row.get().updatedMs()) * perMs);
        return tokens >= 1 ? 0 : RateLimiter.waitMs(tokens, perMs);
    }

    /** Deletes this limit's rows that are full again by now (a missing row is a full bucket). */
    private void prune(String limiter, double capacity, double perMs, long nowMs) {
        Long last = lastPrune.get(limiter);
        if (last != null && nowMs - last < PRUNE_EVERY_MS) {
            return;
        }
        lastPrune.put(limiter, nowMs);
        long fullAfterMs = (long) Math.ceil(capacity / perMs);
        jdbc.sql("DELETE FROM rate_buckets WHERE limiter = ? AND updated_ms < ?").params(limiter, nowMs - fullAfterMs)
                .update();
    }

    /** Rows in the table (for tests of pruning). */
    long rows() {
        return jdbc.sql("SELECT COUNT(*) FROM rate_buckets").query(Long.class).single();
    }
}
