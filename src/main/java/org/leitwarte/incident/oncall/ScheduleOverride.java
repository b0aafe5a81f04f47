package org.leitwarte.incident.oncall;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone on call instead of whoever the layers say, from {@code start} (inclusive) to {@code end}
 * (exclusive): a swap, sickness, holiday cover.
 */
public record ScheduleOverride(String person, Instant start, Instant end, String reason) {

  public ScheduleOverride {
    Objects.requireNonNull(person, "person");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(reason, "reason");
    if (!end.isAfter(start)) {
      throw new IllegalArgumentException("end: must be after start (" + start + "), got " + end);
    }
  }

  public boolean covers(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }
}
