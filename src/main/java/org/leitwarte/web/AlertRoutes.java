package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.Locale;
import java.util.Set;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.history.AlertQuery;

/** {@code /api/v1/alerts…} and {@code /api/v1/devices/{device}/alerts/history}. */
final class AlertRoutes implements RouteGroup {

  private final AlertApi alerts;

  AlertRoutes(AlertApi alerts) {
    this.alerts = alerts;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listAlerts", this::list);
    RouteGroup.on(builder, "getAlert", this::get);
    RouteGroup.on(builder, "getAlertHistory", this::history);
    RouteGroup.on(builder, "getDeviceAlertHistory", this::deviceHistory);
  }

  private void list(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    AlertQuery query = new AlertQuery(
        request.query("state").map(state -> Set.of(AlertState.valueOf(state.toUpperCase(Locale.ROOT)))).orElse(Set.of()),
        request.query("tenant"),
        request.query("device"),
        request.query("rule"),
        request.queryInt("limit", AlertQuery.DEFAULT_LIMIT));
    String language = request.language();
    Responses.ok(context, alerts.list(request.scope(), query).map(found -> AlertJson.alerts(found, language)));
  }

  private void get(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    String language = request.language();
    Responses.ok(context, alerts.get(request.scope(), request.path("id")).map(alert -> AlertJson.alert(alert, language)));
  }

  private void history(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    int limit = request.queryInt("limit", AlertApi.DEFAULT_HISTORY_LIMIT);
    Responses.ok(context, alerts.history(request.scope(), request.path("id"), limit).map(AlertJson::history));
  }

  private void deviceHistory(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    int limit = request.queryInt("limit", AlertApi.DEFAULT_HISTORY_LIMIT);
    Responses.ok(context, alerts.deviceHistory(request.scope(), request.path("device"), limit).map(AlertJson::history));
  }
}
