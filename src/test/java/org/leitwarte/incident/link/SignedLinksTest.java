package org.leitwarte.incident.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SignedLinksTest {

  private static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();

  private static SignedLinks links(Instant now, byte[] key) {
    return new SignedLinks(URI.create("https://leitwarte.example.org/"), key, Duration.ofHours(24), Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void a_link_names_incident_and_person_and_verifies() {
    SignedLinks links = links(NOW, KEY);
    URI link = links.linkFor(42, "mmueller");
    assertThat(link.toString()).startsWith("https://leitwarte.example.org/ack/");
    String token = link.getPath().substring("/ack/".length());
    SignedLinks.Verification verification = links(NOW.plus(Duration.ofHours(23)), KEY).verify(token);
    assertThat(verification).isInstanceOfSatisfying(SignedLinks.Verification.Valid.class, valid -> {
      assertThat(valid.incidentId()).isEqualTo(42);
      assertThat(valid.personId()).isEqualTo("mmueller");
      assertThat(valid.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
    });
  }

  @Test
  void two_links_for_the_same_incident_and_person_differ() {
    SignedLinks links = links(NOW, KEY);
    assertThat(links.token(42, "mmueller")).isNotEqualTo(links.token(42, "mmueller"));
  }

  @Test
  void an_expired_link_is_recognised_as_ours_but_refused() {
    String token = links(NOW, KEY).token(42, "mmueller");
    assertThat(links(NOW.plus(Duration.ofHours(24)), KEY).verify(token)).isInstanceOf(SignedLinks.Verification.Expired.class);
  }

  @Test
  void an_altered_or_foreign_link_is_forged() {
    String token = links(NOW, KEY).token(42, "mmueller");
    // Another incident id in the body, signature unchanged.
    byte[] body = Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.')));
    body[7] = 43;
    String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(body) + token.substring(token.indexOf('.'));
    assertThat(links(NOW, KEY).verify(altered)).isInstanceOf(SignedLinks.Verification.Forged.class);
    assertThat(links(NOW, "another key of thirty-two bytes!".getBytes()).verify(token))
        .isInstanceOf(SignedLinks.Verification.Forged.class);
    assertThat(links(NOW, KEY).verify("nonsense")).isInstanceOf(SignedLinks.Verification.Forged.class);
    assertThat(links(NOW, KEY).verify("a.b.c")).isInstanceOf(SignedLinks.Verification.Forged.class);
    assertThat(links(NOW, KEY).verify("%%%.***")).isInstanceOf(SignedLinks.Verification.Forged.class);
  }
}
