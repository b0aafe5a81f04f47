package org.leitwarte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.leitwarte.LeitwarteEndToEndTest.await;
import static org.leitwarte.LeitwarteEndToEndTest.loadConfig;
import static org.leitwarte.LeitwarteEndToEndTest.loadInventory;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.testsupport.AdminToken;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.testsupport.SnmpdServer;

/**
 * The night the issue describes, end to end with real parts: a real snmpd refuses our community, the
 * rule fires, the routing tree hands it to the network team, the person on call gets an e-mail (SMTP,
 * GreenMail) and a signed webhook (a loopback HTTP server) within seconds; opening the acknowledge link
 * acknowledges nothing; Leitwarte restarts before level 2 is due; the test lets a minute pass on the
 * service's clock; level 2 reaches the second person exactly once and level 1 is not repeated; the
 * link's POST acknowledges; the timeline shows it all.
 */
class IncidentEndToEndTest {

  private static final String WEBHOOK_SECRET = "e2e-webhook-secret-of-enough-length";
  private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/ack/[A-Za-z0-9_.-]+");

  private static InfluxDbServer influx;
  private static SnmpdServer snmpd;

  @TempDir Path dir;
  private final OffsetClock clock = new OffsetClock();
  private GreenMail mail;
  private HttpServer webhooks;
  private final List<Map.Entry<Map<String, List<String>>, String>> hooks = new CopyOnWriteArrayList<>();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private int httpPort;

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

  @BeforeEach
  void startReceivers() throws Exception {
    mail = new GreenMail(new ServerSetup(FreePorts.tcp(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    webhooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    webhooks.createContext("/hook", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      hooks.add(Map.entry(Map.copyOf(exchange.getRequestHeaders()), body));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    webhooks.start();
  }

  @AfterEach
  void stopReceivers() {
    webhooks.stop(0);
    mail.stop();
  }

  @Test
  void the_person_on_call_is_paged_escalation_survives_a_restart_and_the_link_acknowledges_on_post_only() throws Exception {
    Path config = writeConfig();
    Vertx vertx = Vertx.vertx();
    token = AdminToken.create(loadConfig(config).store());
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config), clock));
    String link;
    long incidentId;
    try {
      Eventually.until("Anna, on call, gets an e-mail", Duration.ofSeconds(30), () -> mailsTo("anna@kdo.test").size() == 1);
      JsonObject incident = onlyIncident();
      incidentId = incident.getLong("id");
      assertThat(incident.getString("state")).isEqualTo("triggered");
      assertThat(incident.getString("team")).isEqualTo("netz");
      assertThat(incident.getString("tenant")).isEqualTo("wernigerode");
      Instant created = Instant.parse(incident.getString("created_at"));
      Instant mailed = mailsTo("anna@kdo.test").get(0).getReceivedDate().toInstant();
      // group_wait 0s: the page leaves at once (the mail's date has whole seconds, hence the slack).
      assertThat(Duration.between(created, mailed)).isLessThan(Duration.ofSeconds(5));

      MimeMessage first = mailsTo("anna@kdo.test").get(0);
      String text = GreenMailUtil.getBody(first);
      assertThat(first.getSubject()).contains("LW-" + incidentId);
      assertThat(text).contains("Stadt Wernigerode").contains("wr-app1").contains("https://wiki.kdo.test/runbooks/snmp");
      Matcher found = LINK.matcher(text.replace("=\r\n", "").replace("=3D", "="));
      assertThat(found.find()).as("an acknowledge link in the mail").isTrue();
      link = found.group();

      Eventually.until("the signed webhook arrives", Duration.ofSeconds(10), () -> !hooks.isEmpty());
      Map.Entry<Map<String, List<String>>, String> hook = hooks.get(0);
      String timestamp = header(hook.getKey(), "X-leitwarte-timestamp");
      assertThat(header(hook.getKey(), "X-leitwarte-signature"))
          .isEqualTo("sha256=" + hmac(WEBHOOK_SECRET, timestamp + "." + hook.getValue()));
      assertThat(new JsonObject(hook.getValue()).encode()).contains("LW-" + incidentId);

      // A mail scanner opens the link: a confirmation page, nothing acknowledged.
      HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(link)).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("<form").contains("method=\"post\"");
      assertThat(incident(incidentId).getString("state")).isEqualTo("triggered");
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }

    // Restarted before level 2 is due (one minute after level 1); then the minute passes.
    vertx = Vertx.vertx();
    leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config), clock));
    try {
      Thread.sleep(2_000);
      assertThat(mailsTo("bernd@kdo.test")).as("level 2 is not due yet").isEmpty();
      clock.advance(Duration.ofSeconds(61));
      Eventually.until("level 2 reaches Bernd", Duration.ofSeconds(20), () -> mailsTo("bernd@kdo.test").size() == 1);
      Thread.sleep(2_000);
      assertThat(mailsTo("anna@kdo.test")).as("level 1 is not repeated after the restart").hasSize(1);
      assertThat(mailsTo("bernd@kdo.test")).as("level 2 happens once").hasSize(1);
      assertThat(get("/metrics"))
          .contains("leitwarte_notifications_total{channel=\"email\",outcome=\"delivered\"} 1.0")
          .contains("leitwarte_incidents{state=\"triggered\"} 1.0");

      HttpResponse<String> acknowledged = http.send(HttpRequest.newBuilder(URI.create(link))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(acknowledged.statusCode()).isEqualTo(200);
      JsonObject incident = incident(incidentId);
      assertThat(incident.getString("state")).isEqualTo("acknowledged");
      assertThat(incident.getString("acknowledged_by")).isEqualTo("anna");

      JsonArray timeline = api("/api/v1/incidents/" + incidentId + "/timeline").getJsonArray("timeline");
      List<String> kinds = timeline.stream().map(entry -> ((JsonObject) entry).getString("kind")).toList();
      assertThat(kinds).containsSubsequence("created", "notified", "escalated", "notified", "acknowledged");
      assertThat(timeline.stream().map(JsonObject.class::cast)
              .filter(entry -> entry.getString("kind").equals("notified"))
              .map(entry -> entry.getString("channel")))
          .contains("email", "webhook");
      assertThat(timeline.stream().map(JsonObject.class::cast).filter(entry -> entry.getString("kind").equals("acknowledged")))
          .singleElement()
          .satisfies(entry -> {
            assertThat(entry.getString("actor")).isEqualTo("anna");
            assertThat(entry.getString("channel")).isEqualTo("link");
          });

      // The link works once.
      HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(link))
          .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(again.body()).doesNotContain("<form");
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  @Test
  void edited_on_call_and_routing_files_apply_while_running_and_a_broken_edit_changes_nothing() throws Exception {
    Path config = writeConfig();
    token = AdminToken.create(loadConfig(config).store());
    Path oncall = dir.resolve("rules/oncall.yaml");
    Vertx vertx = Vertx.vertx();
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loadConfig(config), loadInventory(config), clock));
    try {
      assertThat(onCallNow()).contains("anna").doesNotContain("bernd");

      Files.writeString(oncall, Files.readString(oncall).replace("people: [anna]", "people: [bernd]"));
      Eventually.until("Bernd is on call after the edit", Duration.ofSeconds(10), () -> onCallNow().contains("bernd"));

      Files.writeString(dir.resolve("rules/routing.yaml"), "route:\n  team: netzz\n");
      Eventually.until("/health names the broken file", Duration.ofSeconds(10),
          () -> health().contains("routing.yaml:2") && health().contains("netzz"));
      // Routing kept: the alert of the device still becomes an incident of team netz.
      Eventually.until("an incident for team netz", Duration.ofSeconds(30),
          () -> api("/api/v1/incidents").getJsonArray("incidents").stream()
              .anyMatch(incident -> ((JsonObject) incident).getString("team").equals("netz")));
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  private String onCallNow() {
    return get("/api/v1/oncall?team=netz");
  }

  private String health() {
    return get("/health");
  }

  /** The system clock, plus however much time the test lets pass. */
  private static final class OffsetClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    void advance(Duration duration) {
      offset = offset.plus(duration);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private List<MimeMessage> mailsTo(String address) {
    return Arrays.stream(mail.getReceivedMessages()).filter(message -> {
      try {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(to -> to.toString().contains(address));
      } catch (Exception e) {
        return false;
      }
    }).toList();
  }

  private JsonObject onlyIncident() {
    JsonArray incidents = api("/api/v1/incidents").getJsonArray("incidents");
    assertThat(incidents).hasSize(1);
    return incidents.getJsonObject(0);
  }

  private JsonObject incident(long id) {
    return api("/api/v1/incidents/" + id).getJsonObject("incident");
  }

  /** An administrator's API token, made before the service first starts. */
  private String token;

  private JsonObject api(String path) {
    String body = get(path);
    return new JsonObject(body);
  }

  /** The body of a GET that must answer 200; unchecked, for conditions the test waits for. */
  private String get(String path) {
    try {
      HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).header("Authorization", "Bearer " + token).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
      return response.body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String header(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
        .map(e -> e.getValue().get(0)).orElseThrow(() -> new AssertionError("no header " + name + " in " + headers.keySet()));
  }

  private static String hmac(String secret, String text) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
  }

  private Path writeConfig() throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("test.yaml"), """
        rules:
          - name: snmp_silent
            measurement: snmp
            condition: status != "ok"
            for: 1s
            severity: critical
            annotations:
              summary: "{{labels.device}} antwortet nicht per SNMP"
              runbook: "https://wiki.kdo.test/runbooks/snmp"
        """);
    Files.writeString(rules.resolve("oncall.yaml"), """
        people:
          - {id: anna, name: Anna Albers, email: anna@kdo.test, webhook: "http://127.0.0.1:%d/hook"}
          - {id: bernd, name: Bernd Brandt, email: bernd@kdo.test}
        teams:
          - {id: netz, name: Netzwerk, members: [anna, bernd], policy: netz}
        schedules:
          - id: netz-dienst
            team: netz
            layers:
              - {rotation: daily, handover: "08:00", start: "2026-01-01", people: [anna]}
        escalation_policies:
          - id: netz
            name: Netz
            levels:
              - targets: [{schedule: netz-dienst}]
              - {delay: 1m, targets: [{person: bernd}]}
        """.formatted(webhooks.getAddress().getPort()));
    Files.writeString(rules.resolve("routing.yaml"), """
        route:
          team: netz
          group_by: [tenant, site]
          group_wait: 0s
        """);
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
        devices:
          - id: wr-app1
            tenant: wernigerode
            address: 127.0.0.1
            snmp: {version: 2c, community: wrong-community, port: %d, timeout: 300ms, retries: 0}
        """.formatted(snmpd.port()));
    httpPort = FreePorts.tcp();
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: incidents}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        rules: rules
        polling:
          interval: 1s
          snmp: {source_address: 127.0.0.1}
        notify:
          email: {host: 127.0.0.1, port: %d, starttls: disabled, from: "Leitwarte <leitwarte@kdo.test>"}
          webhook_secret: "%s"
          retries: {attempts: 2, first_delay: 100ms}
        """.formatted(httpPort, influx.url(), mail.getSmtp().getPort(), WEBHOOK_SECRET));
    return config;
  }
}
