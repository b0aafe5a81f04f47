package org.leitwarte.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class GrafanaLinkTest {

  @Test
  void names_and_ids_are_url_encoded_in_the_variables() {
    assertThat(GrafanaLink.device(URI.create("https://grafana.example"), "bad harzburg", "r&d/fw 1"))
        .isEqualTo("https://grafana.example/d/leitwarte-device/geraet?var-tenant=bad%20harzburg&var-device=r%26d%2Ffw%201");
  }
}
