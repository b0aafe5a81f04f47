package org.leitwarte.incident.oncall;

import java.time.Instant;
import java.util.Objects;

/** An override made at run time (API, CLI) and kept in the store, for one schedule. */
public record StoredOverride(long id, String schedule, ScheduleOverride override, String createdBy, Instant createdAt) {

  public StoredOverride {
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(override, "override");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
