package org.leitwarte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrapConfigTest {

  private static final String BASE = """
      influx: {url: "http://127.0.0.1:8086"}
      inventory: []
      """;

  @TempDir Path dir;

  private LeitwarteConfig load(String extra, Map<String, String> environment) throws Exception {
    Path file = dir.resolve("leitwarte.yaml");
    Files.writeString(file, BASE + extra);
    return ConfigLoader.load(file, environment);
  }

  @Test
  void without_the_section_no_traps_are_received() throws Exception {
    assertThat(load("", Map.of()).traps()).isEmpty();
  }

  @Test
  void communities_users_and_limits_are_read_with_defaults() throws Exception {
    LeitwarteConfig config = load("""
        traps:
          communities: [trapcomm, "${env:TRAP_COMMUNITY}"]
          users:
            - {user: trapuser, auth: sha-256, auth_password: "${env:TRAP_AUTH}", priv: AES-128, priv_password: privpass123}
            - {user: pinned, auth: SHA1, auth_password: authpass123, priv: aes-256, priv_password: privpass123, engine_id: "0x8000000001020304"}
          rate_limit: {per_source: 20}
        """, Map.of("TRAP_COMMUNITY", "c", "TRAP_AUTH", "authpass123"));
    LeitwarteConfig.Traps traps = config.traps().orElseThrow();
    assertThat(traps.address()).isEqualTo("0.0.0.0");
    assertThat(traps.port()).isEqualTo(162);
    assertThat(traps.communities()).hasSize(2);
    assertThat(traps.users()).extracting(LeitwarteConfig.Traps.TrapUser::auth).containsExactly("SHA-256", "SHA");
    assertThat(traps.users()).extracting(LeitwarteConfig.Traps.TrapUser::priv).containsExactly("AES", "AES-256");
    assertThat(traps.users().get(1).engineId()).contains("8000000001020304");
    assertThat(traps.users().get(0).engineId()).isEmpty();
    assertThat(traps.users().get(0).source()).isEqualTo("leitwarte.yaml:6");
    assertThat(traps.engineId()).isEmpty();
    assertThat(traps.ratePerSource()).isEqualTo(20);
    assertThat(traps.burst()).isEqualTo(200);
    assertThat(traps.keepPerDevice()).isEqualTo(1000);
    assertThat(traps.keepFor()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void address_and_port_can_be_chosen() throws Exception {
    LeitwarteConfig.Traps traps = load("""
        traps: {address: "::1", port: 10162, communities: [c], engine_id: "80:00:1f:88:04:6c:65:69:74"}
        """, Map.of()).traps().orElseThrow();
    assertThat(traps.address()).isEqualTo("::1");
    assertThat(traps.port()).isEqualTo(10162);
    assertThat(traps.engineId()).isEqualTo(Optional.of("80001f88046c656974"));
  }

  @Test
  void mistakes_name_the_line_and_key() {
    assertThatThrownBy(() -> load("""
        traps:
          address: traps.example.org
          port: 70000
          users:
            - {user: a, auth: SHA-3, auth_password: authpass123}
            - {user: b, auth: SHA, auth_password: short, priv: AES}
            - {user: c, priv: AES, priv_password: privpass123}
            - {auth: SHA, auth_password: authpass123, engine_id: 0x80}
          rate_limit: {per_source: 0, bursts: 5}
        """, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leitwarte.yaml:4: traps.address: 'traps.example.org' is not an IP address")
        .hasMessageContaining("leitwarte.yaml:5: traps.port: expected an integer 1–65535, got '70000'")
        .hasMessageContaining("leitwarte.yaml:7: traps.users[0]: auth: expected none, MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512, got 'SHA-3'")
        .hasMessageContaining("leitwarte.yaml:8: traps.users[1]: auth_password: must be at least 8 characters long (RFC 3414)")
        .hasMessageContaining("leitwarte.yaml:8: traps.users[1]: missing key 'priv_password' (needed with priv)")
        .hasMessageContaining("leitwarte.yaml:9: traps.users[2]: priv: needs auth as well")
        .hasMessageContaining("leitwarte.yaml:10: traps.users[3]: missing key 'user'")
        .hasMessageContaining("leitwarte.yaml:10: traps.users[3]: engine_id: expected an engine ID of 5 to 32 octets in hex")
        .hasMessageContaining("leitwarte.yaml:11: traps.rate_limit.per_source: expected an integer 1–1000000, got '0'")
        .hasMessageContaining("leitwarte.yaml:11: traps.rate_limit: unknown key 'bursts' (did you mean 'burst'?)");
  }

  @Test
  void a_section_that_accepts_nothing_is_refused() {
    assertThatThrownBy(() -> load("""
        traps: {port: 10162, users: []}
        """, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leitwarte.yaml:3: traps: neither communities nor users given: no trap would be accepted");
  }
}
