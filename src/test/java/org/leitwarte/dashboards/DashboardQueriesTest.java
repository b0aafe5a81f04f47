package org.leitwarte.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.Leitwarte;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.metrics.InfluxClient;
import org.leitwarte.metrics.InfluxOutcome;
import org.leitwarte.metrics.LineProtocol;
import org.leitwarte.testsupport.FreePorts;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.testsupport.SnmpdServer;
import org.leitwarte.testsupport.SnmpsimServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every InfluxQL query of every dashboard in {@code dashboards/} returns data from an InfluxDB filled
 * by the real pipeline: Leitwarte polls a Cisco switch and a Linux host (snmpsim recordings), net-snmp's
 * snmpd, a device that does not answer, and loopback hosts with fping, every 2 s, and writes its own
 * condition; what cannot be produced quickly (service checks, traps, alert changes) is written in the
 * schema's form by Leitwarte's own line mapping and InfluxDB client.
 */
class DashboardQueriesTest {

  private static final Logger LOG = LoggerFactory.getLogger(DashboardQueriesTest.class);
  private static final String DATABASE = "dashboards";
  /** The municipality, device and interface each dashboard is looked at with (they must be offered). */
  private static final Map<String, Map<String, String>> CHOICES = Map.of(
      "leitwarte-tenant", Map.of("tenant", "wernigerode"),
      "leitwarte-device", Map.of("tenant", "halberstadt", "device", "hbs-server"),
      "leitwarte-interfaces", Map.of("tenant", "wernigerode", "device", "wr-router", "interface", "Fa3/0/1"),
      "leitwarte-self", Map.of("node", "leitwarte"));

  @TempDir static Path dir;

  private static InfluxDbServer influx;
  private static SnmpdServer snmpd;
  private static SnmpsimServer snmpsim;

  @BeforeAll
  static void fillInfluxDbThroughThePipeline() throws Exception {
    influx = InfluxDbServer.start();
    snmpd = SnmpdServer.start();
    snmpsim = SnmpsimServer.start();
    Path config = writeConfig();
    LeitwarteConfig loaded = ConfigLoader.load(config, System.getenv());
    Vertx vertx = Vertx.vertx();
    Leitwarte leitwarte = await(Leitwarte.start(vertx, loaded,
        InventoryLoader.load(loaded.inventory(), loaded.polling(), System.getenv())));
    try {
      writeWhatThePipelineCannotProduceQuickly();
      // Until every query has data (rates need two polls, Leitwarte's own rates two of its samples 10 s
      // apart), at most two minutes; the tests below say what is still missing after that.
      DashboardCheck check = new DashboardCheck(influx.url(), DATABASE);
      long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
      while (!check.check(Dashboard.all(Dashboard.FOLDER), CHOICES).problems().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(1_000);
      }
    } finally {
      await(leitwarte.stop());
      await(vertx.close());
    }
  }

  @AfterAll
  static void stopDaemons() {
    for (AutoCloseable daemon : new AutoCloseable[] {snmpsim, snmpd, influx}) {
      try {
        if (daemon != null) {
          daemon.close();
        }
      } catch (Exception e) {
        // Keep stopping the others.
      }
    }
  }

  @Test
  void every_query_of_every_panel_variable_and_annotation_returns_data() {
    List<Dashboard> dashboards = Dashboard.all(Dashboard.FOLDER);
    int written = dashboards.stream().mapToInt(dashboard -> dashboard.queries().size()).sum();

    DashboardCheck.Report report = new DashboardCheck(influx.url(), DATABASE).check(dashboards, CHOICES);

    LOG.info("{} queries of {} dashboards run against InfluxDB, {} failed", report.queriesRun(), dashboards.size(),
        report.problems().size());
    assertThat(report.problems()).as("%d queries of %d dashboards run", report.queriesRun(), dashboards.size()).isEmpty();
    assertThat(report.queriesRun()).as("every query in the files was run").isEqualTo(written).isGreaterThan(50);
  }

  @Test
  void the_variables_offer_every_municipality_and_only_its_own_devices_so_a_new_one_needs_no_edit() {
    Dashboard device = Dashboard.read(Dashboard.FOLDER.resolve("device.json"));
    Map<String, String> queries = new LinkedHashMap<>();
    device.variables().forEach(variable -> queries.put(variable.getString("name"), Dashboard.variableQuery(variable)));

    assertThat(InfluxQlResult.run(influx.url(), DATABASE, queries.get("tenant")).tagValues())
        .as("Leitwarte's own _system and traps' _unknown are no municipalities").containsExactlyInAnyOrder("halberstadt", "wernigerode");
    assertThat(InfluxQlResult.run(influx.url(), DATABASE, GrafanaMacros.expand(queries.get("device"), Map.of("tenant", "halberstadt")))
        .tagValues()).containsExactlyInAnyOrder("hbs-printer", "hbs-server");
    assertThat(InfluxQlResult.run(influx.url(), DATABASE, GrafanaMacros.expand(queries.get("device"), Map.of("tenant", "wernigerode")))
        .tagValues()).containsExactlyInAnyOrder("wr-app1", "wr-gone", "wr-router");
  }

  @Test
  void a_query_naming_a_field_or_measurement_that_does_not_exist_fails_with_dashboard_panel_and_query_named() {
    Dashboard device = Dashboard.read(Dashboard.FOLDER.resolve("device.json"));
    JsonObject broken = device.json().copy();
    for (Object element : broken.getJsonArray("panels")) {
      JsonObject panel = (JsonObject) element;
      if ("CPU".equals(panel.getString("title"))) {
        JsonObject target = panel.getJsonArray("targets").getJsonObject(0);
        target.put("query", target.getString("query").replace("\"load_pct\"", "\"load_percent\""));
      }
      if ("Last".equals(panel.getString("title"))) {
        JsonObject target = panel.getJsonArray("targets").getJsonObject(0);
        target.put("query", target.getString("query").replace("FROM \"load\"", "FROM \"sysload\""));
      }
    }

    DashboardCheck.Report report = new DashboardCheck(influx.url(), DATABASE)
        .check(List.of(new Dashboard("device.json", broken)), CHOICES);

    assertThat(report.problems()).hasSize(4);
    assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
        .startsWith("dashboards/device.json \"Leitwarte – Gerät\", panel \"CPU\" (A): "
            + "'load_percent' is neither a field nor a tag of measurement 'cpu' in schema.yaml")
        .contains("query: SELECT mean(\"load_percent\") FROM \"cpu\" WHERE \"tenant\" =~ /^$tenant$/"));
    assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
        .startsWith("dashboards/device.json \"Leitwarte – Gerät\", panel \"CPU\" (A): returned no data")
        .contains("sent:  SELECT mean(\"load_percent\") FROM \"cpu\" WHERE \"tenant\" =~ /^halberstadt$/"));
    assertThat(report.problems()).anySatisfy(problem -> assertThat(problem)
        .startsWith("dashboards/device.json \"Leitwarte – Gerät\", panel \"Last\" (A): measurement 'sysload' is not in schema.yaml")
        .contains("FROM \"sysload\""));
  }

  /** Service checks, traps and alert changes, in the schema's form, through Leitwarte's line mapping. */
  private static void writeWhatThePipelineCannotProduceQuickly() {
    long now = System.currentTimeMillis();
    List<Sample> samples = new ArrayList<>();
    for (int minute = 5; minute >= 1; minute--) {
      long at = now - minute * 60_000L;
      samples.add(sample("service_check", tags("halberstadt", "hbs-rathaus", "hbs-server", "check", "ntp", "kind", "ntp", "target", "127.0.0.1:123"),
          fields("ok", 1L, "response_ms", 1.5 + minute, "offset_ms", -0.8 * minute, "stratum", 2L), at));
      samples.add(sample("service_check", tags("halberstadt", "hbs-rathaus", "hbs-server", "check", "https-portal", "kind", "http", "target", "https://127.0.0.1:8443/"),
          fields("ok", minute == 1 ? 0L : 1L, "response_ms", 40.0 + minute, "status_code", minute == 1 ? 503L : 200L, "cert_days_left", 30.0 - minute / 1440.0,
              "message", minute == 1 ? "HTTP 503" : "HTTP 200"), at));
      samples.add(sample("service_check", tags("halberstadt", "hbs-rathaus", "hbs-server", "check", "smtp", "kind", "smtp", "target", "127.0.0.1:25"),
          fields("ok", 1L, "response_ms", 12.0, "reply_code", 220L, "message", "220 mail ESMTP"), at));
    }
    samples.add(sample("snmp_trap", tags("halberstadt", "hbs-rathaus", "hbs-server"),
        fields("trap", "coldStart", "trap_oid", "1.3.6.1.6.3.1.1.5.1", "source", "127.0.0.1", "version", "v2c", "varbinds", ""), now - 200_000));
    samples.add(sample("snmp_trap", tags("wernigerode", "wr-rathaus", "wr-router", "if_index", "10101", "if_name", "Fa3/0/1"),
        fields("trap", "linkDown", "trap_oid", "1.3.6.1.6.3.1.1.5.3", "source", "127.0.0.2", "version", "v2c", "admin_status", 1L, "oper_status", 2L,
            "varbinds", "ifIndex=10101 ifAdminStatus=1 ifOperStatus=2"), now - 180_000));
    samples.add(sample("snmp_trap", tags("wernigerode", "wr-rathaus", "wr-router", "if_index", "10101", "if_name", "Fa3/0/1"),
        fields("trap", "linkUp", "trap_oid", "1.3.6.1.6.3.1.1.5.4", "source", "127.0.0.2", "version", "v2c", "admin_status", 1L, "oper_status", 1L,
            "varbinds", "ifIndex=10101 ifAdminStatus=1 ifOperStatus=1"), now - 120_000));
    // A trap from an address not in the inventory: no municipality of its own.
    samples.add(sample("snmp_trap", tags("_unknown", "-", "127.0.0.77"),
        fields("trap", "authenticationFailure", "trap_oid", "1.3.6.1.6.3.1.1.5.5", "source", "127.0.0.77", "version", "v1", "varbinds", ""), now - 90_000));
    samples.add(alert("wernigerode", "wr-rathaus", "wr-router", "interface-down", "warning", "firing", "a1", "Schnittstelle Fa3/0/1 ist getrennt", now - 180_000));
    samples.add(alert("wernigerode", "wr-rathaus", "wr-router", "interface-down", "warning", "resolved", "a1", "Schnittstelle Fa3/0/1 ist getrennt", now - 120_000));
    samples.add(alert("halberstadt", "hbs-rathaus", "hbs-server", "service-check-failed", "critical", "firing", "a2", "Dienst https-portal antwortet mit 503", now - 60_000));
    samples.add(alert("_system", "-", "leitwarte", "spool-growing", "warning", "firing", "a3", "Der Spool wächst", now - 240_000));
    try (InfluxClient client = InfluxClient.connect(influx.config(DATABASE))) {
      client.ensureDatabase();
      assertThat(client.write(samples.stream().map(sample -> LineProtocol.line(sample).orElseThrow()).toList()))
          .isEqualTo(InfluxOutcome.OK);
    }
  }

  private static Sample alert(String tenant, String site, String device, String rule, String severity, String state, String id,
      String summary, long at) {
    return sample("alert_event", tags(tenant, site, device, "rule", rule, "severity", severity, "state", state, "alert_id", id),
        fields("summary", summary, "suppressed", false), at);
  }

  /** A sample whose tags and fields are those of schema.yaml, with their types: the test writes nothing the pipeline could not. */
  private static Sample sample(String measurement, Map<String, String> tags, Map<String, Object> fields, long at) {
    Schema.Measurement declared = Schema.standard().measurement(measurement).orElseThrow();
    assertThat(declared.allTags()).as("tags of %s", measurement).containsAll(tags.keySet());
    fields.forEach((name, value) -> assertThat(value).as("%s.%s", measurement, name)
        .isInstanceOf(declared.fields().get(name).javaType()));
    return new Sample(measurement, tags, fields, at);
  }

  private static Map<String, String> tags(String tenant, String site, String device, String... more) {
    Map<String, String> tags = new LinkedHashMap<>(Map.of("tenant", tenant, "site", site, "device", device));
    for (int i = 0; i < more.length; i += 2) {
      tags.put(more[i], more[i + 1]);
    }
    return tags;
  }

  private static Map<String, Object> fields(Object... pairs) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      fields.put((String) pairs[i], pairs[i + 1]);
    }
    return fields;
  }

  private static Path writeConfig() throws Exception {
    Path auth = Files.writeString(dir.resolve("wr-app1.auth"), SnmpdServer.MONUSER.authPassword());
    Path priv = Files.writeString(dir.resolve("wr-app1.priv"), SnmpdServer.MONUSER.privPassword());
    Files.writeString(dir.resolve("inventory.yaml"), """
        tenants:
          - {id: wernigerode, name: Stadt Wernigerode}
          - {id: halberstadt, name: Stadt Halberstadt}
        sites:
          - {id: wr-rathaus, tenant: wernigerode, name: Rathaus, uplink: wr-router}
          - {id: hbs-rathaus, tenant: halberstadt, name: Rathaus}
        devices:
          - id: wr-router
            tenant: wernigerode
            site: wr-rathaus
            address: %1$s
            snmp: {version: 2c, community: %2$s, port: %3$d, timeout: 2s}
            icmp: true
          - id: wr-app1
            tenant: wernigerode
            site: wr-rathaus
            address: 127.0.0.1
            parent: wr-router
            snmp: {version: 3, port: %4$d, user: %5$s, auth: SHA-256, auth_password: "${file:%6$s}", priv: AES-256, priv_password: "${file:%7$s}"}
            icmp: true
          - id: wr-gone
            tenant: wernigerode
            site: wr-rathaus
            address: 127.0.0.1
            snmp: {version: 2c, community: public, port: %9$d, timeout: 300ms, retries: 0}
          - id: hbs-server
            tenant: halberstadt
            site: hbs-rathaus
            address: %1$s
            snmp: {version: 2c, community: %8$s, port: %3$d, timeout: 2s}
            icmp: true
          - id: hbs-printer
            tenant: halberstadt
            site: hbs-rathaus
            address: 127.0.0.9
            icmp: true
        """.formatted(snmpsim.host(), snmpsim.community(), snmpsim.port(), snmpd.port(), SnmpdServer.MONUSER.name(), auth, priv,
        SnmpsimServer.LINUX_COMMUNITY, FreePorts.udp("127.0.0.1")));
    Path config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        http: {host: 127.0.0.1, port: %d}
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "%s", database: %s}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        polling:
          interval: 2s
          snmp: {source_address: 127.0.0.1}
        icmp: {count: 2, period: 20ms, timeout: 500ms}
        """.formatted(FreePorts.tcp(), influx.url(), DATABASE));
    return config;
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
