package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.testsupport.NftTable;
import org.slf4j.LoggerFactory;

/** Against the real fping 5.1 of this machine, on loopback addresses only. */
@ExtendWith(VertxExtension.class)
@SuppressWarnings("try") // an NftTable acts by existing; the try block only bounds its life
class IcmpCollectorTest {

  private static final long SLOT = 1_700_000_000_000L;

  private IcmpCollector collector;
  private final AtomicInteger completedOffContext = new AtomicInteger();

  private static LeitwarteConfig.Icmp icmp(Path fping, int count, int batchSize) {
    return new LeitwarteConfig.Icmp(fping, count, Duration.ofMillis(20), Duration.ofMillis(200), Duration.ofMillis(1),
        batchSize);
  }

  private static Device device(String id, String address) {
    return new Device(id, "kommune-a", "rathaus", address, Optional.empty(), true, Duration.ofMinutes(1),
        Optional.empty(), Map.of(), List.of(), "inventory.yaml:" + id.hashCode());
  }

  private IcmpCollector start(Vertx vertx, LeitwarteConfig.Icmp config) throws Exception {
    collector = IcmpCollector.create(vertx, config, new IcmpCollector.Batching(Duration.ofMillis(500), 4))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    return collector;
  }

  @AfterEach
  void closeCollector() throws Exception {
    if (collector != null) {
      collector.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    assertThat(completedOffContext).as("poll futures completed on another context than the caller's").hasValue(0);
  }

  /**
   * Polls all devices at once, as the scheduler does when their slots coincide: alternately from two
   * Vert.x contexts, so that one batch serves callers on different contexts.
   */
  private List<PollResult> pollAll(Vertx vertx, List<Device> devices) throws Exception {
    List<Context> contexts = List.of(vertx.getOrCreateContext(), vertx.getOrCreateContext());
    assertThat(contexts.get(0)).isNotSameAs(contexts.get(1));
    List<CompletableFuture<PollResult>> results = devices.stream().map(d -> new CompletableFuture<PollResult>()).toList();
    for (int c = 0; c < contexts.size(); c++) {
      Context context = contexts.get(c);
      int first = c;
      context.runOnContext(v -> {
        for (int i = first; i < devices.size(); i += contexts.size()) {
          CompletableFuture<PollResult> result = results.get(i);
          collector.poll(devices.get(i), SLOT).onComplete(ar -> {
            if (Vertx.currentContext() != context) {
              completedOffContext.incrementAndGet();
            }
            if (ar.succeeded()) {
              result.complete(ar.result());
            } else {
              result.completeExceptionally(ar.cause());
            }
          });
        }
      });
    }
    CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    return results.stream().map(CompletableFuture::join).toList();
  }

  private static Sample onlySample(PollResult result) {
    assertThat(result).isInstanceOf(PollResult.Ok.class);
    assertThat(result.samples()).hasSize(1);
    return result.samples().get(0);
  }

  @Test
  void twenty_loopback_addresses_answer_through_one_fping_process(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 3, 50));
    List<Device> devices = IntStream.rangeClosed(1, 20).mapToObj(i -> device("host" + i, "127.0.0." + i)).toList();

    List<PollResult> results = pollAll(vertx, devices);

    for (int i = 0; i < devices.size(); i++) {
      Sample sample = onlySample(results.get(i));
      assertThat(sample.measurement()).isEqualTo("icmp");
      assertThat(sample.tags()).containsExactlyInAnyOrderEntriesOf(
          Map.of("tenant", "kommune-a", "site", "rathaus", "device", devices.get(i).id()));
      assertThat(sample.timestampMillis()).isEqualTo(SLOT);
      assertThat(sample.fields()).containsEntry("sent", 3L).containsEntry("received", 3L)
          .containsEntry("loss_pct", 0.0)
          .containsKeys("rtt_min_ms", "rtt_avg_ms", "rtt_max_ms", "jitter_ms");
      assertThat((Double) sample.field("rtt_min_ms")).isLessThanOrEqualTo((Double) sample.field("rtt_max_ms"));
    }
    assertThat(collector.stats().processesStarted()).isEqualTo(1);
    assertThat(collector.stats().largestBatch()).isEqualTo(20);
  }

  @Test
  void a_full_batch_leaves_at_once_and_the_rest_follow_in_further_processes(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 1, 8));
    List<Device> devices = IntStream.rangeClosed(1, 20).mapToObj(i -> device("host" + i, "127.0.1." + i)).toList();

    List<PollResult> results = pollAll(vertx, devices);

    assertThat(results).allSatisfy(result -> assertThat(onlySample(result).field("received")).isEqualTo(1L));
    assertThat(collector.stats().processesStarted()).isEqualTo(3); // 8 + 8 + 4
    assertThat(collector.stats().largestBatch()).isEqualTo(8);
  }

  @Test
  void no_more_fping_processes_run_at_once_than_allowed(Vertx vertx) throws Exception {
    LeitwarteConfig.Icmp oneHostPerProcess = new LeitwarteConfig.Icmp(Path.of("fping"), 3, Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofMillis(1), 1);
    collector = IcmpCollector.create(vertx, oneHostPerProcess, new IcmpCollector.Batching(Duration.ofMillis(500), 2))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    List<Device> devices = IntStream.rangeClosed(1, 6).mapToObj(i -> device("host" + i, "127.0.2." + i)).toList();

    List<PollResult> results = pollAll(vertx, devices);

    assertThat(results).allSatisfy(result -> assertThat(onlySample(result).field("received")).isEqualTo(3L));
    assertThat(collector.stats().processesStarted()).isEqualTo(6);
    // Six processes of about 200 ms each, handed over at the same instant: two run side by side, never more.
    assertThat(collector.stats().peakProcessesRunning()).isEqualTo(2);
  }

  @Test
  void devices_sharing_an_address_share_one_fping_target(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 2, 50));
    List<Device> devices = List.of(device("firewall", "127.0.0.5"), device("firewall-vip", "127.0.0.5"),
        device("v6-short", "::1"), device("v6-long", "0:0:0:0:0:0:0:1"));

    List<PollResult> results = pollAll(vertx, devices);

    for (int i = 0; i < devices.size(); i++) {
      Sample sample = onlySample(results.get(i));
      assertThat(sample.tag("device")).isEqualTo(devices.get(i).id());
      assertThat(sample.field("received")).isEqualTo(2L);
    }
    assertThat(collector.stats().targetsPinged()).isEqualTo(2);
    assertThat(collector.stats().processesStarted()).isEqualTo(1);
  }

  @Test
  void ipv6_loopback_answers_in_the_same_process_as_ipv4(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 3, 50));

    List<PollResult> results = pollAll(vertx, List.of(device("v6", "::1"), device("v4", "127.0.0.1")));

    assertThat(results).allSatisfy(result -> assertThat(onlySample(result).fields())
        .containsEntry("loss_pct", 0.0).containsKey("rtt_avg_ms"));
    assertThat(collector.stats().processesStarted()).isEqualTo(1);
  }

  @Test
  void a_host_that_answers_nothing_has_full_loss_and_no_latency(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 3, 50));
    try (NftTable table = NftTable.onOutput("ip daddr 127.0.77.1 icmp type echo-request drop")) {
      List<PollResult> results = pollAll(vertx, List.of(device("dead", "127.0.77.1"), device("alive", "127.0.77.9")));

      assertThat(onlySample(results.get(0)).fields()).containsOnly(
          Map.entry("sent", 3L), Map.entry("received", 0L), Map.entry("loss_pct", 100.0));
      assertThat(onlySample(results.get(1)).fields()).containsEntry("loss_pct", 0.0).containsKey("rtt_avg_ms");
    }
  }

  @Test
  void reachability_is_logged_when_it_changes_not_on_every_poll(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 1, 50));
    Logger logger = (Logger) LoggerFactory.getLogger(IcmpCollector.class);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    logger.addAppender(log);
    try {
      Device router = device("router", "127.0.77.3");
      pollAll(vertx, List.of(router));
      try (NftTable table = NftTable.onOutput("ip daddr 127.0.77.3 icmp type echo-request drop")) {
        for (int i = 0; i < 3; i++) {
          assertThat(onlySample(pollAll(vertx, List.of(router)).get(0)).field("received")).isEqualTo(0L);
        }
      }
      pollAll(vertx, List.of(router));
      pollAll(vertx, List.of(router));
    } finally {
      logger.detachAppender(log);
    }

    assertThat(log.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO))
        .extracting(ILoggingEvent::getFormattedMessage)
        .containsExactly(
            "device router (127.0.77.3) does not answer ICMP echo: 1 requests, no reply",
            "device router (127.0.77.3) answers ICMP echo again: 1 of 1 replies");
  }

  @Test
  void every_second_request_dropped_gives_exactly_half_loss(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 4, 50));
    // numgen inc counts the packets this rule sees; four requests to one address are dropped at 0 and 2.
    try (NftTable table = NftTable.onOutput("ip daddr 127.0.77.2 icmp type echo-request numgen inc mod 2 == 0 drop")) {
      Sample sample = onlySample(pollAll(vertx, List.of(device("flaky", "127.0.77.2"))).get(0));

      assertThat(sample.fields()).containsEntry("sent", 4L).containsEntry("received", 2L)
          .containsEntry("loss_pct", 50.0).containsKeys("rtt_min_ms", "jitter_ms");
    }
  }

  @Test
  void an_address_fping_cannot_ping_fails_alone_and_the_rest_of_the_batch_is_answered(Vertx vertx) throws Exception {
    start(vertx, icmp(Path.of("fping"), 2, 50));
    List<Device> devices = List.of(device("ok-1", "127.0.0.1"), device("typo", "999.1.1.1"),
        device("no-such-zone", "fe80::1%nosuchif"), device("ok-2", "127.0.0.2"));

    List<PollResult> results = pollAll(vertx, devices);

    assertThat(onlySample(results.get(0)).field("received")).isEqualTo(2L);
    assertThat(results.get(1)).isInstanceOfSatisfying(PollResult.Error.class, error -> assertThat(error.reason())
        .contains("inventory.yaml").contains("'999.1.1.1' is not a valid IPv4 address"));
    assertThat(results.get(2)).isInstanceOfSatisfying(PollResult.Error.class, error -> assertThat(error.reason())
        .isEqualTo("fping could not ping fe80::1%nosuchif: Name or service not known"));
    assertThat(onlySample(results.get(3)).field("received")).isEqualTo(2L);
    assertThat(collector.stats().processesStarted()).isEqualTo(1);
  }

  @Test
  void a_hung_fping_is_killed_at_its_deadline_and_its_hosts_fail(Vertx vertx, @TempDir Path dir) throws Exception {
    // Behaves like fping for the start-up checks, then hangs instead of pinging.
    Path pidFile = dir.resolve("pid");
    Path script = dir.resolve("fping-that-hangs");
    Files.writeString(script, """
        #!/bin/sh
        if [ "$1" = "-v" ] || [ "$2" = "1" ]; then exec fping "$@"; fi
        echo $$ > %s
        exec sleep 120
        """.formatted(pidFile));
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    start(vertx, icmp(script, 3, 50));

    List<PollResult> results = pollAll(vertx, List.of(device("a", "127.0.0.1"), device("b", "::1")));

    assertThat(results).allSatisfy(result -> assertThat(result).isInstanceOfSatisfying(PollResult.Error.class,
        error -> assertThat(error.reason()).matches("fping did not finish within \\d+ ms and was killed")));
    assertThat(collector.stats().processesKilled()).isEqualTo(1);
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).as("the hung process").isNotEqualTo(Optional.of(true));
  }

  @Test
  void closing_fails_polls_that_wait_for_their_batch(Vertx vertx) throws Exception {
    collector = IcmpCollector.create(vertx, icmp(Path.of("fping"), 1, 50),
            new IcmpCollector.Batching(Duration.ofMinutes(5), 1))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    CompletableFuture<PollResult> waiting = collector.poll(device("late", "127.0.0.1"), SLOT)
        .toCompletionStage().toCompletableFuture();

    collector.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(waiting.get(30, TimeUnit.SECONDS)).isInstanceOfSatisfying(PollResult.Error.class,
        error -> assertThat(error.reason()).contains("closed"));
    assertThat(collector.stats().processesStarted()).isZero();
    collector = null;
  }
}
