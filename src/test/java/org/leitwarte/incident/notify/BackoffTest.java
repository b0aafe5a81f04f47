package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));

  @ParameterizedTest(name = "after attempt {0}: {1} s")
  @CsvSource({"1, 5", "2, 10", "3, 20", "4, 40", "5, 60", "6, 60", "40, 60"})
  void delay_doubles_up_to_the_maximum(int attempt, long seconds) {
    assertThat(backoff.after(attempt)).isEqualTo(Duration.ofSeconds(seconds));
  }
}
