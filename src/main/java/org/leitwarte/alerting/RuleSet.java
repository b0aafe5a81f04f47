package org.leitwarte.alerting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All loaded rules, indexed by measurement so that a sample meets only the rules that can match it. */
public final class RuleSet {

  private final List<Rule> rules;
  private final Map<String, List<Rule>> byMeasurement = new HashMap<>();
  private final Map<String, Rule> byName = new HashMap<>();

  public RuleSet(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    for (Rule rule : this.rules) {
      if (byName.putIfAbsent(rule.name(), rule) != null) {
        throw new IllegalArgumentException("rule '" + rule.name() + "' is defined twice");
      }
      byMeasurement.computeIfAbsent(rule.measurement(), m -> new ArrayList<>()).add(rule);
    }
    byMeasurement.replaceAll((measurement, list) -> Collections.unmodifiableList(list));
  }

  public static RuleSet empty() {
    return new RuleSet(List.of());
  }

  public List<Rule> all() {
    return rules;
  }

  /** The rules whose selector names {@code measurement}; an empty list for any other. */
  public List<Rule> forMeasurement(String measurement) {
    return byMeasurement.getOrDefault(measurement, List.of());
  }

  public Optional<Rule> rule(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  public int size() {
    return rules.size();
  }
}
