package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.collect.Sample;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.metrics.InfluxClient;
import org.leitwarte.metrics.InfluxOutcome;
import org.leitwarte.metrics.LineProtocol;
import org.leitwarte.store.Dialect;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.web.ApiClient.Answer;

/** The charts of a device's last 24 h on its page, read from a real InfluxDB. */
@ExtendWith(InfluxDbExtension.class)
class UiDeviceChartsTest {

  @TempDir Path dir;

  @Test
  void a_device_page_shows_latency_and_loss_as_svg_charts_with_their_figures_in_words(InfluxDbServer influx) throws Exception {
    String database = "ui_" + UUID.randomUUID().toString().replace("-", "");
    influx.createDatabase(database);
    long bucket = DeviceHistory.BUCKET.toMillis();
    long threeHoursAgo = Instant.now().minus(Duration.ofHours(3)).toEpochMilli();
    Instant first = Instant.ofEpochMilli(threeHoursAgo - threeHoursAgo % bucket);
    write(influx, database, List.of(
        icmp("wr-router", first.plusSeconds(60), 2.0, 0.0),
        icmp("wr-router", first.plusSeconds(360), 4.0, 50.0),
        icmp("wr-router", first.plus(DeviceHistory.BUCKET).plusSeconds(60), 10.0, 100.0)));
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2, Optional.empty(), Optional.of(influx.config(database)))) {
      StatusApiTest.arrange(server);

      Answer page = server.client.get("/devices/wr-router");

      assertThat(page.status()).isEqualTo(200);
      String body = page.body();
      assertThat(body).contains("<svg class=\"sparkline\"", "role=\"img\"", "<polyline class=\"sparkline-line\"",
          // Bucket means 3 and 10 ms; 25 and 100 % loss.
          "aria-label=\"Latenz der letzten 24 Stunden: Minimum 3 ms, Mittel 6,5 ms, Maximum 10 ms\"",
          "<title>Paketverlust der letzten 24 Stunden: Minimum 25 %, Mittel 62,5 %, Maximum 100 %</title>",
          "<dt>Zuletzt</dt><dd>10 ms</dd>")
          .doesNotContain("Verlauf nicht verfügbar", "style=", "<script>");
      // No CPU was written: no CPU chart.
      assertThat(body).doesNotContain("CPU-Last");
      assertThat(server.client.get("/devices/wr-router?lang=en").body())
          .contains("aria-label=\"Latency over the last 24 hours: minimum 3 ms, mean 6.5 ms, maximum 10 ms\"");
      // A device without points says so.
      assertThat(server.client.get("/devices/wr-app1").body()).contains("Verlauf nicht verfügbar").doesNotContain("<svg class=\"sparkline\"");
    }
  }

  @Test
  void without_influxdb_the_device_page_renders_and_says_the_history_is_not_available() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      StatusApiTest.arrange(server);

      Answer page = server.client.get("/devices/wr-router");

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("wr-router", "Verlauf nicht verfügbar").doesNotContain("<svg class=\"sparkline\"");
      assertThat(server.client.get("/devices/wr-router?lang=en").body()).contains("History not available");
    }
  }

  private static void write(InfluxDbServer influx, String database, List<Sample> samples) {
    try (InfluxClient client = InfluxClient.connect(influx.config(database))) {
      assertThat(client.write(samples.stream().map(sample -> LineProtocol.line(sample).orElseThrow()).toList()))
          .isEqualTo(InfluxOutcome.OK);
    }
  }

  private static Sample icmp(String device, Instant time, double rttMs, double lossPct) {
    return new Sample("icmp", Map.of("tenant", "wernigerode", "site", "wr-rathaus", "device", device),
        Map.of("rtt_avg_ms", rttMs, "loss_pct", lossPct), time.toEpochMilli());
  }
}
