package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.trap.TrapEvent;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/** The SNMP traps a device sent, on its page and through the API. */
class UiTrapEventsTest {

  @TempDir Path dir;
  private ApiServer server;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir.resolve("store"), Dialect.H2);
    TrapEventRepository events = new TrapEventRepository(server.pool);
    ApiServer.await(events.insert(List.of(
        event("wr-router", "wernigerode", "linkDown", Optional.of("<b>Gi0/1</b>"), Instant.parse("2026-03-25T09:00:00Z")),
        event("wr-router", "wernigerode", "coldStart", Optional.empty(), Instant.parse("2026-03-25T09:05:00Z")),
        event("il-printer", "ilsenburg", "warmStart", Optional.empty(), Instant.parse("2026-03-25T09:06:00Z")),
        new TrapEvent(Instant.parse("2026-03-25T09:07:00Z"), TrapEvent.UNKNOWN_TENANT, "-", "198.51.100.7", false, "198.51.100.7",
            "1", "linkUp", "1.3.6.1.6.3.1.1.5.4", Optional.empty(), Optional.empty(), OptionalLong.empty(), OptionalLong.empty(), ""))));
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  private static TrapEvent event(String device, String tenant, String trap, Optional<String> ifName, Instant at) {
    return new TrapEvent(at, tenant, "-", device, true, "192.0.2.1", "2c", trap, "1.3.6.1.6.3.1.1.5.3",
        ifName.map(name -> "1"), ifName, OptionalLong.empty(), OptionalLong.empty(), "");
  }

  @Test
  void a_device_page_lists_its_traps_newest_first_with_interface_names_as_text() {
    Answer page = server.client.get("/devices/wr-router");
    assertThat(page.status()).isEqualTo(200);
    String section = page.body().substring(page.body().indexOf("<h2 id=\"events\">"));
    assertThat(section).contains("SNMP-Traps", "Zuletzt empfangene Traps", "&lt;b&gt;Gi0/1&lt;/b&gt;", "2c")
        .doesNotContain("<b>Gi0/1</b>", "warmStart");
    assertThat(section.indexOf("coldStart")).isLessThan(section.indexOf("linkDown"));
    assertThat(server.client.get("/devices/wr-router?lang=en").body()).contains("SNMP traps", "Traps last received from this device");
    assertThat(server.client.get("/devices/wr-bauhof-switch").body()).contains("Von diesem Gerät wurden keine Traps empfangen.");
  }

  @Test
  void the_api_lists_a_device_events_and_for_staff_those_of_unknown_sources() {
    Answer device = server.client.get("/api/v1/devices/wr-router/events?limit=1");
    assertThat(device.status()).isEqualTo(200);
    assertThat(device.json().getJsonArray("events")).hasSize(1);
    assertThat(device.json().getJsonArray("events").getJsonObject(0).getString("trap")).isEqualTo("coldStart");
    assertThat(server.client.get("/api/v1/devices/no-such-device/events").status()).isEqualTo(404);
    Answer unknown = server.client.get("/api/v1/events/unknown-sources");
    assertThat(unknown.status()).isEqualTo(200);
    assertThat(unknown.body()).contains("198.51.100.7").doesNotContain("wr-router", "il-printer");
    assertThat(server.client.get("/api/v1/devices/wr-router/events?limit=0").status()).isEqualTo(400);
  }
}
