package org.leitwarte.inventory;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;

/** A device's service checks as the JSON text of the {@code device.checks} column. */
final class ServiceCheckJson {

  private ServiceCheckJson() {}

  /** {@code null} for no checks, so devices without any look as they did before checks existed. */
  static String write(List<ServiceCheck> checks) {
    if (checks.isEmpty()) {
      return null;
    }
    JsonArray array = new JsonArray();
    for (ServiceCheck check : checks) {
      JsonObject json = new JsonObject()
          .put("name", check.name())
          .put("kind", check.kind().yamlName())
          .put("port", check.port())
          .put("tls", check.tls().yamlName())
          .put("tls_verify", check.verifyTls());
      check.url().ifPresent(url -> json.put("url", url.toString()));
      check.expectStatus().ifPresent(status -> json.put("expect_status", status));
      check.body().ifPresent(body -> json.put("body", body));
      check.timeout().ifPresent(timeout -> json.put("timeout_ms", timeout.toMillis()));
      check.interval().ifPresent(interval -> json.put("interval_ms", interval.toMillis()));
      array.add(json);
    }
    return array.encode();
  }

  static List<ServiceCheck> read(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    return new JsonArray(text).stream().map(JsonObject.class::cast).map(ServiceCheckJson::check).toList();
  }

  private static ServiceCheck check(JsonObject json) {
    return new ServiceCheck(
        json.getString("name"),
        Kind.valueOf(json.getString("kind").toUpperCase(java.util.Locale.ROOT)),
        json.getInteger("port"),
        Tls.valueOf(json.getString("tls").toUpperCase(java.util.Locale.ROOT)),
        json.getBoolean("tls_verify", true),
        Optional.ofNullable(json.getString("url")).map(URI::create),
        Optional.ofNullable(json.getInteger("expect_status")),
        Optional.ofNullable(json.getString("body")),
        Optional.ofNullable(json.getLong("timeout_ms")).map(Duration::ofMillis),
        Optional.ofNullable(json.getLong("interval_ms")).map(Duration::ofMillis));
  }
}
