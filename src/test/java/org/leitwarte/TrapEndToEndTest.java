package org.leitwarte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.LeitwarteEndToEndTest.await;
import static org.leitwarte.LeitwarteEndToEndTest.loadConfig;
import static org.leitwarte.LeitwarteEndToEndTest.loadInventory;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.testsupport.AdminToken;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;

/**
 * Traps end to end with real parts: Leitwarte with the shipped interface rules, a real InfluxDB, a switch
 * in the inventory at 127.0.0.1, and net-snmp's {@code snmptrap} sending linkDown and linkUp as v2c and v3
 * authPriv. The linkDown raises the interface alert within a second of the trap, the linkUp resolves it,
 * the events are listed through the API and written to InfluxDB, and a trap from an address not in the
 * inventory is listed for the staff without raising anything.
 */
class TrapEndToEndTest {

  private static final String LINK_DOWN = "1.3.6.1.6.3.1.1.5.3";
  private static final String LINK_UP = "1.3.6.1.6.3.1.1.5.4";
  private static final String RULE = "interface_link_down_trap";

  private static InfluxDbServer influx;

  @TempDir Path dir;
  private int trapPort;
  private String token;

  @BeforeAll
  static void startInflux() {
    influx = InfluxDbServer.start();
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @Test
  void link_down_traps_v2c_and_v3_raise_the_interface_alert_within_a_second_and_link_up_resolves_it() throws Exception {
    Path config = writeConfig();
    token = AdminToken.create(loadConfig(config).store());
    Vertx vertx = Vertx.vertx();
    List<AlertChange> changes = new CopyOnWriteArrayList<>();
    List<Instant> heard = new CopyOnWriteArrayList<>();
    vertx.eventBus().<AlertChange>localConsumer(EventAddresses.ALERTS, message -> {
      changes.add(message.body());
      heard.add(Instant.now());
    });
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config)));
    try {
      // v2c linkDown of ifIndex 3.
      send(List.of("snmptrap", "-v2c", "-c", "trapcomm", target(), "", LINK_DOWN,
          "1.3.6.1.2.1.2.2.1.1.3", "i", "3", "1.3.6.1.2.1.2.2.1.7.3", "i", "1", "1.3.6.1.2.1.2.2.1.8.3", "i", "2"), List.of());
      AlertChange firing = awaitChange(changes, "3", AlertState.FIRING);
      assertThat(firing.alert().labels()).containsEntry("tenant", "wernigerode").containsEntry("device", "wr-sw1")
          .containsEntry("if_index", "3").containsEntry("alertname", RULE);
      JsonObject down = onlyEvent(leitwarte, "3", "linkDown");
      assertThat(down.getString("version")).isEqualTo("2c");
      assertWithinASecond(down, heard.get(changes.indexOf(firing)));

      // v3 authPriv linkUp of the same interface resolves it; a v3 linkDown of ifIndex 4 raises another.
      send(v3("trapuser", LINK_UP, 3, "1"), List.of());
      awaitChange(changes, "3", AlertState.RESOLVED);
      send(v3("trapuser", LINK_DOWN, 4, "2"), List.of());
      AlertChange v3Firing = awaitChange(changes, "4", AlertState.FIRING);
      JsonObject v3Down = onlyEvent(leitwarte, "4", "linkDown");
      assertThat(v3Down.getString("version")).isEqualTo("3");
      assertWithinASecond(v3Down, heard.get(changes.indexOf(v3Firing)));
      assertThat(await(leitwarte.alerts().active())).singleElement()
          .satisfies(alert -> assertThat(alert.labels()).containsEntry("if_index", "4"));

      // A trap from an address not in the inventory: listed for the staff, raises nothing.
      send(List.of("snmptrap", "-v2c", "-c", "trapcomm", target(), "", LINK_DOWN, "1.3.6.1.2.1.2.2.1.1.1", "i", "1"),
          List.of("--clientaddr=127.0.0.2"));
      Eventually.until("the unknown source listed", Duration.ofSeconds(10), () ->
          get(leitwarte, "/api/v1/events/unknown-sources").body().contains("\"device\":\"127.0.0.2\""));
      assertThat(await(leitwarte.alerts().active())).hasSize(1);

      // The same events as points in InfluxDB, and counted.
      Eventually.until("three snmp_trap points of wr-sw1 and one of 127.0.0.2 in InfluxDB", Duration.ofSeconds(10), () ->
          influx.query("traps", "SELECT count(trap) FROM snmp_trap GROUP BY device").stream()
              .map(row -> row.get("device") + "=" + ((Number) row.get("count")).intValue()).toList()
              .containsAll(List.of("wr-sw1=3", "127.0.0.2=1")));
      String metrics = get(leitwarte, "/metrics").body();
      assertThat(metrics).contains("leitwarte_traps_total{outcome=\"accepted\"} 3.0", "leitwarte_traps_total{outcome=\"unknown_source\"} 1.0");
      assertThat(get(leitwarte, "/health").body()).contains("\"traps\"", "\"accepted\" : 3");
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  private static AlertChange awaitChange(List<AlertChange> changes, String ifIndex, AlertState state) {
    Eventually.until(RULE + " " + state.label() + " for ifIndex " + ifIndex, Duration.ofSeconds(10), () -> changes.stream()
        .anyMatch(change -> matches(change, ifIndex, state)));
    return changes.stream().filter(change -> matches(change, ifIndex, state)).findFirst().orElseThrow();
  }

  private static boolean matches(AlertChange change, String ifIndex, AlertState state) {
    return change.alert().rule().equals(RULE) && ifIndex.equals(change.alert().labels().get("if_index"))
        && change.alert().state() == state;
  }

  /** The alert was heard on the bus less than a second after Leitwarte received the trap. */
  private static void assertWithinASecond(JsonObject event, Instant heard) {
    Instant received = Instant.parse(event.getString("at"));
    assertThat(Duration.between(received, heard)).isLessThan(Duration.ofSeconds(1));
  }

  private JsonObject onlyEvent(Leitwarte leitwarte, String ifIndex, String trap) {
    List<JsonObject> found = new ArrayList<>();
    Eventually.until("the " + trap + " event of ifIndex " + ifIndex + " listed", Duration.ofSeconds(10), () -> {
      found.clear();
      JsonArray events = new JsonObject(get(leitwarte, "/api/v1/devices/wr-sw1/events").body()).getJsonArray("events");
      events.stream().map(JsonObject.class::cast)
          .filter(event -> ifIndex.equals(event.getString("if_index")) && trap.equals(event.getString("trap")))
          .forEach(found::add);
      return found.size() == 1;
    });
    return found.get(0);
  }

  private List<String> v3(String user, String trapOid, int ifIndex, String operStatus) {
    return List.of("snmptrap", "-v3", "-e", "0x8000000001020304", "-l", "authPriv", "-u", user, "-a", "SHA-256",
        "-A", "authpass123", "-x", "AES", "-X", "privpass123", target(), "", trapOid,
        "1.3.6.1.2.1.2.2.1.1." + ifIndex, "i", Integer.toString(ifIndex),
        "1.3.6.1.2.1.2.2.1.7." + ifIndex, "i", "1", "1.3.6.1.2.1.2.2.1.8." + ifIndex, "i", operStatus);
  }

  private String target() {
    return "udp:127.0.0.1:" + trapPort;
  }

  /** Runs snmptrap (Debian package snmp) with its own configuration; fails the test when it does not exit 0 within 15 s. */
  private void send(List<String> command, List<String> options) throws Exception {
    Path netSnmp = Files.createDirectories(dir.resolve("net-snmp"));
    Files.writeString(netSnmp.resolve("snmp.conf"), "mibs :\n");
    List<String> full = new ArrayList<>(List.of(command.get(0)));
    full.addAll(options);
    full.addAll(command.subList(1, command.size()));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(Map.of("SNMPCONFPATH", netSnmp.toString(), "SNMP_PERSISTENT_DIR", netSnmp.toString(), "MIBS", ""));
    Process process = builder.start();
    process.getOutputStream().close();
    if (!process.waitFor(15, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      throw new AssertionError("timed out: " + full);
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
  }

  private HttpResponse<String> get(Leitwarte leitwarte, String path) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + leitwarte.httpPort() + path))
          .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError("GET " + path + " failed", e);
    }
  }

  private Path writeConfig() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    // The shipped interface rules, as they are.
    Files.copy(Path.of("alert-rules", "interfaces.yaml"), rules.resolve("interfaces.yaml"));
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        sites:
          - {id: wr-rathaus, tenant: wernigerode, name: Rathaus}
        devices:
          - {id: wr-sw1, tenant: wernigerode, site: wr-rathaus, address: 127.0.0.1, icmp: true, labels: {role: switch}}
        """);
    trapPort = FreePorts.udp("127.0.0.1");
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: traps}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        rules: rules
        traps:
          address: 127.0.0.1
          port: %d
          communities: [trapcomm]
          users:
            - {user: trapuser, auth: SHA-256, auth_password: authpass123, priv: AES, priv_password: privpass123}
        """.formatted(FreePorts.tcp(), influx.url(), trapPort));
    return config;
  }
}
