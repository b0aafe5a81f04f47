package org.leitwarte.alerting.history;

import io.vertx.core.Future;
import java.util.List;
import java.util.Objects;
import org.leitwarte.alerting.Alert;

/**
 * What the alert routes of the API do: list alerts, show one and its history, show a device's history,
 * each within the request's {@link ApiScope}. Another tenant's alert answers as a missing one does.
 */
public final class AlertApi {

  /** How many history entries a request gets unless it says otherwise. */
  public static final int DEFAULT_HISTORY_LIMIT = 100;

  private final AlertRepository alerts;

  public AlertApi(AlertRepository alerts) {
    this.alerts = Objects.requireNonNull(alerts, "alerts");
  }

  /** The alerts {@code query} asks for, newest first; a tenant scope narrows it to that tenant. */
  public Future<List<Alert>> list(ApiScope scope, AlertQuery query) {
    if (scope.tenant().isEmpty()) {
      return alerts.list(query);
    }
    if (query.tenant().isPresent() && !query.tenant().equals(scope.tenant())) {
      return Future.succeededFuture(List.of());
    }
    return alerts.list(query.withTenant(scope.tenant().get()));
  }

  /** @return the alert, or a failed future with a {@link NotFoundException} */
  public Future<Alert> get(ApiScope scope, String id) {
    return alerts.get(id).compose(found -> found
        .filter(alert -> scope.sees(alert.tenant()))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("alert " + id))));
  }

  /**
   * The latest {@code limit} changes of one alert, newest first. The history outlives the clean-up of
   * resolved alerts, so an alert that is gone but has history still answers.
   *
   * @return a failed future with a {@link NotFoundException} when there is neither alert nor history
   */
  public Future<List<HistoryEntry>> history(ApiScope scope, String id, int limit) {
    return checkedLimit(limit)
        .compose(v -> alerts.historyOfAlert(id, limit))
        .compose(entries -> {
          List<HistoryEntry> visible = visible(scope, entries);
          return visible.isEmpty() ? get(scope, id).map(alert -> visible) : Future.succeededFuture(visible);
        });
  }

  /** The latest {@code limit} changes of every alert of {@code device}, newest first; empty for an unknown device. */
  public Future<List<HistoryEntry>> deviceHistory(ApiScope scope, String device, int limit) {
    return checkedLimit(limit).compose(v -> alerts.history(device, limit)).map(entries -> visible(scope, entries));
  }

  private static List<HistoryEntry> visible(ApiScope scope, List<HistoryEntry> entries) {
    return entries.stream().filter(entry -> scope.sees(entry.tenant())).toList();
  }

  private static Future<Void> checkedLimit(int limit) {
    return limit >= 1 && limit <= AlertQuery.MAX_LIMIT
        ? Future.succeededFuture()
        : Future.failedFuture(new InvalidInputException("limit", "must be 1 to " + AlertQuery.MAX_LIMIT + ", got " + limit));
  }
}
