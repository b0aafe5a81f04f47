package org.leitwarte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.LeitwarteEndToEndTest.await;
import static org.leitwarte.LeitwarteEndToEndTest.loadConfig;
import static org.leitwarte.LeitwarteEndToEndTest.loadInventory;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.testsupport.SnmpdServer;

/**
 * Alerts on the live stream, kept across restarts: a device whose SNMP agent refuses our community
 * raises an alert; Leitwarte restarted while it fires neither pages again nor forgets it; once the
 * inventory has the right community, the same alert resolves.
 */
class AlertingEndToEndTest {

  private static InfluxDbServer influx;
  private static SnmpdServer snmpd;

  @TempDir Path dir;

  @BeforeAll
  static void startDaemons() {
    influx = InfluxDbServer.start();
    snmpd = SnmpdServer.start();
  }

  @AfterAll
  static void stopDaemons() {
    snmpd.close();
    influx.close();
  }

  @Test
  void a_firing_alert_survives_a_restart_without_paging_twice_and_resolves_afterwards() throws Exception {
    Path config = writeConfig("wrong-community");
    List<AlertChange> first = new CopyOnWriteArrayList<>();
    Vertx vertx = Vertx.vertx();
    vertx.eventBus().<AlertChange>localConsumer(EventAddresses.ALERTS, m -> first.add(m.body()));
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
    String alertId;
    try {
      Eventually.until("the alert notifies", Duration.ofSeconds(20), () -> first.stream().anyMatch(AlertChange::startsNotifying));
      alertId = first.stream().filter(AlertChange::startsNotifying).findFirst().orElseThrow().alert().id();
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }

    // Same configuration: the alert carries on, nobody is paged again.
    List<AlertChange> second = new CopyOnWriteArrayList<>();
    vertx = Vertx.vertx();
    vertx.eventBus().<AlertChange>localConsumer(EventAddresses.ALERTS, m -> second.add(m.body()));
    leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
    try {
      Thread.sleep(5_000);
      assertThat(second).noneMatch(AlertChange::startsNotifying);
      assertThat(await(leitwarte.alerts().active())).singleElement()
          .satisfies(alert -> {
            assertThat(alert.id()).isEqualTo(alertId);
            assertThat(alert.state()).isEqualTo(AlertState.FIRING);
          });
      String metrics = java.net.http.HttpClient.newHttpClient().send(
          java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + leitwarte.httpPort() + "/metrics")).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString()).body();
      assertThat(metrics).contains("leitwarte_alerts{state=\"firing\"} 1.0", "leitwarte_alert_samples_total");
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }

    // The community fixed: the alert from before the restarts resolves.
    writeConfig(SnmpdServer.COMMUNITY);
    List<AlertChange> third = new CopyOnWriteArrayList<>();
    vertx = Vertx.vertx();
    vertx.eventBus().<AlertChange>localConsumer(EventAddresses.ALERTS, m -> third.add(m.body()));
    leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
    try {
      Eventually.until("the alert resolves", Duration.ofSeconds(20),
          () -> third.stream().anyMatch(c -> c.alert().id().equals(alertId) && c.alert().state() == AlertState.RESOLVED));
      assertThat(third).noneMatch(AlertChange::startsNotifying);
      assertThat(await(leitwarte.alerts().active())).isEmpty();
      // Every state change is also on the graphs, as alert_event points.
      Eventually.until("alert events pending, firing and resolved in InfluxDB", Duration.ofSeconds(10),
          () -> influx.query("alerting", "SHOW TAG VALUES FROM alert_event WITH KEY = state").stream()
              .map(row -> row.get("value")).toList().containsAll(List.of("pending", "firing", "resolved")));
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  private Path writeConfig(String community) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("test.yaml"), """
        rules:
          - name: snmp_silent
            measurement: snmp
            condition: status != "ok"
            for: 2s
            severity: critical
            annotations:
              summary: "{{labels.device}} antwortet nicht per SNMP"
        """);
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            snmp: {version: 2c, community: %s, port: %d, timeout: 300ms, retries: 0}
        """.formatted(community, snmpd.port()));
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: alerting}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        rules: rules
        polling:
          interval: 1s
          snmp: {source_address: 127.0.0.1}
        """.formatted(FreePorts.tcp(), influx.url()));
    return config;
  }
}
