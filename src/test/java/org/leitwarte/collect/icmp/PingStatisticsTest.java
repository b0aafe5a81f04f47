package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PingStatisticsTest {

  @ParameterizedTest(name = "{0} sent, replies {1}")
  @CsvSource(delimiter = '|', textBlock = """
      3 | 1.0 2.0 4.0  | 0.0   | 1.0 | 2.3333333333 | 4.0 | 1.5
      4 | 1.0 3.0      | 50.0  | 1.0 | 2.0          | 3.0 | 2.0
      3 | 0.5          | 66.6666666667 | 0.5 | 0.5  | 0.5 | 0.0
      5 | 2.0 1.0 2.0 1.0 2.0 | 0.0 | 1.0 | 1.6    | 2.0 | 1.0
      4 | 0.042 0.019 0.019 0.042 | 0.0 | 0.019 | 0.0305 | 0.042 | 0.0153333333
      """)
  void loss_latency_and_jitter_follow_from_the_replies(
      int sent, String rtts, double loss, double min, double avg, double max, double jitter) {
    List<Double> replies = Arrays.stream(rtts.split(" ")).map(Double::valueOf).toList();

    Map<String, Object> fields = new PingStatistics(sent, replies).fields();

    assertThat(fields.get("sent")).isEqualTo((long) sent);
    assertThat(fields.get("received")).isEqualTo((long) replies.size());
    assertThat((Double) fields.get("loss_pct")).isCloseTo(loss, within(1e-9));
    assertThat((Double) fields.get("rtt_min_ms")).isCloseTo(min, within(1e-9));
    assertThat((Double) fields.get("rtt_avg_ms")).isCloseTo(avg, within(1e-9));
    assertThat((Double) fields.get("rtt_max_ms")).isCloseTo(max, within(1e-9));
    assertThat((Double) fields.get("jitter_ms")).isCloseTo(jitter, within(1e-9));
  }

  @Test
  void a_host_without_replies_has_full_loss_and_no_latency_fields() {
    Map<String, Object> fields = new PingStatistics(3, List.of()).fields();

    assertThat(fields).containsOnly(Map.entry("sent", 3L), Map.entry("received", 0L), Map.entry("loss_pct", 100.0));
  }

  @Test
  void more_replies_than_requests_is_refused() {
    assertThatThrownBy(() -> new PingStatistics(1, List.of(1.0, 2.0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("2 replies to 1 requests");
  }
}
