package org.leitwarte.collect.trap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SourceRateLimiterTest {

  private final AtomicLong nanos = new AtomicLong();

  private int allowed(SourceRateLimiter limiter, String source, int attempts) {
    int allowed = 0;
    for (int i = 0; i < attempts; i++) {
      if (limiter.tryAcquire(source)) {
        allowed++;
      }
    }
    return allowed;
  }

  @Test
  void a_source_gets_its_burst_then_its_rate_and_others_are_not_affected() {
    SourceRateLimiter limiter = new SourceRateLimiter(100, 20, 1000, nanos::get);

    assertThat(allowed(limiter, "10.0.0.1", 1000)).isEqualTo(20);
    assertThat(allowed(limiter, "10.0.0.2", 5)).isEqualTo(5);

    nanos.addAndGet(100_000_000L);
    assertThat(allowed(limiter, "10.0.0.1", 1000)).isEqualTo(10);

    nanos.addAndGet(60_000_000_000L);
    assertThat(allowed(limiter, "10.0.0.1", 1000)).as("never more than the burst after a pause").isEqualTo(20);
  }

  @Test
  void the_map_of_sources_stays_bounded() {
    SourceRateLimiter limiter = new SourceRateLimiter(1, 1, 100, nanos::get);
    for (int i = 0; i < 10_000; i++) {
      limiter.tryAcquire("10.0." + (i / 256) + "." + (i % 256));
    }
    assertThat(limiter.sources()).isEqualTo(100);
  }
}
