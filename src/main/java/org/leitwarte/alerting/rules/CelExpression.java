package org.leitwarte.alerting.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Set;
import org.leitwarte.alerting.Evaluation;

/** A compiled CEL program and the text it came from; one instance serves every sample, on any thread. */
final class CelExpression {

  private final CelRuntime.Program program;
  private final String text;
  private final Set<String> floatFields;
  private final boolean usesPrevious;

  CelExpression(CelRuntime.Program program, String text, Set<String> floatFields, boolean usesPrevious) {
    this.program = program;
    this.text = text;
    this.floatFields = Set.copyOf(floatFields);
    this.usesPrevious = usesPrevious;
  }

  boolean usesPrevious() {
    return usesPrevious;
  }

  /**
   * The result: a Boolean, Long, Double, String, …, or an unknown set when a field was missing.
   *
   * @throws CelEvaluationException when evaluation fails (division by zero, a missing map key, …)
   */
  Object evaluate(Evaluation evaluation) throws CelEvaluationException {
    return program.eval(new SampleVariables(evaluation, floatFields));
  }

  String text() {
    return text;
  }

  @Override
  public String toString() {
    return text;
  }
}
