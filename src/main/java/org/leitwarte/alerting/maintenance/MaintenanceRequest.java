package org.leitwarte.alerting.maintenance;

import java.util.List;
import java.util.Objects;
import org.leitwarte.alerting.Matcher;

/** A maintenance window as an API request asks for it: the alerts it covers, when, and why. */
public record MaintenanceRequest(List<Matcher> scope, Schedule schedule, String comment) {

  public MaintenanceRequest {
    scope = List.copyOf(scope);
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(comment, "comment");
  }
}
