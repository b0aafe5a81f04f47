package org.leitwarte.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.leitwarte.health.SelfSampleVerticle;

/** What the self dashboard shows of the polls of the last interval: timeouts, errors, durations. */
class PollMetricsTest {

  private static final long MS = 1_000_000;

  @Test
  void the_window_counts_timeouts_and_failures_and_measures_the_polls_of_the_last_interval_only() {
    PollMetrics metrics = new PollMetrics(new SimpleMeterRegistry(), Duration.ofSeconds(60));
    metrics.recordPoll("snmp", "ok", 900 * MS, 0);
    metrics.recordPoll("snmp", "ok", 20 * MS, 30_000);
    metrics.recordPoll("snmp", "timeout", 2_000 * MS, 40_000);
    metrics.recordPoll("icmp", "ok", 10 * MS, 50_000);
    metrics.recordPoll("snmp", "auth_failure", 30 * MS, 61_000);

    // The poll at 0 s is more than an interval old at 61 s.
    assertThat(metrics.window()).satisfies(window -> {
      assertThat(window.polls()).isEqualTo(4);
      assertThat(window.timeouts()).isEqualTo(1);
      assertThat(window.errors()).isEqualTo(1);
      assertThat(window.averageMillis()).isCloseTo((20 + 2_000 + 10 + 30) / 4.0, within(0.001));
      assertThat(window.maxMillis()).isCloseTo(2_000, within(0.001));
    });

    metrics.trim(200_000);
    assertThat(metrics.window()).isEqualTo(new PollMetrics.Window(0, 0, 0, 0, 0));
  }

  @Test
  void leitwartes_own_sample_carries_the_window_and_leaves_out_durations_of_no_polls() {
    PollMetrics.Window busy = new PollMetrics.Window(4, 1, 1, 515.0, 2_000.0);
    Map<String, Object> fields = SelfSampleVerticle.sample("leitwarte", figures(busy), 0).fields();
    assertThat(fields).containsEntry("poll_timeouts_last_interval", 1L).containsEntry("poll_errors_last_interval", 1L)
        .containsEntry("poll_duration_avg_ms", 515.0).containsEntry("poll_duration_max_ms", 2_000.0);

    Map<String, Object> idle = SelfSampleVerticle.sample("leitwarte", figures(new PollMetrics.Window(0, 0, 0, 0, 0)), 0).fields();
    assertThat(idle).containsEntry("poll_timeouts_last_interval", 0L).doesNotContainKeys("poll_duration_avg_ms", "poll_duration_max_ms");
    // Every field is in the schema with its type, as dashboards and rules expect.
    Schema.Measurement declared = Schema.standard().measurement("leitwarte").orElseThrow();
    fields.forEach((name, value) -> assertThat(value).as(name).isInstanceOf(declared.fields().get(name).javaType()));
  }

  private static SelfSampleVerticle.Figures figures(PollMetrics.Window window) {
    return new SelfSampleVerticle.Figures(true, 0, 0, 0, 0, 10, 1.5, 4, 2, 0, window);
  }
}
