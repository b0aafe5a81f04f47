package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;
import org.leitwarte.metrics.InfluxClient;
import org.leitwarte.metrics.InfluxOutcome;
import org.leitwarte.metrics.LineProtocol;
import org.leitwarte.store.Dialect;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;

/** A device's service checks on its page (latest results from a real InfluxDB) and in the status API. */
@ExtendWith(InfluxDbExtension.class)
class UiServiceChecksTest {

  /** The password in the portal check's URL, which must never be shown. */
  private static final String URL_PASSWORD = "portal-geheim";

  @TempDir Path dir;

  @Test
  void the_device_page_shows_each_check_with_its_latest_result_and_keeps_a_message_as_text(InfluxDbServer influx)
      throws Exception {
    String database = "ui_" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(database);
    Instant now = Instant.now();
    write(influx, database, List.of(
        result("wr-app1", "zeit", "ntp", "127.0.0.1:123", now.minusSeconds(60), true, 3.25, "stratum 2",
            Map.of("offset_ms", 12.5, "stratum", 2L)),
        result("wr-app1", "mail", "smtp", "127.0.0.1:25", now.minusSeconds(30), false, 5000.0,
            "Verbindung abgelehnt <script>alert(1)</script>", Map.of()),
        // Another device's result for a check of the same name stays on that device.
        result("wr-router", "mail", "smtp", "127.0.0.2:25", now.minusSeconds(10), true, 1.0, "220 fremder Server", Map.of())));
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2, Optional.empty(), Optional.of(influx.config(database)))) {
      StatusApiTest.arrange(server);
      giveChecks(server);

      Answer page = server.client.get("/devices/wr-app1");

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("<h2 id=\"checks\">Dienstprüfungen</h2>", "<caption>Dienstprüfungen dieses Geräts",
              "<th scope=\"row\">zeit</th><td>NTP</td><td>127.0.0.1:123</td><td><span class=\"state state-ok\">in Ordnung</span></td>"
                  + "<td>3,25 ms</td><td>NTP-Abweichung 12,5 ms; Stratum 2</td><td>stratum 2</td>",
              "<th scope=\"row\">mail</th><td>SMTP</td><td>127.0.0.1:25</td><td><span class=\"state state-critical\">fehlgeschlagen</span></td>",
              "Verbindung abgelehnt &lt;script&gt;alert(1)&lt;/script&gt;",
              "<th scope=\"row\">portal</th><td>HTTPS</td><td>https://portal.wernigerode.de:8443/login?seite=1</td>"
                  + "<td><span class=\"state state-unknown\">kein Ergebnis in den letzten 24 Stunden</span>")
          .doesNotContain("<script>alert(1)", URL_PASSWORD, "fremder Server", "Ergebnisse nicht verfügbar");
      assertThat(server.client.get("/devices/wr-app1?lang=en").body())
          .contains("<h2 id=\"checks\">Service checks</h2>", "NTP offset 12.5 ms; stratum 2", ">failed</span>", "<td>3.25 ms</td>");
      // A device without checks says so.
      assertThat(server.client.get("/devices/wr-router").body()).contains("Für dieses Gerät sind keine Dienstprüfungen eingerichtet.");
    }
  }

  @Test
  void without_influxdb_the_page_lists_the_checks_and_says_their_results_are_not_available() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      StatusApiTest.arrange(server);
      giveChecks(server);

      Answer page = server.client.get("/devices/wr-app1");

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("Ergebnisse nicht verfügbar", "<th scope=\"row\">zeit</th>", ">nicht verfügbar</span>");
      assertThat(server.client.get("/devices/wr-app1?lang=en").body()).contains("Results not available");
    }
  }

  @Test
  void the_device_json_lists_its_checks_without_user_info_in_urls() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      giveChecks(server);

      Answer detail = server.client.get("/api/v1/devices/wr-app1");
      Answer list = server.client.get("/api/v1/devices");

      assertThat(detail.status()).isEqualTo(200);
      assertThat(detail.body()).doesNotContain(URL_PASSWORD, "monitor@");
      JsonArray checks = detail.json().getJsonArray("checks");
      assertThat(checks.getJsonObject(0)).isEqualTo(new JsonObject().put("name", "zeit").put("kind", "ntp")
          .put("target", "127.0.0.1:123").put("port", 123).putNull("url").put("tls", "none").put("interval_s", 60));
      assertThat(checks.getJsonObject(2)).isEqualTo(new JsonObject().put("name", "portal").put("kind", "https")
          .put("target", "https://portal.wernigerode.de:8443/login?seite=1").put("port", 8443)
          .put("url", "https://portal.wernigerode.de:8443/login?seite=1").put("tls", "none").put("interval_s", 3600));
      assertThat(list.body()).doesNotContain(URL_PASSWORD);
      JsonObject inList = list.array("devices").stream().map(JsonObject.class::cast)
          .filter(device -> device.getString("id").equals("wr-app1")).findFirst().orElseThrow();
      assertThat(inList.getJsonArray("checks")).isEqualTo(checks);
      JsonObject router = list.array("devices").stream().map(JsonObject.class::cast)
          .filter(device -> device.getString("id").equals("wr-router")).findFirst().orElseThrow();
      assertThat(router.getJsonArray("checks")).isEmpty();
      // Another municipality's user sees neither the device nor its checks.
      ApiClient ilsenburg = server.client.as(server.token("il-user", Role.TENANT, Optional.of("ilsenburg")));
      assertThat(ilsenburg.get("/api/v1/devices/wr-app1").status()).isEqualTo(404);
      assertThat(ilsenburg.get("/api/v1/devices").body()).contains("il-printer").doesNotContain("wr-app1", "portal");
    }
  }

  /** wr-app1 of the example inventory with an NTP, an SMTP and an HTTPS check (its URL with user-info). */
  private static void giveChecks(ApiServer server) {
    List<ServiceCheck> checks = List.of(
        new ServiceCheck("zeit", Kind.NTP, 123, Tls.NONE, true, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty()),
        new ServiceCheck("mail", Kind.SMTP, 25, Tls.NONE, true, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty()),
        new ServiceCheck("portal", Kind.HTTPS, 8443, Tls.NONE, true,
            Optional.of(URI.create("https://monitor:" + URL_PASSWORD + "@portal.wernigerode.de:8443/login?seite=1")),
            Optional.of(200), Optional.empty(), Optional.empty(), Optional.of(Duration.ofHours(1))));
    Inventory inventory = server.inventory;
    server.inventory = new Inventory(inventory.tenants(), inventory.sites(), inventory.devices().stream()
        .map(device -> device.id().equals("wr-app1") ? withChecks(device, checks) : device)
        .toList());
  }

  private static Device withChecks(Device device, List<ServiceCheck> checks) {
    return new Device(device.id(), device.tenant(), device.site(), device.address(), device.snmp(), device.icmp(),
        device.interval(), device.parent(), device.labels(), checks, device.source());
  }

  private static Sample result(String device, String check, String kind, String target, Instant time, boolean ok,
      double responseMs, String message, Map<String, Object> extra) {
    Map<String, Object> fields = new HashMap<>(extra);
    fields.put("ok", ok ? 1L : 0L);
    fields.put("response_ms", responseMs);
    fields.put("message", message);
    return new Sample("service_check", Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", device,
        "check", check, "kind", kind, "target", target), fields, time.toEpochMilli());
  }

  private static void write(InfluxDbServer influx, String database, List<Sample> samples) {
    try (InfluxClient client = InfluxClient.connect(influx.config(database))) {
      assertThat(client.write(samples.stream().map(sample -> LineProtocol.line(sample).orElseThrow()).toList()))
          .isEqualTo(InfluxOutcome.OK);
    }
  }
}
