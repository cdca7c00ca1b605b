package dev.lrlab.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final RateLimiter limiter = new RateLimiter(30, now::get);

    @Test
    void aBurstUpToTheLimitThenOneEveryTwoSeconds() {
        for (int i = 0; i < 30; i++) {
            limiter.acquire("a");
        }
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.RateLimitedException.class)
                .hasMessageContaining("at most 30 per minute")
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(2));
        now.addAndGet(1_500_000_000L);
        assertThatThrownBy(() -> limiter.acquire("a"))
                .satisfies(e -> assertThat(((RateLimiter.RateLimitedException) e).retryAfterSeconds()).isEqualTo(1));
        now.addAndGet(500_000_000L);
        limiter.acquire("a"); // 2 s later: one more token
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.RateLimitedException.class);
        limiter.acquire("b"); // other clients have their own bucket
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 30; i++) {
            limiter.acquire("a"); // a minute later the bucket is full again, never fuller
        }
        assertThatThrownBy(() -> limiter.acquire("a")).isInstanceOf(RateLimiter.RateLimitedException.class);
    }
}
