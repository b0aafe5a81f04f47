package org.leitwarte.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One alert rule, as loaded from a file in {@code alert-rules/} and compiled. The evaluator sees only
 * this record and its small interfaces; how expressions and templates are compiled is the loader's
 * business.
 *
 * @param name unique across all rule files; also the {@code alertname} label
 * @param source where it was defined, {@code interface.yaml:12}
 * @param measurement the one measurement whose samples it looks at
 * @param matchers on the sample's labels (tags and device labels); all must match
 * @param condition when the alert is active
 * @param clearCondition with it, a firing alert resolves only once this holds (hysteresis: fire above
 *     90 %, clear below 80 %); without it, once {@code condition} no longer holds
 * @param forDuration how long the condition must hold before the alert fires (zero: at once)
 * @param keepFiringFor how long a firing alert stays firing after it would resolve
 * @param severity also added as the {@code severity} label
 * @param labels extra labels added to every alert of this rule
 * @param value a number shown in annotations and the API (e.g. the utilisation)
 * @param noData fire when a series of this rule sends no sample for this many of its device's
 *     intervals (never while the device itself is known to be down)
 */
public record Rule(
    String name,
    String source,
    String measurement,
    List<Matcher> matchers,
    Condition condition,
    Optional<Condition> clearCondition,
    Duration forDuration,
    Duration keepFiringFor,
    Severity severity,
    Map<String, String> labels,
    Annotations annotations,
    Optional<ValueExpression> value,
    Optional<Integer> noData,
    Flapping flapping) {

  public Rule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(measurement, "measurement");
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(clearCondition, "clearCondition");
    Objects.requireNonNull(forDuration, "forDuration");
    Objects.requireNonNull(keepFiringFor, "keepFiringFor");
    Objects.requireNonNull(severity, "severity");
    labels = Map.copyOf(labels);
    Objects.requireNonNull(annotations, "annotations");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(noData, "noData");
    Objects.requireNonNull(flapping, "flapping");
  }

  /** A compiled boolean expression over one sample. */
  public interface Condition {

    /** {@code ERROR}: could not be evaluated for this sample (a field it needs is missing, …). */
    enum Verdict {
      TRUE,
      FALSE,
      ERROR
    }

    /** Never throws. */
    Verdict test(Evaluation evaluation);

    /** The expression as written, for messages. */
    String expression();

    /**
     * Whether it reads {@link Evaluation#previous}. The evaluator keeps the previous sample of a
     * series only for measurements that have a rule that does (hundreds of thousands of retained
     * samples otherwise); the safe default is {@code true}.
     */
    default boolean usesPrevious() {
      return true;
    }
  }

  /** A compiled numeric expression over one sample. */
  public interface ValueExpression {

    /** Empty when it cannot be computed for this sample. Never throws. */
    OptionalDouble value(Evaluation evaluation);

    /** Whether it reads {@link Evaluation#previous}; see {@link Condition#usesPrevious()}. */
    default boolean usesPrevious() {
      return true;
    }
  }

  /** What an annotation template may use. */
  public record AnnotationContext(
      Map<String, String> labels, Map<String, Object> fields, OptionalDouble value, Severity severity, Instant activeSince) {}

  /** The compiled {@code annotations} of a rule ({@code summary}, {@code description}, {@code runbook}, …). */
  public interface Annotations {

    /**
     * Renders every annotation in {@code language} ({@code de} or {@code en}; an annotation written
     * only in German is shown in German). Never throws: templates were checked at load.
     */
    Map<String, String> render(String language, AnnotationContext context);
  }

  /**
   * A series whose condition changes more than {@code maxChanges} times within {@code window}
   * becomes one flapping alert, held firing until it has been stable for {@code window}.
   * {@link #OFF} disables the detection.
   */
  public record Flapping(int maxChanges, Duration window) {

    public static final Flapping DEFAULT = new Flapping(6, Duration.ofMinutes(10));
    public static final Flapping OFF = new Flapping(Integer.MAX_VALUE, Duration.ZERO);

    public boolean enabled() {
      return maxChanges != Integer.MAX_VALUE;
    }
  }
}
