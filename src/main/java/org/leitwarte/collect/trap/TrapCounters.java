package org.leitwarte.collect.trap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@code leitwarte_traps_total{outcome}}: every packet at the trap port, by what became of it. Thread-safe. */
public final class TrapCounters {

  private final Map<TrapOutcome, Counter> counters = new EnumMap<>(TrapOutcome.class);
  private final Counter unstored;

  public TrapCounters(MeterRegistry registry) {
    for (TrapOutcome outcome : TrapOutcome.values()) {
      counters.put(outcome, Counter.builder("leitwarte.traps")
          .description("Packets received at the SNMP trap port, by outcome")
          .tag("outcome", outcome.label())
          .register(registry));
    }
    unstored = Counter.builder("leitwarte.trap.events.unstored")
        .description("Trap events taken but not kept in the store (more arrived than it took, or it failed);"
            + " they still reached the rules and InfluxDB")
        .register(registry);
  }

  void countUnstored(long events) {
    unstored.increment(events);
  }

  /** How many events were not kept in the store so far. */
  public long unstored() {
    return (long) unstored.count();
  }

  void count(TrapOutcome outcome) {
    counters.get(outcome).increment();
  }

  /** How many packets had {@code outcome} so far. */
  public long total(TrapOutcome outcome) {
    return (long) counters.get(outcome).count();
  }
}
