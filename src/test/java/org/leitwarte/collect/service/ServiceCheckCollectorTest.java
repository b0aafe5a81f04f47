package org.leitwarte.collect.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;
import org.leitwarte.testsupport.FreePorts;

/** What a poll of a device's checks yields as a whole: its status, its samples, checks with their own interval. */
class ServiceCheckCollectorTest {

  private static CheckRun checks;
  private static ServerSocket listening;

  @BeforeAll
  static void start() throws Exception {
    checks = new CheckRun();
    listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
  }

  @AfterAll
  static void stop() throws Exception {
    listening.close();
    checks.close();
  }

  @Test
  void a_poll_whose_checks_all_pass_is_ok_and_has_one_sample_per_check_at_the_slot() throws Exception {
    PollResult result = checks.poll(42_000L, CheckRun.check("a", Kind.TCP, listening.getLocalPort()),
        CheckRun.check("b", Kind.TCP, listening.getLocalPort()));

    assertThat(result).isInstanceOf(PollResult.Ok.class);
    assertThat(result.samples()).extracting(s -> s.tag("check")).containsExactly("a", "b");
    assertThat(result.samples()).extracting(Sample::timestampMillis).containsOnly(42_000L);
    assertThat(result.samples()).allSatisfy(s -> assertThat(s.tags()).containsKeys("tenant", "site", "device", "kind", "target"));
  }

  @Test
  void a_failed_check_makes_the_poll_an_error_naming_it_and_the_others_still_write_their_samples() throws Exception {
    PollResult result = checks.poll(42_000L, CheckRun.check("offen", Kind.TCP, listening.getLocalPort()),
        CheckRun.check("zu", Kind.TCP, FreePorts.tcp()));

    assertThat(result).isInstanceOf(PollResult.Error.class);
    assertThat(((PollResult.Error) result).reason()).startsWith("check 'zu': connection refused");
    assertThat(result.samples()).extracting(s -> s.field("ok")).containsExactly(1L, 0L);
  }

  @Test
  void a_check_with_a_longer_interval_than_its_device_runs_only_when_that_interval_has_passed() throws Exception {
    ServiceCheck hourly = new ServiceCheck("selten", Kind.TCP, listening.getLocalPort(), Tls.NONE, true, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(Duration.ofMinutes(5)));
    ServiceCheck always = CheckRun.check("immer", Kind.TCP, listening.getLocalPort());
    List<String> ran = new ArrayList<>();
    long start = 7_000_000L;
    for (int minute = 0; minute <= 10; minute++) {
      for (Sample sample : checks.poll(start + minute * 60_000L, hourly, always).samples()) {
        ran.add(minute + ":" + sample.tag("check"));
      }
    }

    assertThat(ran).filteredOn(r -> r.endsWith(":selten")).containsExactly("0:selten", "5:selten", "10:selten");
    assertThat(ran).filteredOn(r -> r.endsWith(":immer")).hasSize(11);
  }

  @Test
  void blocking_checks_never_run_more_at_once_than_configured_and_one_left_waiting_too_long_is_given_up() throws Exception {
    Vertx vertx = Vertx.vertx();
    ServiceCheckCollector single = new ServiceCheckCollector(vertx,
        new LeitwarteConfig.ServiceChecks(1, Duration.ofMillis(500)), Clock.systemUTC());
    try (SilentServer silent = SilentServer.silent()) {
      ServiceCheck[] five = new ServiceCheck[5];
      for (int i = 0; i < five.length; i++) {
        five[i] = CheckRun.check("mail" + i, Kind.SMTP, silent.port());
      }
      PollResult result = single.poll(CheckRun.device(five), 42_000L).toCompletionStage().toCompletableFuture()
          .get(30, TimeUnit.SECONDS);

      // One thread: each connection is opened only after the previous check waited out its 500 ms.
      List<Long> accepted = silent.acceptedAt();
      assertThat(accepted).hasSizeBetween(2, 4);
      for (int i = 1; i < accepted.size(); i++) {
        assertThat((accepted.get(i) - accepted.get(i - 1)) / 1_000_000).as("gap before connection %d", i).isGreaterThanOrEqualTo(450);
      }
      List<String> messages = result.samples().stream().map(sample -> (String) sample.field("message")).toList();
      assertThat(messages).allMatch(m -> m.contains("timed out") || m.startsWith("not run: all 1 service check threads were busy"));
      assertThat(messages.get(0)).contains("timed out");
      assertThat(messages.get(4)).startsWith("not run");
    } finally {
      single.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }
}
