package org.leitwarte.alerting.maintenance;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.Suppressor;

/**
 * Suppresses alerts covered by a maintenance window in effect, naming it: {@code maintenance:12}. Holds
 * a snapshot of the windows that {@link #replace} swaps whole, so the evaluator reads without locks while
 * the API changes windows; reload it from {@link MaintenanceRepository#current} after each change.
 */
public final class MaintenanceSuppressor implements Suppressor {

  public static final String REASON_PREFIX = "maintenance:";

  private volatile List<MaintenanceWindow> windows = List.of();

  public MaintenanceSuppressor() {}

  public MaintenanceSuppressor(Collection<MaintenanceWindow> windows) {
    replace(windows);
  }

  /** Makes {@code windows} the ones in force; the oldest (lowest id) names the reason when several cover an alert. */
  public void replace(Collection<MaintenanceWindow> windows) {
    this.windows = windows.stream().sorted(Comparator.comparingLong(MaintenanceWindow::id)).toList();
  }

  public List<MaintenanceWindow> windows() {
    return windows;
  }

  @Override
  public Optional<String> suppressedBy(Map<String, String> labels, Instant now) {
    for (MaintenanceWindow window : windows) {
      // Matchers first: cheaper than the calendar.
      if (window.covers(labels) && window.isActive(now)) {
        return Optional.of(reason(window.id()));
      }
    }
    return Optional.empty();
  }

  public static String reason(long id) {
    return REASON_PREFIX + id;
  }
}
