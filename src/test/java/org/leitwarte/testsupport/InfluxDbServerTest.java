package org.leitwarte.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InfluxDbServerTest {

  @Test
  void restart_keeps_the_port_and_the_data() throws Exception {
    try (InfluxDbServer influx = InfluxDbServer.start()) {
      URI url = influx.url();
      influx.createDatabase("kept");
      write(influx, "kept", "m,host=a v=42i,f=1.5 1700000000000");

      influx.stop();
      assertThat(influx.isRunning()).isFalse();
      assertThatThrownBy(() -> influx.query("SHOW DATABASES")).isInstanceOf(UncheckedIOException.class);
      influx.restart();

      assertThat(influx.url()).isEqualTo(url);
      assertThat(influx.query("kept", "SELECT v, f, host FROM m"))
          .containsExactly(Map.of("time", "2023-11-14T22:13:20Z", "v", 42L, "f", 1.5, "host", "a"));
    }
  }

  @Test
  void a_failing_query_reports_influxdbs_message() {
    try (InfluxDbServer influx = InfluxDbServer.start()) {
      assertThatThrownBy(() -> influx.query("nosuch", "SELECT * FROM m"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("database not found");
    }
  }

  private static void write(InfluxDbServer influx, String database, String line) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(influx.url().resolve("/write?db=" + database + "&precision=ms"))
        .POST(HttpRequest.BodyPublishers.ofString(line)).build();
    assertThat(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(204);
  }
}
