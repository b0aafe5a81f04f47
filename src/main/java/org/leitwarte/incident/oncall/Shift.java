package org.leitwarte.incident.oncall;

import java.time.Instant;
import java.util.Objects;

/**
 * One stretch of the final on-call timeline: {@code person} is on call from {@code start} (inclusive)
 * until {@code end} (exclusive), because of {@code source}.
 */
public record Shift(String person, Instant start, Instant end, Source source) {

  public Shift {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(source, "source");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end: must be after start (" + start + "), got " + end);
    }
  }

  /** Why the person is on call: their turn in a layer, or an override. */
  public sealed interface Source {

    /** The person's turn in the layer of that name. */
    record FromLayer(String layer) implements Source {}

    /** An override, with its reason. */
    record FromOverride(String reason) implements Source {}
  }
}
