package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final byte[] SECRET = "s3cret".getBytes(StandardCharsets.UTF_8);
  private static final byte[] BODY = "{\"reference\":\"LW-42\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant SENT = Instant.ofEpochSecond(1_741_919_820L);
  private static final String TIMESTAMP = Long.toString(SENT.getEpochSecond());

  @Test
  void signature_is_the_hex_hmac_of_timestamp_dot_body() {
    // Computed independently: printf '1741919820.{"reference":"LW-42"}' | openssl dgst -sha256 -hmac s3cret
    assertThat(WebhookSignature.sign(SECRET, TIMESTAMP, BODY))
        .isEqualTo("sha256=67dfd74ecb53d5ab8ae50850f132442b9fa34181e1a51344f0854114a4e0de63");
  }

  @Test
  void receiver_accepts_a_fresh_untouched_request() {
    String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);

    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, SENT.plusSeconds(20), Duration.ofMinutes(5))).isTrue();
  }

  @Test
  void receiver_rejects_a_changed_body_a_wrong_secret_and_a_replay() {
    String signature = WebhookSignature.sign(SECRET, TIMESTAMP, BODY);
    byte[] changed = "{\"reference\":\"LW-43\"}".getBytes(StandardCharsets.UTF_8);

    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, changed, signature, SENT, Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify("other".getBytes(StandardCharsets.UTF_8), TIMESTAMP, BODY, signature, SENT, Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, TIMESTAMP, BODY, signature, SENT.plusSeconds(600), Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, Long.toString(SENT.getEpochSecond() + 1), BODY, signature, SENT, Duration.ofMinutes(5))).isFalse();
  }
}
