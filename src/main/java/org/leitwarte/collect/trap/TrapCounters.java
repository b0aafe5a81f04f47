package org.leitwarte.collect.trap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@code leitwarte_traps_total{outcome}}: every packet at the trap port, by what became of it. Thread-safe. */
public final class TrapCounters {

  private final Map<TrapOutcome, Counter> counters = new EnumMap<>(TrapOutcome.class);

  public TrapCounters(MeterRegistry registry) {
    for (TrapOutcome outcome : TrapOutcome.values()) {
      counters.put(outcome, Counter.builder("leitwarte.traps")
          .description("Packets received at the SNMP trap port, by outcome")
          .tag("outcome", outcome.label())
          .register(registry));
    }
  }

  void count(TrapOutcome outcome) {
    counters.get(outcome).increment();
  }

  /** How many packets had {@code outcome} so far. */
  public long total(TrapOutcome outcome) {
    return (long) counters.get(outcome).count();
  }
}
