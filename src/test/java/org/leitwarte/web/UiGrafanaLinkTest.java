package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/** With {@code grafana: {url}} configured, a device's page links to its Grafana dashboard, the device chosen. */
class UiGrafanaLinkTest {

  @TempDir Path dir;

  @Test
  void a_device_page_links_to_the_device_dashboard_with_municipality_and_device_chosen() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2, Optional.empty(), Optional.empty(),
        Optional.of(URI.create("https://grafana.example/")))) {
      StatusApiTest.arrange(server);

      Answer page = server.client.get("/devices/wr-router");

      assertThat(page.status()).isEqualTo(200);
      // The dashboard's uid is stable (dashboards/device.json); & is &amp; inside an HTML attribute.
      assertThat(page.body()).contains("<dt>Grafana</dt><dd><a class=\"grafana\" "
          + "href=\"https://grafana.example/d/leitwarte-device/geraet?var-tenant=wernigerode&amp;var-device=wr-router\">"
          + "Dashboard dieses Geräts</a></dd>");
      assertThat(server.client.get("/devices/il-printer?lang=en").body())
          .contains("href=\"https://grafana.example/d/leitwarte-device/geraet?var-tenant=ilsenburg&amp;var-device=il-printer\">"
              + "Dashboard of this device</a>");
    }
  }

  @Test
  void grafana_under_a_path_keeps_it() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2, Optional.empty(), Optional.empty(),
        Optional.of(URI.create("https://monitoring.example/grafana")))) {
      StatusApiTest.arrange(server);

      assertThat(server.client.get("/devices/wr-app1").body())
          .contains("href=\"https://monitoring.example/grafana/d/leitwarte-device/geraet?var-tenant=wernigerode&amp;var-device=wr-app1\"");
    }
  }

  @Test
  void without_grafana_configured_the_device_page_has_no_link() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      StatusApiTest.arrange(server);

      Answer page = server.client.get("/devices/wr-router");

      assertThat(page.status()).isEqualTo(200);
      assertThat(page.body()).contains("wr-router").doesNotContain("leitwarte-device", "Grafana");
    }
  }
}
