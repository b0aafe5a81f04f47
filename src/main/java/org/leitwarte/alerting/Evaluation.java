package org.leitwarte.alerting;

import java.util.Map;
import java.util.Optional;
import org.leitwarte.collect.Sample;

/**
 * What a rule's expressions see for one sample: its fields, its labels (the sample's tags plus the
 * device's inventory labels such as {@code role} and {@code service}), the previous sample of the
 * same series, if there was one (for conditions such as "uptime went backwards"), and what is known
 * of the device as a whole ({@code device_down}, {@code device_pinged} in rule expressions: "the SNMP
 * agent does not answer while the device answers pings").
 *
 * @param deviceDown the device is known to be down (no reply to ping; without ping, no SNMP answer)
 * @param devicePinged the device is pinged, so ping decides whether it is down
 */
public record Evaluation(
    Sample sample, Map<String, String> labels, Optional<Sample> previous, boolean deviceDown, boolean devicePinged) {

  /** For a sample whose device is not known to be down and is not pinged. */
  public Evaluation(Sample sample, Map<String, String> labels, Optional<Sample> previous) {
    this(sample, labels, previous, false, false);
  }
}
