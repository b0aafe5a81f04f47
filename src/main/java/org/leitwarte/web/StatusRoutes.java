package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.status.DeviceFilter;
import org.leitwarte.status.Status;

/** {@code /api/v1/tenants…}, {@code /api/v1/devices}, {@code /api/v1/devices/{id}} and the status event stream. */
final class StatusRoutes implements RouteGroup {

  private final StatusApi status;
  private final StatusEvents events;

  StatusRoutes(StatusApi status, StatusEvents events) {
    this.status = status;
    this.events = events;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listTenants", this::tenants);
    RouteGroup.on(builder, "getTenant", this::tenant);
    RouteGroup.on(builder, "listDevices", this::devices);
    RouteGroup.on(builder, "getDevice", this::device);
    RouteGroup.on(builder, "streamStatus", context -> events.subscribe(context, ApiRequest.of(context).scope()));
  }

  private void tenants(RoutingContext context) {
    ApiScope scope = ApiRequest.of(context).scope();
    Responses.ok(context, status.board().map(board -> StatusJson.tenants(board.tenants(scope))));
  }

  private void tenant(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    ApiScope scope = request.scope();
    String id = request.path("id");
    Responses.ok(context, status.board().map(board -> StatusJson.tenantDetail(board, scope, board.tenant(scope, id))));
  }

  private void devices(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    ApiScope scope = request.scope();
    DeviceFilter filter = new DeviceFilter(request.query("tenant"), request.query("site"), request.query("state").map(Status::ofLabel));
    Responses.ok(context, status.board().map(board -> StatusJson.devices(board.devices(scope, filter))));
  }

  private void device(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    ApiScope scope = request.scope();
    String id = request.path("id");
    String language = request.language();
    Responses.ok(context, status.board().map(board -> StatusJson.deviceDetail(board, scope, board.device(scope, id), language)));
  }
}
