package org.leitwarte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ConfigLoaderTest {

  private static final String MINIMAL =
      """
      http: {port: 8080}
      store: {url: "jdbc:h2:file:./data/leitwarte"}   # or postgresql://user@127.0.0.1:5432/db
      influx: {url: "http://127.0.0.1:8086", database: leitwarte}
      spool: {dir: ./data/spool}
      inventory: [inventory.yaml]
      """;

  @TempDir Path dir;

  @Test
  void minimal_config_is_accepted_and_gets_every_default() throws Exception {
    LeitwarteConfig config = ConfigLoader.load(write("leitwarte.yaml", MINIMAL), Map.of());

    assertThat(config.http()).isEqualTo(new LeitwarteConfig.Http("127.0.0.1", 8080));
    assertThat(config.store())
        .isEqualTo(new LeitwarteConfig.Store("jdbc:h2:file:" + dir.resolve("data/leitwarte"), Optional.empty()));
    assertThat(config.influx())
        .isEqualTo(
            new LeitwarteConfig.Influx(
                URI.create("http://127.0.0.1:8086"),
                "leitwarte",
                "autogen",
                Duration.ZERO,
                Optional.empty(),
                Optional.empty(),
                5000,
                Duration.ofSeconds(1)));
    assertThat(config.spool()).isEqualTo(new LeitwarteConfig.Spool(dir.resolve("data/spool"), 1L << 30));
    assertThat(config.inventory()).containsExactly(dir.resolve("inventory.yaml"));
    assertThat(config.polling())
        .isEqualTo(new LeitwarteConfig.Polling(Duration.ofSeconds(60), 500, Duration.ofSeconds(2), 1, 25, "0.0.0.0"));
    assertThat(config.icmp())
        .isEqualTo(
            new LeitwarteConfig.Icmp(
                Path.of("fping"), 3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMillis(1), 256));
    assertThat(config.rules()).isEmpty();
    assertThat(config.serviceChecks()).isEqualTo(new LeitwarteConfig.ServiceChecks(16, Duration.ofSeconds(5)));
  }

  @Test
  void example_config_with_every_key_is_read_and_its_paths_resolved_against_its_directory() throws Exception {
    Path file = copyResource("example-leitwarte.yaml", "etc/leitwarte.yaml");
    Path etc = dir.resolve("etc");

    LeitwarteConfig config =
        ConfigLoader.load(file, Map.of("STORE_PASSWORD", "store-secret", "INFLUX_PASSWORD", "influx-secret"));

    assertThat(config.file()).isEqualTo(file);
    assertThat(config.http()).isEqualTo(new LeitwarteConfig.Http("127.0.0.1", 8088));
    assertThat(config.store().url()).isEqualTo("jdbc:h2:file:" + etc.resolve("state/leitwarte"));
    assertThat(config.store().password()).contains(Secret.of("${env:STORE_PASSWORD}"));
    assertThat(config.influx())
        .isEqualTo(
            new LeitwarteConfig.Influx(
                URI.create("http://127.0.0.1:8086"),
                "monitoring",
                "two_years",
                Duration.ofDays(7 * 104),
                Optional.of("writer"),
                Optional.of(Secret.of("${env:INFLUX_PASSWORD}")),
                1000,
                Duration.ofMillis(500)));
    assertThat(config.spool()).isEqualTo(new LeitwarteConfig.Spool(etc.resolve("spool"), 512L << 20));
    assertThat(config.inventory())
        .containsExactly(etc.resolve("inventory/towns.yaml"), etc.resolve("inventory/datacentre.yaml"));
    assertThat(config.polling())
        .isEqualTo(new LeitwarteConfig.Polling(Duration.ofSeconds(90), 200, Duration.ofMillis(1500), 2, 50, "192.0.2.10"));
    assertThat(config.icmp())
        .isEqualTo(
            new LeitwarteConfig.Icmp(
                etc.resolve("bin/fping"), 5, Duration.ofMillis(200), Duration.ofSeconds(2), Duration.ZERO, 128));
    assertThat(config.serviceChecks()).isEqualTo(new LeitwarteConfig.ServiceChecks(8, Duration.ofSeconds(3)));
    assertThat(config.rules()).contains(dir.resolve("alert-rules"));
  }

  @Test
  void postgresql_url_and_a_single_inventory_string_are_accepted() throws Exception {
    Path file =
        write(
            "leitwarte.yaml",
            """
            store: {url: "postgresql://leitwarte@127.0.0.1:5432/leitwarte"}
            influx: {url: "https://influx.example:8086"}
            inventory: inventory.yaml
            """);

    LeitwarteConfig config = ConfigLoader.load(file, Map.of());

    assertThat(config.store().url()).isEqualTo("postgresql://leitwarte@127.0.0.1:5432/leitwarte");
    assertThat(config.inventory()).containsExactly(dir.resolve("inventory.yaml"));
  }

  @Test
  void a_secret_file_that_exists_resolves() throws Exception {
    Path secret = Files.writeString(dir.resolve("influx.secret"), "s3cret\n");
    Path file =
        write(
            "leitwarte.yaml",
            "influx: {url: 'http://127.0.0.1:8086', password: '${file:" + secret + "}'}\ninventory: []\n");

    LeitwarteConfig config = ConfigLoader.load(file, Map.of());

    assertThat(config.influx().password().orElseThrow().reveal(Map.of())).isEqualTo("s3cret");
  }

  @Test
  void a_literal_secret_never_appears_in_problems() throws Exception {
    Path file =
        write(
            "leitwarte.yaml",
            """
            influx: {url: "ftp://x", password: hunter2hunter2}
            store: {password: [hunter2hunter2]}
            inventory: []
            """);

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageNotContaining("hunter2");
  }

  static Stream<Arguments> badConfigs() {
    String influx = "influx: {url: 'http://127.0.0.1:8086'}\n";
    String inventory = "inventory: [inventory.yaml]\n";
    return Stream.of(
        arguments(
            "misspelt key",
            "http: {port: 8080}\nstore: {}\ninflux: {urll: 'http://127.0.0.1:8086'}\n" + inventory,
            List.of(
                "leitwarte.yaml:3: influx: missing key 'url'",
                "leitwarte.yaml:3: influx: unknown key 'urll' (did you mean 'url'?)")),
        arguments(
            "port is not a number",
            "http: {port: abc}\n" + influx + inventory,
            List.of("leitwarte.yaml:1: http.port: expected an integer 1–65535, got 'abc'")),
        arguments(
            "port out of range",
            "http:\n  port: 70000\n" + influx + inventory,
            List.of("leitwarte.yaml:2: http.port: expected an integer 1–65535, got '70000'")),
        arguments(
            "duration without unit",
            influx + inventory + "polling: {interval: 30}\n",
            List.of("leitwarte.yaml:3: polling.interval: expected a duration with a unit, got '30' (write e.g. 30s or 30m)")),
        arguments(
            "duration that is not one",
            influx + inventory + "polling:\n  snmp: {timeout: soon}\n",
            List.of(
                "leitwarte.yaml:4: polling.snmp.timeout: expected a duration like 500ms, 30s, 5m or 1h30m, got 'soon'")),
        arguments(
            "source address that is a host name",
            influx + inventory + "polling:\n  snmp: {source_address: monitoring.example}\n",
            List.of("leitwarte.yaml:4: polling.snmp.source_address: 'monitoring.example' is not an IP address (host names are not supported yet; write the IPv4 or IPv6 address)")),
        arguments(
            "polling faster than once a second",
            influx + inventory + "polling: {interval: 500ms}\n",
            List.of("leitwarte.yaml:3: polling.interval: must be at least 1s, got '500ms'")),
        arguments(
            "retention shorter than an hour",
            "influx: {url: 'http://127.0.0.1:8086', retention: 30m}\n" + inventory,
            List.of("leitwarte.yaml:1: influx.retention: must be 0 (keep forever) or at least 1h, got '30m'")),
        arguments(
            "influx url not http",
            "influx: {url: 'ftp://127.0.0.1'}\n" + inventory,
            List.of(
                "leitwarte.yaml:1: influx.url: expected an http or https URL like http://127.0.0.1:8086, got 'ftp://127.0.0.1'")),
        arguments(
            "batch size above the limit",
            "influx: {url: 'http://127.0.0.1:8086', batch_size: 10000}\n" + inventory,
            List.of("leitwarte.yaml:1: influx.batch_size: expected an integer 1–5000, got '10000'")),
        arguments(
            "spool size without a known unit",
            influx + inventory + "spool: {max_bytes: 1 gallon}\n",
            List.of(
                "leitwarte.yaml:3: spool.max_bytes: expected a size in bytes like 1073741824, 512MiB, 1GiB or 100MB, got '1 gallon'")),
        arguments(
            "unsupported store",
            influx + inventory + "store: {url: 'mysql://127.0.0.1/leitwarte'}\n",
            List.of(
                "leitwarte.yaml:3: store.url: expected jdbc:h2:file:PATH, postgresql://user@host:5432/database or jdbc:postgresql://host:5432/database")),
        arguments(
            "secret from an unset environment variable",
            "influx: {url: 'http://127.0.0.1:8086', password: '${env:INFLUX_PW}'}\n" + inventory,
            List.of("leitwarte.yaml:1: influx.password: environment variable INFLUX_PW is not set")),
        arguments(
            "secret from a missing file",
            "influx: {url: 'http://127.0.0.1:8086', password: '${file:/nonexistent/leitwarte.pw}'}\n" + inventory,
            List.of(
                "leitwarte.yaml:1: influx.password: secret file /nonexistent/leitwarte.pw cannot be read: NoSuchFileException")),
        arguments(
            "unknown top-level key",
            influx + inventory + "htpp: {port: 8080}\n",
            List.of("leitwarte.yaml:3: unknown key 'htpp' (did you mean 'http'?)")),
        arguments(
            "service checks without threads and with a bare number",
            influx + inventory + "service_checks: {concurrency: 0, timeout: 5}\n",
            List.of("leitwarte.yaml:3: service_checks.concurrency: expected an integer 1–1000, got '0'",
                "leitwarte.yaml:3: service_checks.timeout: expected a duration with a unit, got '5' (write e.g. 5s or 5m)")),
        arguments(
            "unknown key without a close match",
            influx + inventory + "icmp: {colour: blue}\n",
            List.of("leitwarte.yaml:3: icmp: unknown key 'colour'")),
        arguments(
            "no inventory",
            influx,
            List.of("leitwarte.yaml:1: missing key 'inventory' (a list of inventory files, e.g. [inventory.yaml])")),
        arguments(
            "no influx",
            inventory,
            List.of("leitwarte.yaml:1: influx: missing key 'url'")),
        arguments(
            "duplicate key",
            influx + inventory + "http: {port: 8080}\nhttp: {port: 8081}\n",
            List.of("leitwarte.yaml:4: duplicate key 'http' (first on line 3)")),
        arguments(
            "section that is not a mapping",
            influx + inventory + "polling: fast\n",
            List.of("leitwarte.yaml:3: polling: expected a mapping, got 'fast'")),
        arguments(
            "YAML syntax error",
            influx + "inventory: [inventory.yaml\nhttp: {port: 8080}\n",
            List.of(
                "leitwarte.yaml:3: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence)")),
        arguments(
            "bad indentation",
            "influx:\n  url: 'http://127.0.0.1:8086'\n database: x\n" + inventory,
            List.of(
                "leitwarte.yaml:3: YAML syntax error: expected <block end>, but found '<block mapping start>' (while parsing a block mapping)")),
        arguments("empty file", "", List.of("leitwarte.yaml: the file is empty")),
        arguments("only comments", "# nothing here yet\n", List.of("leitwarte.yaml: the file is empty")),
        arguments(
            "a list at the top",
            "- http\n- influx\n",
            List.of("leitwarte.yaml:1: expected a mapping of keys to values at the top level")),
        arguments(
            "several problems at once",
            "http: {port: 0, hots: 127.0.0.1}\ninflux: {url: 'http://127.0.0.1:8086', flush_interval: 5}\n" + inventory,
            List.of(
                "leitwarte.yaml:1: http.port: expected an integer 1–65535, got '0'",
                "leitwarte.yaml:1: http: unknown key 'hots' (did you mean 'host'?)",
                "leitwarte.yaml:2: influx.flush_interval: expected a duration with a unit, got '5' (write e.g. 5s or 5m)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void bad_config_is_refused_with_every_problem_at_its_line(String name, String yaml, List<String> expected)
      throws IOException {
    Path file = write("leitwarte.yaml", yaml);

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected));
  }

  @Test
  void missing_file_is_a_problem_naming_where_it_was_looked_for() {
    Path file = dir.resolve("nowhere/leitwarte.yaml");

    assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .map(Problem::toString)
                    .containsExactly("leitwarte.yaml: file not found: " + file));
  }

  @Test
  void grafana_url_is_read_when_given_and_absent_otherwise() throws Exception {
    assertThat(ConfigLoader.load(write("leitwarte.yaml", MINIMAL), Map.of()).grafana()).isEmpty();
    assertThat(ConfigLoader.load(write("leitwarte.yaml", MINIMAL + "grafana: {url: \"https://grafana.example/\"}\n"), Map.of()).grafana())
        .contains(new LeitwarteConfig.Grafana(URI.create("https://grafana.example/")));
    Path bad = write("leitwarte.yaml", MINIMAL + "grafana: {url: grafana.example, uri: x}\n");
    assertThatThrownBy(() -> ConfigLoader.load(bad, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).map(Problem::toString).containsExactly(
            "leitwarte.yaml:6: grafana.url: expected an http or https URL like http://127.0.0.1:8086, got 'grafana.example'",
            "leitwarte.yaml:6: grafana: unknown key 'uri' (did you mean 'url'?)"));
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private Path copyResource(String resource, String target) throws IOException {
    Path file = dir.resolve(target);
    Files.createDirectories(file.getParent());
    try (InputStream in = ConfigLoaderTest.class.getResourceAsStream(resource)) {
      Files.writeString(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    return file;
  }
}
