package org.leitwarte.alerting.rules;

import dev.cel.runtime.CelEvaluationException;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.Rule;

/** A rule's {@code condition} or {@code clear}: a CEL expression that was checked to give a bool. */
final class CelCondition implements Rule.Condition {

  private final CelExpression expression;

  CelCondition(CelExpression expression) {
    this.expression = expression;
  }

  @Override
  public Verdict test(Evaluation evaluation) {
    try {
      Object result = expression.evaluate(evaluation);
      if (result instanceof Boolean bool) {
        return bool ? Verdict.TRUE : Verdict.FALSE;
      }
      // An unknown set (a field the sample lacks) or, from a dyn expression, something not a bool.
      return Verdict.ERROR;
    } catch (CelEvaluationException | RuntimeException e) {
      return Verdict.ERROR;
    }
  }

  @Override
  public boolean usesPrevious() {
    return expression.usesPrevious();
  }

  @Override
  public String expression() {
    return expression.text();
  }

  @Override
  public String toString() {
    return expression.text();
  }
}
