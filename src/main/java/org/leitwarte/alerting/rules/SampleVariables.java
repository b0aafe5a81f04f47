package org.leitwarte.alerting.rules;

import dev.cel.runtime.CelVariableResolver;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.collect.Sample;

/**
 * The variables a rule expression sees, read straight from the sample without copying its fields into
 * an activation map: a field by its name, {@code labels}, and {@code previous} (empty when there is no
 * previous sample). A field that is missing stays unresolved, which CEL reports as an unknown value.
 */
final class SampleVariables implements CelVariableResolver {

  static final String LABELS = "labels";
  static final String PREVIOUS = "previous";
  static final String DEVICE_DOWN = "device_down";
  static final String DEVICE_PINGED = "device_pinged";

  private final Evaluation evaluation;
  private final Set<String> floatFields;

  /** @param floatFields fields declared as double: an integer sent for one is widened, as CEL will not */
  SampleVariables(Evaluation evaluation, Set<String> floatFields) {
    this.evaluation = evaluation;
    this.floatFields = floatFields;
  }

  @Override
  public Optional<Object> find(String name) {
    switch (name) {
      case LABELS:
        return Optional.of(evaluation.labels());
      case PREVIOUS:
        return Optional.of(evaluation.previous().map(Sample::fields).orElse(Map.of()));
      case DEVICE_DOWN:
        return Optional.of(evaluation.deviceDown());
      case DEVICE_PINGED:
        return Optional.of(evaluation.devicePinged());
      default:
        Object value = evaluation.sample().fields().get(name);
        if (value instanceof Long number && floatFields.contains(name)) {
          return Optional.of(number.doubleValue());
        }
        return Optional.ofNullable(value);
    }
  }
}
