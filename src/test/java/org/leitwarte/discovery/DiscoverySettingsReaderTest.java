package org.leitwarte.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problem;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;

class DiscoverySettingsReaderTest {

  @TempDir Path dir;

  @Test
  void without_a_discovery_section_there_are_no_credentials_and_the_default_limit() throws Exception {
    DiscoverySettings settings = read("http: {port: 8080}\n");

    assertThat(settings.credentials()).isEmpty();
    assertThat(settings.maxAddresses()).isEqualTo(1024);
  }

  @Test
  void credentials_have_the_keys_of_a_devices_snmp_in_order() throws Exception {
    DiscoverySettings settings = read("""
        discovery:
          max_addresses: 256
          max_concurrent: 8
          snmp:
            - {version: 2c, community: public}
            - {version: 3, port: 1161, user: monuser, auth: SHA-256, auth_password: "${env:DISC_AUTH}", priv: AES, priv_password: privpass123, timeout: 300ms, retries: 0}
        """);

    assertThat(settings.maxAddresses()).isEqualTo(256);
    assertThat(settings.maxConcurrent()).isEqualTo(8);
    assertThat(settings.credentials()).extracting(SnmpSettings::version).containsExactly(SnmpVersion.V2C, SnmpVersion.V3);
    SnmpSettings v3 = settings.credentials().get(1);
    assertThat(v3.port()).isEqualTo(1161);
    assertThat(v3.timeout()).isEqualTo(Duration.ofMillis(300));
    assertThat(v3.authPassword().orElseThrow().raw()).isEqualTo("${env:DISC_AUTH}");
    assertThat(settings.credentials().get(0).port()).isEqualTo(161);
  }

  @Test
  void every_problem_of_the_section_is_named_with_file_and_line() {
    assertThatThrownBy(() -> read("""
        http: {port: 8080}
        discovery:
          max_addresses: 0
          snmp:
            - {version: 2c}
            - {version: 3, user: monuser, auth: SHA, auth_password: "${env:NOT_SET_ANYWHERE}"}
            - {version: 2c, comunity: public}
          scan_all: true
        """))
        .isInstanceOf(ConfigException.class)
        .satisfies(e -> assertThat(((ConfigException) e).problems()).extracting(Problem::toString).contains(
            "leitwarte.yaml:3: discovery.max_addresses: expected an integer 1–65536, got '0'",
            "leitwarte.yaml:5: discovery.snmp[0]: missing key 'community' (needed for SNMP version 2c)",
            "leitwarte.yaml:6: discovery.snmp[1]: auth_password: environment variable NOT_SET_ANYWHERE is not set",
            "leitwarte.yaml:8: discovery: unknown key 'scan_all'"))
        .hasMessageContaining("leitwarte.yaml:7: discovery.snmp[2]: unknown key 'comunity' (did you mean 'community'?)");
  }

  private DiscoverySettings read(String yaml) throws Exception {
    Path file = dir.resolve("leitwarte.yaml");
    Files.writeString(file, yaml);
    return DiscoverySettingsReader.read(file, InventorySnippetTest.DEFAULTS, Map.of("DISC_AUTH", "authpass123"));
  }
}
