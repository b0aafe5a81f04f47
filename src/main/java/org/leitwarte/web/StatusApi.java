package org.leitwarte.web;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.maintenance.MaintenanceRepository;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.status.StatusCalculator;

/**
 * What the status and device routes read, as the composition root hands it to the HTTP server: the
 * inventory, the scheduler's view of each device, the active alerts and the maintenance windows.
 *
 * @param inventory the stored inventory (read at each request, so a re-import shows at once)
 * @param checkEvery how often the event stream looks for a change
 * @param heartbeatEvery how often the event stream sends a comment to keep the connection (and proxies) awake
 */
public record StatusApi(
    Supplier<Inventory> inventory,
    DeviceStates deviceStates,
    AlertRepository alerts,
    MaintenanceRepository maintenance,
    Clock clock,
    Duration checkEvery,
    Duration heartbeatEvery) {

  public static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  public static final Duration HEARTBEAT_EVERY = Duration.ofSeconds(15);

  public StatusApi {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(deviceStates, "deviceStates");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(maintenance, "maintenance");
    Objects.requireNonNull(clock, "clock");
    if (checkEvery.isNegative() || checkEvery.isZero() || heartbeatEvery.isNegative() || heartbeatEvery.isZero()) {
      throw new IllegalArgumentException("checkEvery and heartbeatEvery must be positive");
    }
  }

  /** Checking every second, a heartbeat every 15 s. */
  public StatusApi(
      Supplier<Inventory> inventory, DeviceStates deviceStates, AlertRepository alerts, MaintenanceRepository maintenance, Clock clock) {
    this(inventory, deviceStates, alerts, maintenance, clock, CHECK_EVERY, HEARTBEAT_EVERY);
  }

  /** The board as it is now: two queries (active alerts, current maintenance windows), then pure calculation. */
  Future<StatusBoard> board() {
    Instant now = clock.instant();
    Future<List<Alert>> active = alerts.active();
    Future<List<MaintenanceWindow>> windows = maintenance.current(now);
    return Future.all(active, windows).map(both -> StatusCalculator.calculate(
        inventory.get(), deviceStates::state, active.result(), windows.result(), now));
  }
}
