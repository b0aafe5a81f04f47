package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.web.ApiClient.Answer;

/**
 * Silences and maintenance windows made through the API take effect on the running alerts within
 * seconds, and end as soon as they are expired: Leitwarte on real samples and rules (see {@link
 * RunningLeitwarte}), an H2 store.
 */
class SuppressionsApiTest {

  private static final Duration SOON = Duration.ofSeconds(10);

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

  @Test
  void a_silence_quiets_the_alerts_it_matches_until_it_is_expired() throws Exception {
    try (RunningLeitwarte running = new RunningLeitwarte(dir, influx, "jdbc:h2:file:./data/leitwarte")) {
      ApiClient api = running.api;
      Eventually.until("the alerts of wr-app1", Duration.ofSeconds(20), () -> suppressions(api, "wr-app1").size() == 2);

      Answer created = api.post("/api/v1/silences", new JsonObject()
          .put("matchers", new JsonArray().add(new JsonObject().put("name", "device").put("op", "=").put("value", "wr-app1")))
          .put("duration", "1h")
          .put("author", "jana")
          .put("comment", "Neuinstallation"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      String reason = "silence:" + created.json().getLong("id");
      assertThat(api.get("/api/v1/silences").array("silences")).singleElement()
          .satisfies(silence -> assertThat(((JsonObject) silence).getString("state")).isEqualTo("active"));

      Eventually.until("both alerts of wr-app1 suppressed by " + reason, SOON,
          () -> suppressions(api, "wr-app1").equals(List.of(reason, reason)));
      assertThat(suppressions(api, "wr-router")).containsOnlyNulls();
      assertThat(api.get("/api/v1/devices/wr-app1/alerts/history").array("history").stream()
          .map(entry -> ((JsonObject) entry).getString("suppressed_by"))).contains(reason);

      Answer expired = api.post(created.location().orElseThrow() + "/expire", new JsonObject().put("author", "jana"));
      assertThat(expired.status()).as(expired.body()).isEqualTo(200);
      Eventually.until("the alerts of wr-app1 no longer suppressed", SOON,
          () -> suppressions(api, "wr-app1").stream().allMatch(Objects::isNull));
      assertThat(api.get("/api/v1/silences").array("silences")).isEmpty();
    }
  }

  @Test
  void a_maintenance_window_of_a_device_quiets_its_alerts_while_it_lasts() throws Exception {
    try (RunningLeitwarte running = new RunningLeitwarte(dir, influx, "jdbc:h2:file:./data/leitwarte")) {
      ApiClient api = running.api;
      Eventually.until("the alerts of hbs-server", Duration.ofSeconds(20), () -> suppressions(api, "hbs-server").size() == 2);
      Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

      Answer created = api.post("/api/v1/maintenance-windows", new JsonObject()
          .put("scope", new JsonArray().add(new JsonObject().put("name", "device").put("op", "=").put("value", "hbs-server")))
          .put("schedule", new JsonObject().put("start", now.toString()).put("end", now.plus(1, ChronoUnit.HOURS).toString()))
          .put("author", "jana")
          .put("comment", "Speicher wird erweitert, CHG-815"));
      assertThat(created.status()).as(created.body()).isEqualTo(201);
      long id = created.json().getLong("id");
      String reason = "maintenance:" + id;
      JsonObject window = api.get("/api/v1/maintenance-windows/" + id).json();
      assertThat(window.getBoolean("active")).isTrue();
      assertThat(window.getValue("next_start")).isNull();

      Eventually.until("both alerts of hbs-server suppressed by " + reason, SOON,
          () -> suppressions(api, "hbs-server").equals(List.of(reason, reason)));
      assertThat(suppressions(api, "wr-app1")).containsOnlyNulls();

      assertThat(api.post("/api/v1/maintenance-windows/" + id + "/expire", new JsonObject().put("author", "jana")).status())
          .isEqualTo(200);
      Eventually.until("the alerts of hbs-server no longer suppressed", SOON,
          () -> suppressions(api, "hbs-server").stream().allMatch(Objects::isNull));
    }
  }

  /** The suppressed_by of every alert of {@code device} (null where none). */
  private static List<String> suppressions(ApiClient api, String device) {
    Answer answer = api.get("/api/v1/alerts?device=" + device);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.array("alerts").stream().map(alert -> ((JsonObject) alert).getString("suppressed_by")).toList();
  }
}
