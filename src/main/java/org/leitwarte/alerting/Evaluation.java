package org.leitwarte.alerting;

import java.util.Map;
import java.util.Optional;
import org.leitwarte.collect.Sample;

/**
 * What a rule's expressions see for one sample: its fields, its labels (the sample's tags plus the
 * device's inventory labels such as {@code role} and {@code service}) and the previous sample of the
 * same series, if there was one (for conditions such as "uptime went backwards").
 */
public record Evaluation(Sample sample, Map<String, String> labels, Optional<Sample> previous) {}
