package org.leitwarte.collect.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.testsupport.ChronyServer;
import org.leitwarte.testsupport.FreePorts;

/** NTP checks against a real chronyd on loopback: one with the machine's time, one three seconds ahead. */
class NtpCheckTest {

  private static CheckRun checks;

  @BeforeAll
  static void start() {
    checks = new CheckRun();
  }

  @AfterAll
  static void stop() throws Exception {
    checks.close();
  }

  @Test
  void a_server_with_our_time_passes_with_its_stratum_and_a_small_offset() throws Exception {
    try (ChronyServer chrony = ChronyServer.start()) {
      Sample sample = checks.run(CheckRun.check("zeit", Kind.NTP, chrony.port()));

      assertThat(sample.measurement()).isEqualTo("service_check");
      assertThat(sample.tags()).containsEntry("check", "zeit").containsEntry("kind", "ntp")
          .containsEntry("target", "127.0.0.1:" + chrony.port()).containsEntry("device", "wr-app1");
      assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
      assertThat(sample.field("stratum")).isEqualTo(8L);
      assertThat((Double) sample.field("offset_ms")).isCloseTo(0.0, within(200.0));
      assertThat((Double) sample.field("response_ms")).isPositive();
    }
  }

  @Test
  void a_server_whose_clock_is_three_seconds_ahead_shows_that_offset() throws Exception {
    try (ChronyServer chrony = ChronyServer.startOffBy(Duration.ofSeconds(3))) {
      Sample sample = checks.run(CheckRun.check("zeit", Kind.NTP, chrony.port()));

      assertThat(sample.field("ok")).as(String.valueOf(sample.field("message"))).isEqualTo(1L);
      assertThat((Double) sample.field("offset_ms")).isCloseTo(3000.0, within(200.0));
    }
  }

  @Test
  void no_answer_fails_the_check_as_timed_out() throws Exception {
    Sample sample = checks.run(CheckRun.check("zeit", Kind.NTP, FreePorts.udp("127.0.0.1")));

    assertThat(sample.field("ok")).isEqualTo(0L);
    assertThat((String) sample.field("message")).contains("timed out");
    assertThat(sample.fields()).doesNotContainKeys("offset_ms", "stratum");
  }
}
