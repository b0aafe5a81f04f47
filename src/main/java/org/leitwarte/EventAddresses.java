package org.leitwarte;

/** Every event-bus address Leitwarte uses, in one place. All messages stay inside one JVM (local codecs). */
public final class EventAddresses {

  /** {@link org.leitwarte.collect.SampleBatch}es from the scheduler, for the metrics writer and the rule evaluator. */
  public static final String SAMPLES = "leitwarte.samples";

  /** {@link org.leitwarte.alerting.AlertChange}s from the rule evaluator, for the incident engine and the UI. */
  public static final String ALERTS = "leitwarte.alerts";

  private EventAddresses() {}
}
