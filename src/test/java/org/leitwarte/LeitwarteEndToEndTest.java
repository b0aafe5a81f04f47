package org.leitwarte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.testsupport.SnmpdServer;
import org.leitwarte.testsupport.SnmpsimServer;

/**
 * The whole service against real daemons: snmpsim playing a Cisco switch and a Linux host, net-snmp's
 * snmpd with a v3 user, loopback hosts for fping, InfluxDB, and an H2 store — configured through YAML
 * files, as an administrator would.
 */
class LeitwarteEndToEndTest {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static InfluxDbServer influx;
  private static SnmpdServer snmpd;
  private static SnmpsimServer snmpsim;

  @TempDir Path dir;

  @BeforeAll
  static void startDaemons() {
    influx = InfluxDbServer.start();
    snmpd = SnmpdServer.start();
    snmpsim = SnmpsimServer.start();
  }

  @AfterAll
  static void stopDaemons() {
    for (AutoCloseable daemon : new AutoCloseable[] {snmpsim, snmpd, influx}) {
      try {
        if (daemon != null) {
          daemon.close();
        }
      } catch (Exception e) {
        // Keep stopping the others.
      }
    }
  }

  @Test
  void within_two_intervals_influxdb_holds_every_measurement_for_every_device() throws Exception {
    Path config = writeConfig("e2e", "2s", fullInventory());
    Vertx vertx = Vertx.vertx();
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
    try {
      Eventually.until("two polls of every device in InfluxDB", Duration.ofSeconds(20),
          () -> count("e2e", "SELECT count(reachable) FROM snmp WHERE device = 'hbs-server'") >= 2
              && count("e2e", "SELECT count(loss_pct) FROM icmp WHERE device = 'hbs-printer'") >= 2
              && count("e2e", "SELECT count(in_bps) FROM interface WHERE device = 'wr-router'") >= 50);

      assertThat(devicesWith("snmp", "reachable")).containsExactlyInAnyOrder("wr-router", "wr-app1", "hbs-server");
      assertThat(devicesWith("icmp", "loss_pct")).containsExactlyInAnyOrder("wr-router", "wr-app1", "hbs-server", "hbs-printer");
      assertThat(devicesWith("interface", "oper_status")).contains("wr-router", "wr-app1", "hbs-server");
      assertThat(devicesWith("storage", "used_pct")).contains("wr-app1", "hbs-server");
      assertThat(devicesWith("cpu", "load_pct")).contains("hbs-server");
      assertThat(devicesWith("load", "load1")).contains("wr-app1", "hbs-server");

      List<Map<String, Object>> interfaces = influx.query("e2e",
          "SELECT last(oper_status) FROM interface WHERE device = 'wr-router' GROUP BY if_index");
      assertThat(interfaces).hasSize(SnmpsimServer.CISCO_INTERFACES);

      // The v3 server behind the router inherits the router's site; every point carries tenant and site.
      assertThat(influx.query("e2e", "SELECT last(reachable) FROM snmp WHERE device = 'wr-app1' GROUP BY site, tenant"))
          .singleElement()
          .satisfies(row -> {
            assertThat(row).containsEntry("site", "wr-rathaus").containsEntry("tenant", "wernigerode").containsEntry("last", 1L);
          });
      assertThat(influx.query("e2e", "SELECT max(loss_pct) FROM icmp")).singleElement()
          .satisfies(row -> assertThat(((Number) row.get("max")).doubleValue()).isZero());

      // The recording's counters grow by 1,000,000 octets per second: 8 Mbit/s on every interface
      // that has them, computed by Leitwarte from two polls.
      List<Map<String, Object>> rates = influx.query("e2e",
          "SELECT last(in_bps) FROM interface WHERE device = 'wr-router' AND if_name = 'Fa3/0/1'");
      assertThat(((Number) rates.get(0).get("last")).doubleValue())
          .isCloseTo(8.0 * SnmpsimServer.IN_OCTETS_PER_SECOND, within(0.1 * 8 * SnmpsimServer.IN_OCTETS_PER_SECOND));

      // Every field written has the name and type the schema (the contract of rules and dashboards) says.
      Eventually.until("Leitwarte's own sample", Duration.ofSeconds(20),
          () -> count("e2e", "SELECT count(influx_up) FROM leitwarte WHERE tenant = '_system'") >= 1);
      List<String> measurements = influx.query("e2e", "SHOW MEASUREMENTS").stream()
          .map(row -> (String) row.get("name")).toList();
      assertThat(measurements).containsExactlyInAnyOrder("icmp", "snmp", "interface", "cpu", "storage", "load", "leitwarte");
      for (String measurement : measurements) {
        Schema.Measurement declared = Schema.standard().measurement(measurement).orElseThrow();
        for (Map<String, Object> row : influx.query("e2e", "SHOW FIELD KEYS FROM " + measurement)) {
          String field = (String) row.get("fieldKey");
          assertThat(declared.fields()).as("%s.%s", measurement, field).containsKey(field);
          assertThat(declared.fields().get(field).name().toLowerCase(java.util.Locale.ROOT))
              .as("type of %s.%s", measurement, field).isEqualTo(row.get("fieldType"));
        }
      }

      HttpResponse<String> health = get(leitwarte, "/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"status\" : \"UP\"", "\"devices\" : 4", "\"devices_unreachable\" : 0");
      HttpResponse<String> metrics = get(leitwarte, "/metrics");
      assertThat(metrics.body())
          .contains("leitwarte_polls_total{collector=\"snmp\",status=\"ok\"}")
          .contains("leitwarte_polls_total{collector=\"icmp\",status=\"ok\"}")
          .contains("leitwarte_lines_written_total")
          .contains("leitwarte_spool_lines");
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  @Test
  void a_device_that_does_not_answer_is_recorded_as_unreachable_and_the_others_go_on() throws Exception {
    String inventory = """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-gone
            tenant: wernigerode
            address: 127.0.0.1
            snmp: {version: 2c, community: public, port: %d, timeout: 300ms, retries: 0}
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            snmp: {version: 2c, community: %s, port: %d}
        """.formatted(FreePorts.udp("127.0.0.1"), SnmpdServer.COMMUNITY, snmpd.port());
    Path config = writeConfig("gone", "1s", inventory);
    Vertx vertx = Vertx.vertx();
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
    try {
      Eventually.until("three polls of both devices", Duration.ofSeconds(15),
          () -> count("gone", "SELECT count(reachable) FROM snmp WHERE device = 'wr-gone'") >= 3
              && count("gone", "SELECT count(reachable) FROM snmp WHERE device = 'wr-app1'") >= 3);
      assertThat(influx.query("gone", "SELECT max(reachable), last(status) FROM snmp WHERE device = 'wr-gone'"))
          .singleElement()
          .satisfies(row -> assertThat(row).containsEntry("max", 0L).containsEntry("last", "timeout"));
      assertThat(influx.query("gone", "SELECT min(reachable) FROM snmp WHERE device = 'wr-app1'"))
          .singleElement()
          .satisfies(row -> assertThat(row).containsEntry("min", 1L));
      assertThat(leitwarte.deviceStates().unreachable()).isEqualTo(1);
      assertThat(get(leitwarte, "/health").body()).contains("\"devices_unreachable\" : 1");
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  private String fullInventory() throws IOException {
    Path auth = Files.writeString(dir.resolve("wr-app1.auth"), SnmpdServer.MONUSER.authPassword());
    Path priv = Files.writeString(dir.resolve("wr-app1.priv"), SnmpdServer.MONUSER.privPassword());
    return """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
          - {id: halberstadt, name: Stadt Halberstadt}
        sites:
          - {id: wr-rathaus, tenant: wernigerode, name: Rathaus, uplink: wr-router}
          - {id: hbs-rathaus, tenant: halberstadt, name: Rathaus}
        devices:
          - id: wr-router
            tenant: wernigerode
            site: wr-rathaus
            address: %1$s
            snmp: {version: 2c, community: %2$s, port: %3$d, timeout: 2s}
            icmp: true
            labels: {role: router}
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            parent: wr-router
            snmp: {version: 3, port: %4$d, user: %5$s, auth: SHA-256, auth_password: "${file:%6$s}", priv: AES-256, priv_password: "${file:%7$s}"}
            icmp: true
          - id: hbs-server
            tenant: halberstadt
            site: hbs-rathaus
            address: %1$s
            snmp: {version: 2c, community: %8$s, port: %3$d, timeout: 2s}
            icmp: true
          - id: hbs-printer
            tenant: halberstadt
            site: hbs-rathaus
            address: 127.0.0.9
            icmp: true
        """.formatted(snmpsim.host(), snmpsim.community(), snmpsim.port(), snmpd.port(), SnmpdServer.MONUSER.name(),
        auth, priv, SnmpsimServer.LINUX_COMMUNITY);
  }

  private Path writeConfig(String database, String interval, String inventory) throws IOException {
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: %s}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        polling:
          interval: %s
          snmp: {source_address: 127.0.0.1}
        icmp: {count: 2, period: 20ms, timeout: 500ms}
        """.formatted(FreePorts.tcp(), influx.url(), database, interval));
    Files.writeString(dir.resolve("inventory.yaml"), inventory);
    return config;
  }

  static LeitwarteConfig loadConfig(Path file) throws Exception {
    return ConfigLoader.load(file, System.getenv());
  }

  static Inventory loadInventory(Path file) throws Exception {
    LeitwarteConfig config = loadConfig(file);
    return InventoryLoader.load(config.inventory(), config.polling(), System.getenv());
  }

  private static List<String> devicesWith(String measurement, String field) {
    return influx.query("e2e", "SELECT count(" + field + ") FROM " + measurement + " GROUP BY device").stream()
        .map(row -> (String) row.get("device"))
        .toList();
  }

  private static long count(String database, String query) {
    List<Map<String, Object>> rows = influx.query(database, query);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  private static HttpResponse<String> get(Leitwarte leitwarte, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + leitwarte.httpPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
