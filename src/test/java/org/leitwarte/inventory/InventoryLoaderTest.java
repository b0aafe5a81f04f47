package org.leitwarte.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problem;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InventoryLoaderTest {

  static final LeitwarteConfig.Polling DEFAULTS =
      new LeitwarteConfig.Polling(Duration.ofSeconds(60), 500, Duration.ofSeconds(2), 1, 25, "0.0.0.0");
  static final Map<String, String> ENVIRONMENT =
      Map.of("WR_AUTH", "authpass123", "WR_PRIV", "privpass123", "IL_COMMUNITY", "public", "KDO_AUTH", "authpass123");

  /** The two snippets of the inventory format, exactly as documented. */
  static final String DOCUMENTED =
      """
      tenants:
        - {id: wernigerode, name: Stadt Wernigerode}
      sites:
        - {id: wr-rathaus, tenant: wernigerode, name: Rathaus, uplink: wr-router}   # uplink optional
      devices:
        - id: wr-router
          tenant: wernigerode
          site: wr-rathaus
          address: 127.0.0.2
          snmp: {version: 2c, community: public, port: 1161}
          icmp: true
          interval: 30s
          labels: {role: router}
        - id: wr-app1
          tenant: wernigerode
          address: 127.0.0.1
          parent: wr-router
          snmp: {version: 3, port: 16100, user: monuser, auth: SHA-256, auth_password: "${env:WR_AUTH}", priv: AES-256, priv_password: "${env:WR_PRIV}"}
      """;

  /** Every bad case below is appended to this; its first line is line 7 of the file. */
  private static final String HEADER =
      """
      tenants:
        - {id: wernigerode, name: Stadt Wernigerode}
        - {id: harz, name: Landkreis Harz}
      sites:
        - {id: wr-rathaus, tenant: wernigerode, name: Rathaus}
      devices:
      """;

  @TempDir Path dir;

  @Test
  void documented_format_loads_as_is() throws Exception {
    Inventory inventory = InventoryLoader.load(List.of(write("inventory.yaml", DOCUMENTED)), DEFAULTS, ENVIRONMENT);

    assertThat(inventory.tenants()).containsExactly(new Tenant("wernigerode", "Stadt Wernigerode"));
    assertThat(inventory.sites())
        .containsExactly(new Site("wr-rathaus", "wernigerode", "Rathaus", Optional.of("wr-router")));
    assertThat(inventory.devices())
        .containsExactly(
            new Device(
                "wr-router",
                "wernigerode",
                "wr-rathaus",
                "127.0.0.2",
                Optional.of(v2c("public", 1161)),
                true,
                Duration.ofSeconds(30),
                Optional.empty(),
                Map.of("role", "router"),
                List.of(),
                "inventory.yaml:6"),
            new Device(
                "wr-app1",
                "wernigerode",
                "wr-rathaus",
                "127.0.0.1",
                Optional.of(
                    new SnmpSettings(
                        SnmpVersion.V3,
                        16100,
                        Optional.empty(),
                        Optional.of("monuser"),
                        AuthProtocol.SHA_256,
                        Optional.of(Secret.of("${env:WR_AUTH}")),
                        PrivProtocol.AES_256,
                        Optional.of(Secret.of("${env:WR_PRIV}")),
                        Optional.empty(),
                        Duration.ofSeconds(2),
                        1,
                        25)),
                false,
                Duration.ofSeconds(60),
                Optional.of("wr-router"),
                Map.of(),
                List.of(),
                "inventory.yaml:14"));
  }

  @Test
  void example_inventory_loads_with_inherited_sites_and_snmp_defaults() throws Exception {
    Inventory inventory = InventoryLoader.load(List.of(example()), DEFAULTS, ENVIRONMENT);

    assertThat(inventory.tenants()).extracting(Tenant::id).containsExactly("wernigerode", "ilsenburg", "kdo");
    assertThat(inventory.sites())
        .extracting(Site::id)
        .containsExactly("wr-rathaus", "wr-bauhof", "il-rathaus", "kdo-rz1");
    assertThat(inventory.devices())
        .extracting(Device::id, Device::site, Device::source)
        .containsExactly(
            tuple("wr-router", "wr-rathaus", "example-inventory.yaml:38"),
            tuple("wr-app1", "wr-rathaus", "example-inventory.yaml:50"),
            tuple("wr-bauhof-switch", "wr-bauhof", "example-inventory.yaml:66"),
            tuple("il-printer", "il-rathaus", "example-inventory.yaml:74"),
            tuple("kdo-core", Device.NO_SITE, "example-inventory.yaml:87"),
            tuple("kdo-rz1-fw", "kdo-rz1", "example-inventory.yaml:93"));
    Device printer = inventory.device("il-printer").orElseThrow();
    assertThat(printer.interval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(printer.snmp().orElseThrow())
        .isEqualTo(
            new SnmpSettings(
                SnmpVersion.V1,
                161,
                Optional.of(Secret.of("${env:IL_COMMUNITY}")),
                Optional.empty(),
                AuthProtocol.NONE,
                Optional.empty(),
                PrivProtocol.NONE,
                Optional.empty(),
                Optional.empty(),
                Duration.ofSeconds(5),
                3,
                10));
    SnmpSettings core = inventory.device("kdo-core").orElseThrow().snmp().orElseThrow();
    assertThat(core.auth()).isEqualTo(AuthProtocol.SHA);
    assertThat(core.priv()).isEqualTo(PrivProtocol.NONE);
    Device bauhof = inventory.device("wr-bauhof-switch").orElseThrow();
    assertThat(bauhof.address()).isEqualTo("::1");
    assertThat(bauhof.snmp()).isEmpty();
    assertThat(inventory.device("wr-router").orElseThrow().labels())
        .isEqualTo(Map.of("role", "router", "vendor", "cisco"));
  }

  @Test
  void files_are_merged_and_may_refer_to_each_other_in_any_order() throws Exception {
    Path devices =
        write(
            "devices.yaml",
            """
            devices:
              - {id: wr-switch, tenant: wernigerode, address: 127.0.0.9, icmp: true, parent: wr-router}
            """);
    Path town =
        write(
            "town.yaml",
            """
            tenants: [{id: wernigerode, name: Stadt Wernigerode}]
            sites: [{id: wr-rathaus, tenant: wernigerode, name: Rathaus}]
            devices:
              - {id: wr-router, tenant: wernigerode, site: wr-rathaus, address: 127.0.0.2, icmp: true}
            """);

    Inventory inventory = InventoryLoader.load(List.of(devices, town), DEFAULTS, Map.of());

    assertThat(inventory.devices())
        .extracting(Device::id, Device::site, Device::source)
        .containsExactly(
            tuple("wr-switch", "wr-rathaus", "devices.yaml:2"),
            tuple("wr-router", "wr-rathaus", "town.yaml:4"));
  }

  @Test
  void an_id_defined_in_two_files_names_both_places() throws Exception {
    Path first = write("a.yaml", HEADER + "  - {id: wr-router, tenant: wernigerode, address: 127.0.0.2, icmp: true}\n");
    Path second =
        write("b.yaml", "devices:\n  - {id: wr-router, tenant: wernigerode, address: 127.0.0.3, icmp: true}\n");

    assertProblems(
        List.of(first, second), List.of("b.yaml:2: device 'wr-router': id: already defined at a.yaml:7"));
  }

  @Test
  void files_with_the_same_name_are_told_apart_by_their_path() throws Exception {
    Files.createDirectories(dir.resolve("a"));
    Files.createDirectories(dir.resolve("b"));
    Path first = write("a/inventory.yaml", "tenants: [{id: kdo}]\n");
    Path second = write("b/inventory.yaml", "tenants: [{id: kdo}]\n");

    assertProblems(
        List.of(first, second), List.of(second + ":1: tenant 'kdo': id: already defined at " + first + ":1"));
  }

  @Test
  void problems_in_several_files_are_all_reported() throws Exception {
    Path first = write("a.yaml", "tenants: [{id: kdo}]\ndevice: []\n");
    Path second = write("b.yaml", "");
    Path third = dir.resolve("c.yaml");

    assertProblems(
        List.of(first, second, third),
        List.of(
            "a.yaml:2: unknown key 'device' (did you mean 'devices'?)",
            "b.yaml: the file is empty",
            "c.yaml: file not found: " + third));
  }

  @Test
  void a_password_that_is_too_short_is_refused_without_showing_it() throws Exception {
    Path file =
        write(
            "inventory.yaml",
            HEADER
                + "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 3, user: u, auth: MD5, auth_password: pw4711}}\n");

    assertThatThrownBy(() -> InventoryLoader.load(List.of(file), DEFAULTS, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("inventory.yaml:7: device 'x': snmp.auth_password: must be at least 8 characters long (RFC 3414)")
        .hasMessageNotContaining("pw4711");
  }

  static Stream<Arguments> badDevices() {
    String v3 = "{id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 3, user: u, ";
    return Stream.of(
        arguments(
            "misspelt key",
            "  - {id: x, tenant: harz, adress: 127.0.0.1, icmp: true}",
            List.of(
                "inventory.yaml:7: device 'x': missing key 'address'",
                "inventory.yaml:7: device 'x': unknown key 'adress' (did you mean 'address'?)")),
        arguments(
            "misspelt key on its own line",
            "  - id: x\n    tenant: harz\n    address: 127.0.0.1\n    icmp: true\n    intervall: 30s",
            List.of("inventory.yaml:11: device 'x': unknown key 'intervall' (did you mean 'interval'?)")),
        arguments(
            "id with capitals and a space",
            "  - {id: WR Router, tenant: harz, address: 127.0.0.1, icmp: true}",
            List.of(
                "inventory.yaml:7: device 'WR Router': id: must match [a-z0-9][a-z0-9._-]* (lower-case letters, digits, '.', '_' and '-', not starting with a sign)")),
        arguments(
            "no id",
            "  - {tenant: harz, address: 127.0.0.1, icmp: true}",
            List.of("inventory.yaml:7: devices[0]: missing key 'id'")),
        arguments(
            "unknown tenant with a close match",
            "  - {id: x, tenant: wernigerod, address: 127.0.0.1, icmp: true}",
            List.of("inventory.yaml:7: device 'x': tenant: unknown tenant 'wernigerod' (did you mean 'wernigerode'?)")),
        arguments(
            "unknown site",
            "  - {id: x, tenant: wernigerode, site: bauhof, address: 127.0.0.1, icmp: true}",
            List.of("inventory.yaml:7: device 'x': site: unknown site 'bauhof'")),
        arguments(
            "site of another tenant",
            "  - {id: x, tenant: harz, site: wr-rathaus, address: 127.0.0.1, icmp: true}",
            List.of(
                "inventory.yaml:7: device 'x': site: site 'wr-rathaus' belongs to tenant 'wernigerode', not to 'harz'")),
        arguments(
            "unknown parent",
            "  - {id: x, tenant: harz, address: 127.0.0.1, icmp: true, parent: y}",
            List.of("inventory.yaml:7: device 'x': parent: unknown device 'y'")),
        arguments(
            "parents in a cycle",
            "  - {id: a, tenant: harz, address: 127.0.0.1, icmp: true, parent: c}\n"
                + "  - {id: b, tenant: harz, address: 127.0.0.2, icmp: true, parent: a}\n"
                + "  - {id: c, tenant: harz, address: 127.0.0.3, icmp: true, parent: b}\n"
                + "  - {id: d, tenant: harz, address: 127.0.0.4, icmp: true, parent: c}",
            List.of("inventory.yaml:7: device 'a': parent: parents form a cycle: a → c → b → a")),
        arguments(
            "own parent",
            "  - {id: a, tenant: harz, address: 127.0.0.1, icmp: true, parent: a}",
            List.of("inventory.yaml:7: device 'a': parent: parents form a cycle: a → a")),
        arguments(
            "host name as address",
            "  - {id: x, tenant: harz, address: router.example, icmp: true}",
            List.of(
                "inventory.yaml:7: device 'x': address: 'router.example' is not an IP address (host names are not supported yet; write the IPv4 or IPv6 address)")),
        arguments(
            "IPv4 address out of range",
            "  - {id: x, tenant: harz, address: 10.0.0.256, icmp: true}",
            List.of("inventory.yaml:7: device 'x': address: '10.0.0.256' is not a valid IPv4 or IPv6 address")),
        arguments(
            "broken IPv6 address",
            "  - {id: x, tenant: harz, address: 'fe80:::1', icmp: true}",
            List.of("inventory.yaml:7: device 'x': address: 'fe80:::1' is not a valid IPv4 or IPv6 address")),
        arguments(
            "nothing to poll",
            "  - {id: x, tenant: harz, address: 127.0.0.1}",
            List.of("inventory.yaml:7: device 'x': nothing to poll: give it snmp settings, icmp: true or checks")),
        arguments(
            "icmp that is not a boolean",
            "  - {id: x, tenant: harz, address: 127.0.0.1, icmp: sometimes, snmp: {version: 1, community: c}}",
            List.of("inventory.yaml:7: device 'x': icmp: expected true or false, got 'sometimes'")),
        arguments(
            "interval below one second",
            "  - {id: x, tenant: harz, address: 127.0.0.1, icmp: true, interval: 500ms}",
            List.of("inventory.yaml:7: device 'x': interval: must be at least 1s, got '500ms'")),
        arguments(
            "interval without unit",
            "  - {id: x, tenant: harz, address: 127.0.0.1, icmp: true, interval: 30}",
            List.of(
                "inventory.yaml:7: device 'x': interval: expected a duration with a unit, got '30' (write e.g. 30s or 30m)")),
        arguments(
            "labels with bad and reserved names",
            "  - id: x\n    tenant: harz\n    address: 127.0.0.1\n    icmp: true\n"
                + "    labels:\n      Role: router\n      site: elsewhere\n      rack: [1, 2]",
            List.of(
                "inventory.yaml:12: device 'x': labels: label name 'Role' must match [a-z_][a-z0-9_]*",
                "inventory.yaml:13: device 'x': labels: label 'site' is reserved (tenant, site and device are set by Leitwarte)",
                "inventory.yaml:14: device 'x': labels.rack: expected a string, got a list")),
        arguments(
            "SNMP version 2",
            "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 2, community: c}}",
            List.of("inventory.yaml:7: device 'x': snmp.version: expected 1, 2c or 3, got '2'")),
        arguments(
            "SNMP without version",
            "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {community: c}}",
            List.of("inventory.yaml:7: device 'x': snmp: missing key 'version'")),
        arguments(
            "SNMP port not a number",
            "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 2c, community: c, port: abc}}",
            List.of("inventory.yaml:7: device 'x': snmp.port: expected an integer 1–65535, got 'abc'")),
        arguments(
            "misspelt SNMP key",
            "  - id: x\n    tenant: harz\n    address: 127.0.0.1\n    snmp:\n      version: 2c\n      comunity: c",
            List.of(
                "inventory.yaml:10: device 'x': snmp: missing key 'community' (needed for SNMP version 2c)",
                "inventory.yaml:12: device 'x': snmp: unknown key 'comunity' (did you mean 'community'?)")),
        arguments(
            "v2c with v3 keys",
            "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 2c, community: c, user: u, auth: SHA}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.user: only used with SNMP version 3",
                "inventory.yaml:7: device 'x': snmp.auth: only used with SNMP version 3")),
        arguments(
            "v3 with a community",
            "  - " + v3 + "community: c}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.community: not used with SNMP version 3 (give user, auth and priv instead)")),
        arguments(
            "v3 without user",
            "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 3}}",
            List.of("inventory.yaml:7: device 'x': snmp: missing key 'user' (needed for SNMP version 3)")),
        arguments(
            "unknown auth protocol",
            "  - " + v3 + "auth: SHA-257, auth_password: authpass123}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.auth: expected none, MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512, got 'SHA-257'")),
        arguments(
            "unknown priv protocol",
            "  - " + v3 + "auth: SHA, auth_password: authpass123, priv: 3DES, priv_password: privpass123}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.priv: expected none, DES, AES (= AES-128), AES-128, AES-192 or AES-256, got '3DES'")),
        arguments(
            "auth without password",
            "  - " + v3 + "auth: SHA-512}}",
            List.of("inventory.yaml:7: device 'x': snmp: missing key 'auth_password' (needed with auth)")),
        arguments(
            "auth password without auth",
            "  - " + v3 + "auth_password: authpass123}}",
            List.of("inventory.yaml:7: device 'x': snmp.auth_password: given, but no auth protocol is set")),
        arguments(
            "priv without auth",
            "  - " + v3 + "priv: AES, priv_password: privpass123}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.priv: needs auth as well (SNMPv3 has no privacy without authentication)")),
        arguments(
            "priv without password",
            "  - " + v3 + "auth: SHA, auth_password: authpass123, priv: AES-192}}",
            List.of("inventory.yaml:7: device 'x': snmp: missing key 'priv_password' (needed with priv)")),
        arguments(
            "priv password too short",
            "  - " + v3 + "auth: SHA, auth_password: authpass123, priv: DES, priv_password: short}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.priv_password: must be at least 8 characters long (RFC 3414)")),
        arguments(
            "secret from an unset environment variable",
            "  - id: x\n    tenant: harz\n    address: 127.0.0.1\n    snmp:\n      version: 3\n      user: u\n"
                + "      auth: SHA-256\n      auth_password: \"${env:WR_AUTH}\"",
            List.of("inventory.yaml:14: device 'x': snmp.auth_password: environment variable WR_AUTH is not set")),
        arguments(
            "SNMP timeout without unit",
            "  - {id: x, tenant: harz, address: 127.0.0.1, snmp: {version: 1, community: c, timeout: 2, retries: -1}}",
            List.of(
                "inventory.yaml:7: device 'x': snmp.timeout: expected a duration with a unit, got '2' (write e.g. 2s or 2m)",
                "inventory.yaml:7: device 'x': snmp.retries: expected an integer 0–10, got '-1'")),
        arguments(
            "device that is not a mapping",
            "  - wr-router",
            List.of("inventory.yaml:7: devices[0]: expected a mapping, got 'wr-router'")),
        arguments(
            "the same device twice",
            "  - {id: x, tenant: harz, address: 127.0.0.1, icmp: true}\n"
                + "  - {id: x, tenant: harz, address: 127.0.0.2, icmp: true}",
            List.of("inventory.yaml:8: device 'x': id: already defined at inventory.yaml:7")),
        arguments(
            "YAML syntax error",
            "  - {id: x, tenant: harz, address: 127.0.0.1, icmp: true",
            List.of(
                "inventory.yaml:8: YAML syntax error: expected ',' or '}', but got <stream end> (while parsing a flow mapping)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badDevices")
  void bad_inventory_is_refused_with_every_problem_at_its_line(String name, String devices, List<String> expected)
      throws Exception {
    assertProblems(List.of(write("inventory.yaml", HEADER + devices + "\n")), expected);
  }

  @Test
  void sites_with_unknown_tenants_and_uplinks_are_refused() throws Exception {
    Path file =
        write(
            "inventory.yaml",
            """
            tenants: [{id: harz}]
            sites:
              - {id: hz-amt, tenant: hartz, uplink: hz-router}
              - id: hz-schule
                tenant: harz
                uplink: hz-routr
            devices:
              - {id: hz-router, tenant: harz, site: hz-amt, address: 127.0.0.1, icmp: true}
            """);

    assertProblems(
        List.of(file),
        List.of(
            "inventory.yaml:3: site 'hz-amt': tenant: unknown tenant 'hartz' (did you mean 'harz'?)",
            "inventory.yaml:6: site 'hz-schule': uplink: unknown device 'hz-routr' (did you mean 'hz-router'?)"));
  }

  @Test
  void ipv6_and_ipv4_literals_are_accepted_as_written() throws Exception {
    Path file =
        write(
            "inventory.yaml",
            HEADER
                + "  - {id: a, tenant: harz, address: '2001:db8::1', icmp: true}\n"
                + "  - {id: b, tenant: harz, address: '::ffff:192.0.2.1', icmp: true}\n"
                + "  - {id: c, tenant: harz, address: 192.0.2.255, icmp: true}\n");

    Inventory inventory = InventoryLoader.load(List.of(file), DEFAULTS, Map.of());

    assertThat(inventory.devices())
        .extracting(Device::address)
        .containsExactly("2001:db8::1", "::ffff:192.0.2.1", "192.0.2.255");
  }

  private void assertProblems(List<Path> files, List<String> expected) {
    assertThatThrownBy(() -> InventoryLoader.load(files, DEFAULTS, Map.of()))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected));
  }

  static SnmpSettings v2c(String community, int port) {
    return new SnmpSettings(
        SnmpVersion.V2C,
        port,
        Optional.of(Secret.of(community)),
        Optional.empty(),
        AuthProtocol.NONE,
        Optional.empty(),
        PrivProtocol.NONE,
        Optional.empty(),
        Optional.empty(),
        Duration.ofSeconds(2),
        1,
        25);
  }

  private Path example() throws IOException {
    try (InputStream in = InventoryLoaderTest.class.getResourceAsStream("example-inventory.yaml")) {
      return Files.write(dir.resolve("example-inventory.yaml"), in.readAllBytes());
    }
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }
}
