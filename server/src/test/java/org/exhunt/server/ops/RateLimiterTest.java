package org.exhunt.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBucketRefillsAtTheConfiguredRate() {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(2, 2, now::get);
        assertThat(limiter.tryAcquire("t")).isTrue();
        assertThat(limiter.tryAcquire("t")).isTrue();
        assertThat(limiter.tryAcquire("t")).isFalse();
        now.addAndGet(500_000_000L); // half a second at 2/s: one more request
        assertThat(limiter.tryAcquire("t")).isTrue();
        assertThat(limiter.tryAcquire("t")).isFalse();
        assertThat(limiter.tryAcquire("other")).isTrue();
    }

    @Property
    void overAnyStretchOfTimeAKeyGetsAtMostBurstPlusRateTimesSeconds(@ForAll @IntRange(min = 1, max = 50) int burst,
                                                                   @ForAll @IntRange(min = 1, max = 20) int perSecond,
                                                                   @ForAll @IntRange(min = 0, max = 5000) int millis) {
        AtomicLong now = new AtomicLong();
        RateLimiter limiter = new RateLimiter(perSecond, burst, now::get);
        int granted = 0;
        for (int ms = 0; ms <= millis; ms += 10) {
            now.set(ms * 1_000_000L);
            while (limiter.tryAcquire("k")) granted++;
        }
        assertThat(granted).isLessThanOrEqualTo(burst + (int) Math.floor(perSecond * millis / 1000.0) + 1);
        assertThat(granted).isGreaterThanOrEqualTo(burst);
    }
}
