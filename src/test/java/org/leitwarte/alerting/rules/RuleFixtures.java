package org.leitwarte.alerting.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.ConfigException;

/** Rules loaded from text and samples made by hand, for the tests of this package. */
final class RuleFixtures {

  private RuleFixtures() {}

  /** The one rule of a file holding just {@code ruleYaml} (indented as an item of {@code rules:}). */
  static Rule rule(Path dir, String ruleYaml) {
    try {
      Files.writeString(dir.resolve("rule.yaml"), "rules:\n" + ruleYaml.indent(2));
      RuleSet rules = RuleLoader.load(dir);
      return rules.all().get(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  /** A sample of {@code measurement} from device r1 of tenant t, with {@code fields} (name, value, …). */
  static Sample sample(String measurement, Object... fields) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < fields.length; i += 2) {
      values.put((String) fields[i], fields[i + 1]);
    }
    return new Sample(measurement, Map.of("tenant", "t", "site", "s", "device", "r1"), values, 1_700_000_000_000L);
  }

  static Evaluation evaluation(Sample sample) {
    return new Evaluation(sample, sample.tags(), Optional.empty());
  }

  static Evaluation evaluation(Sample sample, Sample previous) {
    return new Evaluation(sample, sample.tags(), Optional.of(previous));
  }

  static Evaluation evaluation(Sample sample, Map<String, String> labels) {
    Map<String, String> all = new HashMap<>(sample.tags());
    all.putAll(labels);
    return new Evaluation(sample, all, Optional.empty());
  }
}
