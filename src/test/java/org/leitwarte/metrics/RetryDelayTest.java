package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RetryDelayTest {

  @Test
  void delay_doubles_up_to_the_maximum_and_starts_over_after_a_reset() {
    RetryDelay delay = new RetryDelay(Duration.ofSeconds(1), Duration.ofSeconds(30));

    assertThat(Stream.generate(delay::next).limit(7).map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);

    delay.reset();
    assertThat(delay.next()).isEqualTo(Duration.ofSeconds(1));
  }
}
