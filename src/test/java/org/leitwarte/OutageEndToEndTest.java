package org.leitwarte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.LeitwarteEndToEndTest.await;
import static org.leitwarte.LeitwarteEndToEndTest.loadConfig;
import static org.leitwarte.LeitwarteEndToEndTest.loadInventory;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;

/**
 * The promise of the spool, as the issue states it: InfluxDB away for two minutes, Leitwarte
 * restarted in the middle of the outage, and afterwards every device's {@code icmp} series has a
 * point for every interval — no gap, no duplicate.
 */
class OutageEndToEndTest {

  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final Duration OUTAGE = Duration.ofMinutes(2);
  private static final List<String> DEVICES = List.of("ping-1", "ping-2", "ping-3", "ping-4");

  @TempDir Path dir;

  @Test
  void an_influxdb_outage_with_a_restart_of_leitwarte_leaves_no_gap_and_no_duplicate() throws Exception {
    try (InfluxDbServer influx = InfluxDbServer.start()) {
      Path config = writeConfig(influx);
      Instant outageStarts;

      Vertx first = Vertx.vertx();
      Leitwarte before = await(Leitwarte.start(first, loadConfig(config), loadInventory(config)));
      try {
        Eventually.until("two points per device before the outage", Duration.ofSeconds(30),
            () -> DEVICES.stream().allMatch(d -> timestamps(influx, d).size() >= 2));
        influx.stop();
        outageStarts = Instant.now();
        Eventually.until("lines waiting in the spool", OUTAGE,
            () -> before.writerStatus().spoolLines() > 0);
        sleepUntil(outageStarts.plus(OUTAGE.dividedBy(2)));
      } finally {
        await(before.stop());
        await(first.close());
      }

      Vertx second = Vertx.vertx();
      Leitwarte after = await(Leitwarte.start(second, loadConfig(config), loadInventory(config)));
      try {
        sleepUntil(outageStarts.plus(OUTAGE));
        influx.restart();
        Eventually.until("the spool drained into InfluxDB", Duration.ofSeconds(60),
            () -> after.writerStatus().influxUp() && after.writerStatus().spoolLines() == 0);
        Instant settled = Instant.now();
        Eventually.until("two more intervals written directly", Duration.ofSeconds(30),
            () -> DEVICES.stream().allMatch(d -> timestamps(influx, d).stream().filter(t -> t.isAfter(settled)).count() >= 2));
      } finally {
        await(after.stop());
        await(second.close());
      }

      long expectedAtLeast = OUTAGE.dividedBy(INTERVAL) + 4;
      for (String device : DEVICES) {
        List<Instant> times = timestamps(influx, device);
        assertThat(times).as("points of %s", device).hasSizeGreaterThanOrEqualTo((int) expectedAtLeast);
        List<Duration> steps = new ArrayList<>();
        for (int i = 1; i < times.size(); i++) {
          steps.add(Duration.between(times.get(i - 1), times.get(i)));
        }
        assertThat(steps).as("time between consecutive points of %s", device).containsOnly(INTERVAL);
      }
    }
  }

  private Path writeConfig(InfluxDbServer influx) throws Exception {
    StringBuilder inventory = new StringBuilder("tenants:\n  - {id: wernigerode, name: Stadt Wernigerode}\ndevices:\n");
    for (int i = 0; i < DEVICES.size(); i++) {
      inventory.append("  - {id: ").append(DEVICES.get(i)).append(", tenant: wernigerode, address: 127.0.0.")
          .append(i + 1).append(", icmp: true}\n");
    }
    Files.writeString(dir.resolve("inventory.yaml"), inventory);
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: outage}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        polling: {interval: %ds}
        icmp: {count: 2, period: 20ms, timeout: 500ms}
        """.formatted(FreePorts.tcp(), influx.url(), INTERVAL.toSeconds()));
    return config;
  }

  private static List<Instant> timestamps(InfluxDbServer influx, String device) {
    if (!influx.isRunning()) {
      return List.of();
    }
    try {
      List<Map<String, Object>> rows = influx.query("outage",
          "SELECT loss_pct FROM icmp WHERE device = '" + device + "' ORDER BY time");
      return rows.stream().map(row -> Instant.parse((String) row.get("time"))).toList();
    } catch (IllegalStateException notYetCreated) {
      return List.of();
    }
  }

  private static void sleepUntil(Instant instant) throws InterruptedException {
    long millis = Duration.between(Instant.now(), instant).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }
}
