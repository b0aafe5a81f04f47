package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.testsupport.Eventually;
import org.leitwarte.testsupport.InfluxDbServer;

/**
 * The status board in the running service, as wired by the composition root: devices whose SNMP agents
 * never answer turn their municipalities critical, from real polls and real alerts.
 */
class StatusBoardServiceTest {

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
  void silent_devices_turn_their_municipality_critical() throws Exception {
    try (RunningLeitwarte running = new RunningLeitwarte(dir, influx, "jdbc:h2:file:./data/leitwarte")) {
      ApiClient api = running.api;
      Eventually.until("both municipalities critical with every device down and its alert firing", Duration.ofSeconds(20), () -> {
        JsonObject wernigerode = tenant(api, "wernigerode");
        JsonObject halberstadt = tenant(api, "halberstadt");
        return wernigerode.getString("state").equals("critical") && wernigerode.getInteger("devices_down") == 2
            && wernigerode.getInteger("alerts_firing") == 2
            && halberstadt.getString("state").equals("critical") && halberstadt.getInteger("alerts_firing") == 1;
      });

      JsonObject router = api.get("/api/v1/devices/wr-router").json();
      assertThat(router.getBoolean("reachable")).isFalse();
      assertThat(router.getString("reason")).startsWith("snmp:");
      assertThat(router.getJsonArray("alerts")).anySatisfy(alert ->
          assertThat(((JsonObject) alert).getString("rule")).isEqualTo("snmp_silent"));
      assertThat(api.get("/api/v1/docs").status()).isEqualTo(200);
    }
  }

  private static JsonObject tenant(ApiClient api, String id) {
    return api.get("/api/v1/tenants").array("tenants").stream().map(JsonObject.class::cast)
        .filter(tenant -> Objects.equals(tenant.getString("id"), id)).findFirst().orElseThrow();
  }
}
