package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.leitwarte.alerting.maintenance.MaintenanceApi;

/** {@code /api/v1/maintenance-windows…}. */
final class MaintenanceRoutes implements RouteGroup {

  static final String PATH = "/api/v1/maintenance-windows";

  private final MaintenanceApi windows;

  MaintenanceRoutes(MaintenanceApi windows) {
    this.windows = windows;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listMaintenanceWindows", this::list);
    RouteGroup.on(builder, "createMaintenanceWindow", this::create);
    RouteGroup.on(builder, "getMaintenanceWindow", this::get);
    RouteGroup.on(builder, "expireMaintenanceWindow", this::expire);
  }

  private void list(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    boolean all = request.query("state").filter("all"::equals).isPresent();
    Responses.ok(context, windows.list(request.scope(), all).map(found -> MaintenanceJson.windows(found, windows.now())));
  }

  private void create(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.created(context,
        windows.create(request.scope(), request.actor(), MaintenanceJson.request(request.body()))
            .map(window -> MaintenanceJson.window(window, windows.now())),
        json -> PATH + "/" + json.getLong("id"));
  }

  private void get(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, windows.get(request.scope(), request.pathLong("id"))
        .map(window -> MaintenanceJson.window(window, windows.now())));
  }

  private void expire(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, windows.expire(request.scope(), request.actor(), request.pathLong("id"))
        .map(window -> MaintenanceJson.window(window, windows.now())));
  }
}
