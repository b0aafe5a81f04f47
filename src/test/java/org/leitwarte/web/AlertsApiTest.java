package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.store.Dialect;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.testsupport.PostgresDatabase;
import org.leitwarte.web.ApiClient.Answer;

/**
 * The alert routes against Leitwarte running on real samples (SNMP agents that never answer) and real
 * rules, on H2 and on PostgreSQL: the list in exactly the documented shape, its filters and languages,
 * one alert, its history and a device's history.
 */
class AlertsApiTest {

  private static final List<String> ALERT_FIELDS = List.of(
      "id", "rule", "severity", "state", "labels", "since", "active_since", "value", "suppressed_by", "flapping", "annotations");

  private static InfluxDbServer influx;

  @TempDir Path dir;

  @BeforeAll
  static void startInflux() {
    influx = InfluxDbServer.start();
  }

  @AfterAll
  static void stopInflux() {
    influx.close();
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void alerts_are_listed_filtered_translated_and_shown_with_their_history(Dialect dialect) throws Exception {
    PostgresDatabase database = dialect == Dialect.POSTGRESQL ? PostgresDatabase.create() : null;
    String store = database == null ? "jdbc:h2:file:./data/leitwarte" : database.url();
    try (RunningLeitwarte running = new RunningLeitwarte(dir, influx, store)) {
      ApiClient api = running.api;
      Eventually.until("three firing and three pending alerts", Duration.ofSeconds(20),
          () -> alerts(api, "?state=firing").size() == 3 && alerts(api, "?state=pending").size() == 3);

      JsonObject router = alerts(api, "?device=wr-router&rule=snmp_silent").stream().map(JsonObject.class::cast)
          .findFirst().orElseThrow();
      assertThat(router.fieldNames()).containsExactlyInAnyOrderElementsOf(ALERT_FIELDS);
      assertThat(router.getString("id")).matches("[0-9a-f]{16}");
      assertThat(router.getString("rule")).isEqualTo("snmp_silent");
      assertThat(router.getString("severity")).isEqualTo("critical");
      assertThat(router.getString("state")).isEqualTo("firing");
      assertThat(router.getJsonObject("labels").getMap()).containsEntry("tenant", "wernigerode")
          .containsEntry("device", "wr-router").containsEntry("role", "router").containsEntry("alertname", "snmp_silent");
      assertThat(Instant.parse(router.getString("since"))).isBefore(Instant.now().plusSeconds(1));
      assertThat(Instant.parse(router.getString("active_since"))).isBeforeOrEqualTo(Instant.parse(router.getString("since")));
      assertThat(router.containsKey("suppressed_by")).isTrue();
      assertThat(router.getValue("suppressed_by")).isNull();
      assertThat(router.getBoolean("flapping")).isFalse();
      assertThat(router.getJsonObject("annotations")).isEqualTo(new JsonObject()
          .put("description", "Mandant wernigerode")
          .put("runbook", "https://wiki.leitwarte.local/runbooks/snmp_silent")
          .put("summary", "wr-router antwortet nicht per SNMP"));

      // Filters, alone and together.
      assertThat(devices(alerts(api, "?tenant=halberstadt"))).containsOnly("hbs-server").hasSize(2);
      assertThat(alerts(api, "?tenant=wernigerode&state=firing")).hasSize(2);
      assertThat(alerts(api, "?rule=snmp_silent_long")).hasSize(3)
          .allSatisfy(alert -> assertThat(((JsonObject) alert).getString("state")).isEqualTo("pending"));
      assertThat(alerts(api, "?state=resolved")).isEmpty();
      assertThat(alerts(api, "?device=nowhere")).isEmpty();
      assertThat(alerts(api, "?limit=2")).hasSize(2);

      // Languages: lang wins, then Accept-Language, then German; German where a rule has no English.
      assertThat(summary(api.get("/api/v1/alerts?device=wr-router&rule=snmp_silent&lang=en")))
          .isEqualTo("wr-router does not answer SNMP");
      assertThat(summary(api.get("/api/v1/alerts?device=wr-router&rule=snmp_silent", "Accept-Language", "en-GB,en;q=0.8,de;q=0.5")))
          .isEqualTo("wr-router does not answer SNMP");
      assertThat(summary(api.get("/api/v1/alerts?device=wr-router&rule=snmp_silent&lang=de", "Accept-Language", "en")))
          .isEqualTo("wr-router antwortet nicht per SNMP");
      assertThat(summary(api.get("/api/v1/alerts?device=wr-router&rule=snmp_silent_long&lang=en")))
          .isEqualTo("wr-router schweigt schon lange");

      // One alert, and its history.
      String id = router.getString("id");
      Answer one = api.get("/api/v1/alerts/" + id + "?lang=en");
      assertThat(one.status()).isEqualTo(200);
      assertThat(one.json().getString("id")).isEqualTo(id);
      assertThat(one.json().getString("state")).isEqualTo("firing");
      assertThat(one.json().getJsonObject("annotations").getString("description")).isEqualTo("Tenant wernigerode");
      JsonArray history = api.get("/api/v1/alerts/" + id + "/history").array("history");
      assertThat(history).isNotEmpty();
      JsonObject latest = history.getJsonObject(0);
      assertThat(latest.getString("alert_id")).isEqualTo(id);
      assertThat(latest.getString("to_state")).isEqualTo("firing");
      assertThat(history.getJsonObject(history.size() - 1).getValue("from_state")).isNull();

      // A device's history: both rules' alerts of that device, newest first, and nothing else.
      JsonArray deviceHistory = api.get("/api/v1/devices/hbs-server/alerts/history").array("history");
      assertThat(deviceHistory.stream().map(entry -> ((JsonObject) entry).getJsonObject("labels").getString("device")))
          .containsOnly("hbs-server");
      assertThat(deviceHistory.stream().map(entry -> ((JsonObject) entry).getString("rule")))
          .contains("snmp_silent", "snmp_silent_long");
      assertThat(deviceHistory.stream().map(entry -> Instant.parse(((JsonObject) entry).getString("at"))).toList())
          .isSortedAccordingTo(Comparator.reverseOrder());
      assertThat(api.get("/api/v1/devices/hbs-server/alerts/history?limit=1").array("history")).hasSize(1);
      assertThat(api.get("/api/v1/devices/nowhere/alerts/history").array("history")).isEmpty();
    } finally {
      if (database != null) {
        database.close();
      }
    }
  }

  private static JsonArray alerts(ApiClient api, String query) {
    Answer answer = api.get("/api/v1/alerts" + query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().fieldNames()).containsExactly("alerts");
    return answer.array("alerts");
  }

  private static List<String> devices(JsonArray alerts) {
    return alerts.stream().map(alert -> ((JsonObject) alert).getJsonObject("labels").getString("device")).toList();
  }

  private static String summary(Answer answer) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.array("alerts").getJsonObject(0).getJsonObject("annotations").getString("summary");
  }
}
