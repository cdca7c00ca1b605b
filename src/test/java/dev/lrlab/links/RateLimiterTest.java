package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000L);
    final RateLimiter limiter = new RateLimiter("links", 30, Duration.ofMinutes(1), "short links", new MemoryBuckets(),
            now::get);

    @Test
    void aBurstUpToTheLimitThenOneEveryTwoSeconds() {
        for (int i = 0; i < 30; i++) {
            limiter.acquire("a");
        }
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.RateLimitedException.class)
                .hasMessageContaining("at most 30 per minute")
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(2));
        now.addAndGet(1_500);
        assertThatThrownBy(() -> limiter.acquire("a"))
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(1));
        now.addAndGet(500);
        limiter.acquire("a"); // 2 s later: one more token
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.RateLimitedException.class);
        limiter.acquire("b"); // other clients have their own bucket
        now.addAndGet(60_000);
        for (int i = 0; i < 30; i++) {
            limiter.acquire("a"); // a minute later the bucket is full again, never fuller
        }
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.RateLimitedException.class);
    }

    @Test
    void anHourlyLimitSaysPerHourAndWaitsMinutes() {
        RateLimiter hourly = new RateLimiter("class-creates", 2, Duration.ofHours(1), "new classes", new MemoryBuckets(),
                now::get);
        hourly.acquire("10.0.0.1");
        hourly.acquire("10.0.0.1");
        assertThatThrownBy(() -> hourly.acquire("10.0.0.1")).hasMessageContaining("at most 2 per hour")
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(1800))
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).limiter()).isEqualTo("class-creates"));
    }

    @Test
    void theKeyIsTheNetworkIpv6ByItsSlash64AndMappedIpv4AsIpv4() {
        assertThat(ClientNetwork.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetwork.of("2001:0db8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetwork.of("[2001:db8:1:2::7]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ClientNetwork.of("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ClientNetwork.of("2001:db8:1:3::1")).isEqualTo("2001:db8:1:3::/64");
        assertThat(ClientNetwork.of("::ffff:192.0.2.7")).isEqualTo("192.0.2.7");
        assertThat(ClientNetwork.of("192.0.2.7")).isEqualTo("192.0.2.7");
        // IPv4 counts per address: a NAT's hall is one key, and so is each of 127.0.0.x
        assertThat(ClientNetwork.of("127.0.0.2")).isNotEqualTo(ClientNetwork.of("127.0.0.3"));
        assertThat(ClientNetwork.of(null)).isEqualTo("-");
        assertThat(ClientNetwork.of("not-an-address.example")).isEqualTo("not-an-address.example");

        // two addresses of one /64 share one bucket; the next /64 has its own
        RateLimiter two = new RateLimiter("links", 2, Duration.ofMinutes(1), "short links", new MemoryBuckets(), now::get);
        two.acquire("2001:db8:1:2::1");
        two.acquire("2001:db8:1:2::ffff");
        assertThatThrownBy(() -> two.acquire("2001:db8:1:2:9:9:9:9")).isInstanceOf(RateLimiter.RateLimitedException.class);
        two.acquire("2001:db8:1:3::1");
    }
}
