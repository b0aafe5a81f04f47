package org.leitwarte.web.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Links into the Grafana dashboards of {@code dashboards/}, by their stable uids. */
final class GrafanaLink {

  /** The uid of the device dashboard ({@code dashboards/device.json}). */
  static final String DEVICE_DASHBOARD = "leitwarte-device";

  private GrafanaLink() {}

  /**
   * The device dashboard with the device's municipality and the device chosen: {@code
   * https://grafana.example/d/leitwarte-device/geraet?var-tenant=wernigerode&var-device=wr-router}.
   * Grafana under a path ({@code https://example/grafana}) keeps that path.
   */
  static String device(URI grafana, String tenant, String device) {
    String base = grafana.toString();
    return (base.endsWith("/") ? base : base + "/") + "d/" + DEVICE_DASHBOARD + "/geraet?var-tenant=" + encoded(tenant)
        + "&var-device=" + encoded(device);
  }

  private static String encoded(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
