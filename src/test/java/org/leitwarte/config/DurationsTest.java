package org.leitwarte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} is {1} ms")
  @CsvSource({
    "0, 0",
    "500ms, 500",
    "30s, 30000",
    "5m, 300000",
    "1h, 3600000",
    "1d, 86400000",
    "2w, 1209600000",
    "1h30m, 5400000",
    "1m30s250ms, 90250",
    "' 10s ', 10000"
  })
  void prometheus_durations_are_read(String text, long millis) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofMillis(millis));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "30 | expected a duration with a unit, got '30' (write e.g. 30s or 30m)",
        "1.5h | expected a duration like 500ms, 30s, 5m or 1h30m, got '1.5h'",
        "30m1h | expected a duration like 500ms, 30s, 5m or 1h30m, got '30m1h'",
        "5s5s | expected a duration like 500ms, 30s, 5m or 1h30m, got '5s5s'",
        "-5s | expected a duration like 500ms, 30s, 5m or 1h30m, got '-5s'",
        "5 s | expected a duration like 500ms, 30s, 5m or 1h30m, got '5 s'",
        "10y | expected a duration like 500ms, 30s, 5m or 1h30m, got '10y'",
        "99999999999999999w | duration '99999999999999999w' is too long"
      })
  void anything_else_is_refused_with_a_hint(String text, String message) {
    assertThatThrownBy(() -> Durations.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0s, 0", "500ms, 500", "1h30m, 5400000", "1d1s, 86401000", "1w, 604800000"})
  void formatted_durations_read_back_the_same(String text, long millis) {
    assertThat(Durations.format(Duration.ofMillis(millis))).isEqualTo(text);
    assertThat(Durations.parse(Durations.format(Duration.ofMillis(millis)))).isEqualTo(Duration.ofMillis(millis));
  }
}
