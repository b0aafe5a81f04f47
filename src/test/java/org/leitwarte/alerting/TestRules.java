package org.leitwarte.alerting;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.Predicate;
import org.leitwarte.alerting.Rule.Condition.Verdict;

/** Hand-built rules for tests: conditions are lambdas, annotations a fixed little template. */
final class TestRules {

  private TestRules() {}

  static Rule.Condition when(String expression, Predicate<Evaluation> predicate) {
    return verdict(expression, e -> predicate.test(e) ? Verdict.TRUE : Verdict.FALSE);
  }

  static Rule.Condition verdict(String expression, Function<Evaluation, Verdict> test) {
    return new Rule.Condition() {
      @Override
      public Verdict test(Evaluation evaluation) {
        return test.apply(evaluation);
      }

      @Override
      public String expression() {
        return expression;
      }

      @Override
      public boolean usesPrevious() {
        return false;
      }
    };
  }

  /** {@code field == value} on a Long field; ERROR when the field is missing. */
  static Rule.Condition fieldIs(String field, long value) {
    return verdict(field + " == " + value, e -> e.sample().field(field) instanceof Long actual
        ? (actual == value ? Verdict.TRUE : Verdict.FALSE)
        : Verdict.ERROR);
  }

  /** {@code field > value} on a Double field. */
  static Rule.Condition above(String field, double value) {
    return verdict(field + " > " + value, e -> e.sample().field(field) instanceof Double actual
        ? (actual > value ? Verdict.TRUE : Verdict.FALSE)
        : Verdict.ERROR);
  }

  static Rule.Condition below(String field, double value) {
    return verdict(field + " < " + value, e -> e.sample().field(field) instanceof Double actual
        ? (actual < value ? Verdict.TRUE : Verdict.FALSE)
        : Verdict.ERROR);
  }

  /** "summary" in both languages, naming the device and the value, so tests can see what was rendered. */
  static final Rule.Annotations ANNOTATIONS = (language, context) -> Map.of(
      "summary",
      (language.equals("de") ? "Gerät " : "Device ") + context.labels().get("device")
          + (context.value().isPresent() ? " " + context.value().getAsDouble() : ""));

  static Builder rule(String name, String measurement) {
    return new Builder(name, measurement);
  }

  static final class Builder {
    private final String name;
    private final String measurement;
    private final List<Matcher> matchers = new ArrayList<>();
    private Rule.Condition condition = TestRules.when("true", e -> true);
    private Optional<Rule.Condition> clear = Optional.empty();
    private Duration forDuration = Duration.ZERO;
    private Duration keepFiringFor = Duration.ZERO;
    private Severity severity = Severity.CRITICAL;
    private Map<String, String> labels = Map.of();
    private Optional<Rule.ValueExpression> value = Optional.empty();
    private Optional<Integer> noData = Optional.empty();
    private Rule.Flapping flapping = Rule.Flapping.OFF;

    private Builder(String name, String measurement) {
      this.name = name;
      this.measurement = measurement;
    }

    Builder when(Rule.Condition condition) {
      this.condition = condition;
      return this;
    }

    Builder clearWhen(Rule.Condition clear) {
      this.clear = Optional.of(clear);
      return this;
    }

    Builder forDuration(Duration forDuration) {
      this.forDuration = forDuration;
      return this;
    }

    Builder keepFiringFor(Duration keepFiringFor) {
      this.keepFiringFor = keepFiringFor;
      return this;
    }

    Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    Builder labels(Map<String, String> labels) {
      this.labels = labels;
      return this;
    }

    Builder matching(Matcher matcher) {
      matchers.add(matcher);
      return this;
    }

    /** The value of a Double field. */
    Builder value(String field) {
      this.value = Optional.of(e -> e.sample().field(field) instanceof Double d ? OptionalDouble.of(d) : OptionalDouble.empty());
      return this;
    }

    Builder noData(int intervals) {
      this.noData = Optional.of(intervals);
      return this;
    }

    Builder flapping(Rule.Flapping flapping) {
      this.flapping = flapping;
      return this;
    }

    Rule build() {
      return new Rule(name, name + ".yaml:1", measurement, matchers, condition, clear, forDuration, keepFiringFor,
          severity, labels, ANNOTATIONS, value, noData, flapping);
    }
  }
}
