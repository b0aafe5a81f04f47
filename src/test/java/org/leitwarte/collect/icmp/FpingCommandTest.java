package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.config.LeitwarteConfig;

class FpingCommandTest {

  private static LeitwarteConfig.Icmp icmp(int count, long periodMillis, long timeoutMillis, Duration gap) {
    return new LeitwarteConfig.Icmp(Path.of("fping"), count, Duration.ofMillis(periodMillis),
        Duration.ofMillis(timeoutMillis), gap, 100);
  }

  @Test
  void the_command_asks_for_per_request_times_of_every_target() {
    FpingCommand command = FpingCommand.of("/usr/bin/fping", icmp(3, 1000, 500, Duration.ofMillis(10)),
        List.of("127.0.0.1", "::1"));

    assertThat(command.arguments()).containsExactly(
        "/usr/bin/fping", "-C", "3", "-p", "1000", "-t", "500", "-i", "10", "127.0.0.1", "::1");
    assertThat(command.targets()).containsExactly("127.0.0.1", "::1");
  }

  @ParameterizedTest
  @CsvSource({"PT0S, 0", "PT0.001S, 1", "PT0.0005S, 0.5", "PT1.25S, 1250", "PT0.000001S, 0.001"})
  void durations_go_to_fping_in_milliseconds(Duration duration, String millis) {
    assertThat(FpingCommand.millis(duration)).isEqualTo(millis);
  }

  @ParameterizedTest(name = "{0} requests, {1} hosts")
  @CsvSource({
      // count, hosts, period, timeout, gap ms, expected ms
      "3, 1,    1000, 500, 10, 2500", // the period to one host dominates
      "3, 1000, 1000, 500, 10, 30500", // the gap between any two requests dominates
      "1, 5,    1000, 200, 0,  200"})
  void the_expected_duration_follows_fpings_pacing(int count, int hosts, long period, long timeout, long gap,
      long expectedMillis) {
    assertThat(FpingCommand.expectedDuration(icmp(count, period, timeout, Duration.ofMillis(gap)), hosts))
        .isEqualTo(Duration.ofMillis(expectedMillis));
  }

  @Test
  void the_deadline_leaves_room_for_a_slow_machine() {
    FpingCommand command = FpingCommand.of("fping", icmp(3, 1000, 500, Duration.ofMillis(10)), List.of("127.0.0.1"));

    assertThat(command.deadline()).isEqualTo(Duration.ofMillis(2 * 2500 + 2000));
  }
}
