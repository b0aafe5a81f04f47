package org.leitwarte.alerting.rules;

import dev.cel.runtime.CelEvaluationException;
import java.util.OptionalDouble;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.Rule;

/** A rule's {@code value}: a CEL expression that was checked to give a number. */
final class CelValue implements Rule.ValueExpression {

  private final CelExpression expression;

  CelValue(CelExpression expression) {
    this.expression = expression;
  }

  @Override
  public OptionalDouble value(Evaluation evaluation) {
    try {
      // Long, Double, or CEL's UnsignedLong for a uint: all Numbers.
      if (!(expression.evaluate(evaluation) instanceof Number number)) {
        return OptionalDouble.empty();
      }
      double value = number.doubleValue();
      return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
    } catch (CelEvaluationException | RuntimeException e) {
      return OptionalDouble.empty();
    }
  }

  String expression() {
    return expression.text();
  }

  @Override
  public boolean usesPrevious() {
    return expression.usesPrevious();
  }

  @Override
  public String toString() {
    return expression.text();
  }
}
