package org.leitwarte.web;

import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.Leitwarte;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.testsupport.AdminToken;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;

/**
 * Leitwarte in-process, configured through YAML files as an administrator would, watching three
 * devices whose SNMP agents never answer (closed loopback ports), with two rules on it: {@code
 * snmp_silent} fires at once (German and English texts), {@code snmp_silent_long} stays pending for
 * an hour (German only). Devices: wr-router and wr-app1 of tenant wernigerode, hbs-server of
 * halberstadt. {@link #api} sends an administrator's token.
 */
final class RunningLeitwarte implements AutoCloseable {

  static final String RULES = """
      rules:
        - name: snmp_silent
          measurement: snmp
          condition: status != "ok"
          severity: critical
          annotations:
            summary:
              de: "{{labels.device}} antwortet nicht per SNMP"
              en: "{{labels.device}} does not answer SNMP"
            description:
              de: "Mandant {{labels.tenant}}"
              en: "Tenant {{labels.tenant}}"
            runbook: "https://wiki.leitwarte.local/runbooks/snmp_silent"
        - name: snmp_silent_long
          measurement: snmp
          condition: status != "ok"
          for: 1h
          severity: warning
          annotations:
            summary: "{{labels.device}} schweigt schon lange"
      """;

  final Vertx vertx = Vertx.vertx();
  final Leitwarte leitwarte;
  final ApiClient api;

  /** @param storeUrl {@code store: url:} of leitwarte.yaml */
  RunningLeitwarte(Path dir, InfluxDbServer influx, String storeUrl) throws Exception {
    Files.createDirectories(dir.resolve("rules"));
    Files.writeString(dir.resolve("rules").resolve("api-test.yaml"), RULES);
    String device = """
          - id: %s
            tenant: %s
            address: 127.0.0.1
            snmp: {version: 2c, community: public, port: %d, timeout: 200ms, retries: 0}
            labels: {role: %s}
        """;
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
          - {id: halberstadt, name: Stadt Halberstadt}
        devices:
        """
        + device.formatted("wr-router", "wernigerode", FreePorts.udp("127.0.0.1"), "router")
        + device.formatted("wr-app1", "wernigerode", FreePorts.udp("127.0.0.1"), "server")
        + device.formatted("hbs-server", "halberstadt", FreePorts.udp("127.0.0.1"), "server"));
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "%s"}
        influx: {url: "%s", database: api}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        rules: rules
        polling:
          interval: 1s
          snmp: {source_address: 127.0.0.1}
        """.formatted(FreePorts.tcp(), storeUrl, influx.url()));
    Map<String, String> environment = System.getenv();
    LeitwarteConfig loaded = ConfigLoader.load(config, environment);
    String token = AdminToken.create(loaded.store());
    leitwarte = ApiServer.await(Leitwarte.start(vertx, loaded,
        InventoryLoader.load(loaded.inventory(), loaded.polling(), environment)));
    api = new ApiClient(leitwarte.httpPort(), Optional.of(token));
  }

  @Override
  public void close() throws Exception {
    try {
      ApiServer.await(leitwarte.stop());
    } finally {
      ApiServer.await(vertx.close());
    }
  }
}
