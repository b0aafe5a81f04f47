package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/**
 * The status board's routes through the real HTTP server on a real store, with the example inventory:
 * tenants with their worst state and counts, a tenant's sites and devices, the device list and its
 * filters, one device with its alerts, parent and children; never an SNMP secret; another tenant's
 * objects look missing.
 */
class StatusApiTest {

  private static final List<String> DEVICE_FIELDS = List.of("id", "tenant", "site", "address", "labels", "state", "reachable",
      "reachable_since", "reason", "in_maintenance", "alerts_firing", "checks");

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void the_board_shows_each_municipality_its_sites_and_devices_with_their_state(Dialect dialect) throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), dialect)) {
      arrange(server);
      ApiClient api = server.client;

      Answer tenants = api.get("/api/v1/tenants");
      assertThat(tenants.status()).as(tenants.body()).isEqualTo(200);
      assertThat(tenants.array("tenants")).containsExactly(
          tenant("wernigerode", "Stadt Wernigerode", "critical", 3, 1, 1, 0),
          tenant("ilsenburg", "Stadt Ilsenburg", "maintenance", 1, 0, 0, 1),
          tenant("kdo", "Kommunale Datenverarbeitung", "unknown", 2, 0, 0, 0));

      JsonObject wernigerode = api.get("/api/v1/tenants/wernigerode").json();
      assertThat(wernigerode.getString("state")).isEqualTo("critical");
      assertThat(wernigerode.getJsonArray("sites")).containsExactly(
          site("wr-rathaus", "Rathaus", "critical", 2, 1, 1, 0), site("wr-bauhof", "Bauhof", "ok", 1, 0, 0, 0));
      assertThat(ids(wernigerode.getJsonArray("devices"))).containsExactly("wr-router", "wr-app1", "wr-bauhof-switch");

      JsonArray devices = api.get("/api/v1/devices").array("devices");
      assertThat(ids(devices)).containsExactly("wr-router", "wr-app1", "wr-bauhof-switch", "il-printer", "kdo-core", "kdo-rz1-fw");
      JsonObject router = devices.getJsonObject(0);
      assertThat(router.fieldNames()).containsExactlyInAnyOrderElementsOf(DEVICE_FIELDS);
      assertThat(router.getString("tenant")).isEqualTo("wernigerode");
      assertThat(router.getString("site")).isEqualTo("wr-rathaus");
      assertThat(router.getString("address")).isEqualTo("127.0.0.2");
      assertThat(router.getJsonObject("labels")).isEqualTo(new JsonObject().put("role", "router").put("vendor", "cisco"));
      assertThat(router.getString("state")).isEqualTo("critical");
      assertThat(router.getBoolean("reachable")).isFalse();
      assertThat(router.getString("reason")).isEqualTo("icmp: timeout");
      assertThat(Instant.parse(router.getString("reachable_since"))).isBeforeOrEqualTo(Instant.now());
      JsonObject neverPolled = devices.getJsonObject(4);
      assertThat(neverPolled.getString("state")).isEqualTo("unknown");
      assertThat(neverPolled.getValue("reachable")).isNull();
      assertThat(neverPolled.getValue("site")).isNull();

      assertThat(ids(api.get("/api/v1/devices?tenant=wernigerode&site=wr-bauhof").array("devices"))).containsExactly("wr-bauhof-switch");
      assertThat(ids(api.get("/api/v1/devices?state=critical").array("devices"))).containsExactly("wr-router");
      assertThat(ids(api.get("/api/v1/devices?state=maintenance").array("devices"))).containsExactly("il-printer");
      assertThat(ids(api.get("/api/v1/devices?tenant=nowhere").array("devices"))).isEmpty();
      Answer badState = api.get("/api/v1/devices?state=red");
      assertThat(badState.status()).isEqualTo(400);
      assertThat(badState.error().getString("code")).isEqualTo("invalid_request");

      JsonObject routerDetail = api.get("/api/v1/devices/wr-router").json();
      assertThat(routerDetail.getJsonArray("alerts")).isEmpty();
      assertThat(routerDetail.getJsonObject("parent"))
          .isEqualTo(new JsonObject().put("id", "kdo-rz1-fw").put("tenant", "kdo").put("state", "ok"));
      assertThat(routerDetail.getJsonArray("children")).containsExactly(
          new JsonObject().put("id", "wr-app1").put("tenant", "wernigerode").put("state", "warning"),
          new JsonObject().put("id", "wr-bauhof-switch").put("tenant", "wernigerode").put("state", "ok"));
      JsonObject app = api.get("/api/v1/devices/wr-app1?lang=en").json();
      assertThat(app.getString("state")).isEqualTo("warning");
      assertThat(app.getInteger("alerts_firing")).isEqualTo(1);
      assertThat(app.getJsonArray("alerts")).singleElement()
          .satisfies(alert -> assertThat(((JsonObject) alert).getString("rule")).isEqualTo("disk_full"))
          .satisfies(alert -> assertThat(((JsonObject) alert).getString("state")).isEqualTo("firing"));

      Answer missing = api.get("/api/v1/devices/nowhere");
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.error().getString("message")).isEqualTo("device nowhere not found");
      assertThat(api.get("/api/v1/tenants/nowhere").status()).isEqualTo(404);
    }
  }

  @Test
  void no_answer_ever_contains_snmp_settings_or_secrets() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      arrange(server);
      List<String> paths = List.of("/api/v1/tenants", "/api/v1/tenants/wernigerode", "/api/v1/tenants/ilsenburg",
          "/api/v1/tenants/kdo", "/api/v1/devices", "/api/v1/devices/wr-router", "/api/v1/devices/wr-app1",
          "/api/v1/devices/il-printer", "/api/v1/devices/kdo-core");
      for (String path : paths) {
        Answer answer = server.client.get(path);
        assertThat(answer.status()).as(path).isEqualTo(200);
        assertThat(answer.body()).as(path)
            .doesNotContain(ApiServer.INVENTORY_SECRETS.values().toArray(String[]::new))
            .doesNotContain("\"public\"", "snmp", "community", "password", "auth", "priv", "monuser", "monitor", "1161", "16100");
      }
    }
  }

  @Test
  void a_tenant_sees_only_its_own_and_another_tenants_objects_look_missing() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      arrange(server);
      StatusBoard board = ApiServer.await(server.status.board());
      ApiScope wernigerode = ApiScope.ofTenant("wernigerode");

      assertThat(StatusJson.tenants(board.tenants(wernigerode)).getJsonArray("tenants"))
          .containsExactly(tenant("wernigerode", "Stadt Wernigerode", "critical", 3, 1, 1, 0));
      assertThat(ids(StatusJson.devices(board.devices(wernigerode, org.leitwarte.status.DeviceFilter.ALL)).getJsonArray("devices")))
          .containsExactly("wr-router", "wr-app1", "wr-bauhof-switch");
      assertThat(board.devices(wernigerode, new org.leitwarte.status.DeviceFilter(
          Optional.of("ilsenburg"), Optional.empty(), Optional.empty()))).isEmpty();
      // Exactly the message of a tenant or device that does not exist at all.
      assertThatThrownBy(() -> board.tenant(wernigerode, "ilsenburg")).isInstanceOf(NotFoundException.class)
          .hasMessage("tenant ilsenburg not found");
      assertThatThrownBy(() -> board.device(wernigerode, "il-printer")).isInstanceOf(NotFoundException.class)
          .hasMessage("device il-printer not found");
      assertThat(server.client.get("/api/v1/devices/not-there").error().getString("message")).isEqualTo("device not-there not found");
      // wr-router hangs on the cooperative's firewall, which the town must not see.
      JsonObject router = StatusJson.deviceDetail(board, wernigerode, board.device(wernigerode, "wr-router"), "de");
      assertThat(router.getValue("parent")).isNull();
      assertThat(router.encode()).doesNotContain("kdo");
      JsonObject wholeTenant = StatusJson.tenantDetail(board, wernigerode, board.tenant(wernigerode, "wernigerode"));
      assertThat(wholeTenant.encode()).doesNotContain("kdo", "ilsenburg", "il-");
    }
  }

  /**
   * wr-router does not answer, the rest answers except kdo-core (never polled); wr-app1 has a firing
   * warning, il-printer a pending critical alert and a maintenance window over its whole tenant.
   */
  static void arrange(ApiServer server) throws Exception {
    long now = System.currentTimeMillis();
    server.deviceStates.record("wr-router", false, Map.of("icmp", "timeout"), "icmp: timeout", now);
    for (String up : List.of("wr-app1", "wr-bauhof-switch", "il-printer", "kdo-rz1-fw")) {
      server.deviceStates.record(up, true, Map.of("icmp", "ok"), null, now);
    }
    ApiServer.await(server.alerts.record(List.of(
        change(alert("wr-app1", "wernigerode", "wr-rathaus", "disk_full", Severity.WARNING, AlertState.FIRING)),
        change(alert("il-printer", "ilsenburg", "il-rathaus", "printer_offline", Severity.CRITICAL, AlertState.PENDING)))));
    Instant start = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
    Answer window = server.client.post("/api/v1/maintenance-windows", new JsonObject()
        .put("scope", new JsonArray().add(new JsonObject().put("name", "tenant").put("op", "=").put("value", "ilsenburg")))
        .put("schedule", new JsonObject().put("start", start.toString()).put("end", start.plus(2, ChronoUnit.HOURS).toString()))
        .put("author", "jana")
        .put("comment", "Umzug des Druckers, CHG-816"));
    assertThat(window.status()).as(window.body()).isEqualTo(201);
  }

  static Alert alert(String device, String tenant, String site, String rule, Severity severity, AlertState state) {
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    return new Alert(rule + "-" + device, rule, severity, state,
        Map.of("tenant", tenant, "site", site, "device", device, "alertname", rule, "severity", severity.label()),
        Map.of("de", Map.of("summary", device + " meldet " + rule), "en", Map.of("summary", device + " reports " + rule)),
        since, since, Optional.empty(), Optional.empty(), false);
  }

  static AlertChange change(Alert alert) {
    return new AlertChange(alert, Optional.empty(), Optional.empty(), alert.since());
  }

  private static JsonObject tenant(String id, String name, String state, int devices, int down, int firing, int maintenance) {
    return site(id, name, state, devices, down, firing, maintenance);
  }

  private static JsonObject site(String id, String name, String state, int devices, int down, int firing, int maintenance) {
    return new JsonObject().put("id", id).put("name", name).put("state", state).put("devices", devices)
        .put("devices_down", down).put("alerts_firing", firing).put("in_maintenance", maintenance);
  }

  private static List<String> ids(JsonArray devices) {
    return devices.stream().map(device -> ((JsonObject) device).getString("id")).toList();
  }
}
