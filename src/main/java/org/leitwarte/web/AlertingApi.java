package org.leitwarte.web;

import java.util.Objects;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.maintenance.MaintenanceApi;
import org.leitwarte.alerting.silence.SilenceApi;

/** The alerting features behind the API's routes, as the composition root hands them to the HTTP server. */
public record AlertingApi(AlertApi alerts, SilenceApi silences, MaintenanceApi maintenanceWindows) {

  public AlertingApi {
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(silences, "silences");
    Objects.requireNonNull(maintenanceWindows, "maintenanceWindows");
  }
}
