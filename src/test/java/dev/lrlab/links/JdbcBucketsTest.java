package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The shared token buckets on a real database (H2 here; {@code PgSharedLimitsTest} runs the same
 * checks on PostgreSQL): two limiter instances on one database, as two nodes have, count into one
 * bucket; parallel takes never spend more tokens than the bucket holds; full rows are pruned.
 */
public class JdbcBucketsTest {
    final AtomicLong now = new AtomicLong(1_700_000_000_000L);

    static RateLimiter limiter(DataSource ds, int limit, AtomicLong clock) {
        return new RateLimiter("links", limit, Duration.ofMinutes(1), "short links", new JdbcBuckets(ds), clock::get);
    }

    @Test
    void twoNodesOnOneDatabaseShareOneBucketPerNetwork() {
        sharedBucket(new LinkTestDb().dataSource, now);
    }

    @Test
    void parallelTakesSpendExactlyTheTokensThereAre() throws Exception {
        assertThat(parallelTakes(new LinkTestDb().dataSource, 25, 80)).isEqualTo(25);
    }

    @Test
    void rowsOfFullBucketsArePrunedAndAMissingRowIsAFullBucket() {
        LinkTestDb db = new LinkTestDb();
        JdbcBuckets buckets = new JdbcBuckets(db.dataSource);
        RateLimiter l = new RateLimiter("links", 3, Duration.ofMinutes(1), "short links", buckets, now::get);
        for (int i = 0; i < 50; i++) {
            l.acquire("10.0." + i + ".1");
        }
        assertThat(buckets.rows()).isEqualTo(50);
        now.addAndGet(61_000); // full again after 60 s; pruning runs at most once a minute per limit
        l.acquire("10.0.0.1");
        assertThat(buckets.rows()).isEqualTo(1);
        l.acquire("10.0.0.1");
        l.acquire("10.0.0.1");
        assertThatThrownBy(() -> l.acquire("10.0.0.1")).isInstanceOf(RateLimiter.RateLimitedException.class);
    }

    /** Node A and node B: each its own limiter and buckets object, one table. */
    public static void sharedBucket(DataSource ds, AtomicLong clock) {
        RateLimiter a = limiter(ds, 4, clock);
        RateLimiter b = limiter(ds, 4, clock);
        a.acquire("2001:db8:7:7::1");
        b.acquire("2001:db8:7:7::2");
        a.acquire("2001:db8:7:7:ffff::3");
        b.acquire("2001:db8:7:7::4");
        // four takes from one /64 over two nodes: the fifth is refused on either node
        assertThatThrownBy(() -> a.acquire("2001:db8:7:7::5")).isInstanceOf(RateLimiter.RateLimitedException.class)
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(15));
        assertThatThrownBy(() -> b.acquire("2001:db8:7:7::6")).isInstanceOf(RateLimiter.RateLimitedException.class);
        assertThatThrownBy(() -> b.check("2001:db8:7:7::6")).isInstanceOf(RateLimiter.RateLimitedException.class);
        a.acquire("2001:db8:7:8::1"); // the next /64 is another network
        a.acquire("::ffff:198.51.100.9");
        for (int i = 0; i < 3; i++) {
            b.acquire("198.51.100.9"); // the mapped address was the same IPv4 client
        }
        assertThatThrownBy(() -> b.acquire("198.51.100.9")).isInstanceOf(RateLimiter.RateLimitedException.class);
        clock.addAndGet(15_001); // one token back after 60 s / 4
        b.acquire("2001:db8:7:7::9");
        assertThatThrownBy(() -> a.acquire("2001:db8:7:7::9")).isInstanceOf(RateLimiter.RateLimitedException.class);
    }

    /** {@code threads} takes at once, through as many limiter instances ("nodes"), no refill in between. */
    public static int parallelTakes(DataSource ds, int limit, int threads) throws Exception {
        AtomicLong frozen = new AtomicLong(1_700_000_000_000L);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Boolean>> takes = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                RateLimiter node = limiter(ds, limit, frozen);
                takes.add(() -> {
                    try {
                        node.acquire("203.0.113.5");
                        return true;
                    } catch (RateLimiter.RateLimitedException e) {
                        return false;
                    }
                });
            }
            int taken = 0;
            for (Future<Boolean> f : pool.invokeAll(takes)) {
                taken += f.get() ? 1 : 0;
            }
            return taken;
        } finally {
            pool.shutdownNow();
        }
    }
}
