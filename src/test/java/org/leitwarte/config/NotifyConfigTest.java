package org.leitwarte.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifyConfigTest {

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
  void without_the_sections_nothing_is_sent_and_links_get_defaults() throws Exception {
    LeitwarteConfig config = load("", Map.of());
    assertThat(config.incidents()).isEqualTo(new LeitwarteConfig.Incidents(Optional.empty(), Optional.empty(), Duration.ofHours(24)));
    assertThat(config.notifications().email()).isEmpty();
    assertThat(config.notifications().sms()).isEmpty();
    assertThat(config.notifications().imap()).isEmpty();
    assertThat(config.notifications().rateLimit()).isEqualTo(new LeitwarteConfig.Notify.RateLimit(10, Duration.ofMinutes(10)));
    assertThat(config.notifications().retries())
        .isEqualTo(new LeitwarteConfig.Notify.Retries(5, Duration.ofSeconds(5), Duration.ofMinutes(5)));
  }

  @Test
  void every_channel_is_read() throws Exception {
    LeitwarteConfig config = load("""
        incidents: {public_url: "https://leitwarte.example.org", link_secret: "${env:LINKS}", link_validity: 12h}
        notify:
          email: {host: smtp.example.org, port: 587, starttls: required, username: leitwarte, password: "${env:SMTP}", from: "Leitwarte <lw@example.org>"}
          webhook_secret: "${env:HOOKS}"
          sms: {url: "https://sms.example.org/send", body: '{"to": "{{phone}}", "text": "{{text}}"}', headers: {Content-Type: application/json}}
          rate_limit: {per_person: 3, window: 5m}
          retries: {attempts: 3, first_delay: 1s, max_delay: 30s}
          imap: {host: imap.example.org, username: leitwarte, password: "${env:IMAP}", poll: 1m}
        """, Map.of("LINKS", "l", "SMTP", "s", "HOOKS", "h", "IMAP", "i"));
    assertThat(config.incidents().publicUrl()).contains(URI.create("https://leitwarte.example.org"));
    assertThat(config.incidents().linkValidity()).isEqualTo(Duration.ofHours(12));
    LeitwarteConfig.Notify.Email email = config.notifications().email().orElseThrow();
    assertThat(email.port()).isEqualTo(587);
    assertThat(email.startTls()).isEqualTo(LeitwarteConfig.Notify.StartTls.REQUIRED);
    assertThat(email.password().orElseThrow().reveal(Map.of("SMTP", "s"))).isEqualTo("s");
    assertThat(config.notifications().sms().orElseThrow().method()).isEqualTo("POST");
    assertThat(config.notifications().sms().orElseThrow().headers()).containsEntry("Content-Type", "application/json");
    assertThat(config.notifications().imap().orElseThrow().port()).isEqualTo(993);
    assertThat(config.notifications().rateLimit().perPerson()).isEqualTo(3);
  }

  @Test
  void mistakes_name_the_line_and_key() {
    assertThatThrownBy(() -> load("""
        notify:
          email: {host: smtp.example.org, starttls: sometimes}
          sms: {method: PUT}
          imap: {host: imap.example.org, username: lw}
        """, Map.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("leitwarte.yaml:4: notify.email.starttls: expected disabled, optional or required, got 'sometimes'")
        .hasMessageContaining("leitwarte.yaml:5: notify.sms: missing key 'url'")
        .hasMessageContaining("leitwarte.yaml:5: notify.sms.method: expected GET or POST, got 'PUT'")
        .hasMessageContaining("notify.imap: missing key 'password'");
  }
}
