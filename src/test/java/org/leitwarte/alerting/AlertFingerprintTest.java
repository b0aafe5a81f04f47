package org.leitwarte.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertFingerprintTest {

  private static final Map<String, String> LABELS = Map.of(
      "alertname", "InterfaceDown", "severity", "critical", "device", "sw1", "if_index", "3");

  @Test
  void the_fingerprint_is_the_same_in_every_jvm_and_release() {
    // Pinned (computed by an independent FNV-1a implementation): alert ids are stored and referenced
    // by incidents, so changing the hash would orphan them all.
    assertThat(AlertFingerprint.of("InterfaceDown", LABELS)).isEqualTo("e26e912c6b63d029");
    assertThat(AlertFingerprint.of("Ümlaut", Map.of("device", "gerät-ü"))).isEqualTo("7d8c521a31cf5126");
  }

  @Test
  void label_order_does_not_matter() {
    Map<String, String> reversed = new LinkedHashMap<>();
    reversed.put("if_index", "3");
    reversed.put("device", "sw1");
    reversed.put("severity", "critical");
    reversed.put("alertname", "InterfaceDown");

    assertThat(AlertFingerprint.of("InterfaceDown", reversed)).isEqualTo(AlertFingerprint.of("InterfaceDown", LABELS));
  }

  @Test
  void different_rules_labels_or_splits_give_different_fingerprints() {
    assertThat(AlertFingerprint.of("InterfaceDown", Map.of("a", "bc")))
        .isNotEqualTo(AlertFingerprint.of("InterfaceDown", Map.of("ab", "c")))
        .isNotEqualTo(AlertFingerprint.of("InterfaceFlap", Map.of("a", "bc")))
        .isNotEqualTo(AlertFingerprint.of("InterfaceDown", Map.of("a", "bd")));
  }
}
