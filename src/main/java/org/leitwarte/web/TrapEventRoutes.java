package org.leitwarte.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.List;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.collect.trap.TrapEvent;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.collect.trap.TrapEventRepository.StoredTrapEvent;

/**
 * {@code /api/v1/devices/{id}/events} and {@code /api/v1/events/unknown-sources}: the SNMP traps kept in
 * the store. A device must be in the inventory and visible to the request's tenant.
 */
final class TrapEventRoutes implements RouteGroup {

  private static final int DEFAULT_LIMIT = 100;

  private final TrapEventRepository events;
  private final StatusApi status;

  TrapEventRoutes(TrapEventRepository events, StatusApi status) {
    this.events = events;
    this.status = status;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listDeviceEvents", this::ofDevice);
    RouteGroup.on(builder, "listUnknownSourceEvents", this::ofUnknownSources);
  }

  private void ofDevice(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    ApiScope scope = request.scope();
    String id = request.path("id");
    int limit = request.queryInt("limit", DEFAULT_LIMIT);
    boolean visible = status.inventory().get().devices().stream()
        .anyMatch(device -> device.id().equals(id) && scope.sees(device.tenant()));
    Future<JsonObject> answer = visible
        ? events.ofDevice(id, limit).map(TrapEventRoutes::json)
        : Future.failedFuture(new NotFoundException("device " + id));
    Responses.ok(context, answer);
  }

  private void ofUnknownSources(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, events.ofUnknownSources(request.queryInt("limit", DEFAULT_LIMIT)).map(TrapEventRoutes::json));
  }

  static JsonObject json(List<StoredTrapEvent> stored) {
    return new JsonObject().put("events", new JsonArray(stored.stream().map(TrapEventRoutes::json).toList()));
  }

  static JsonObject json(StoredTrapEvent stored) {
    TrapEvent event = stored.event();
    return new JsonObject()
        .put("id", stored.id())
        .put("at", event.at().toString())
        .put("tenant", event.tenant())
        .put("site", event.site())
        .put("device", event.device())
        .put("known_source", event.knownSource())
        .put("source", event.source())
        .put("version", event.version())
        .put("trap", event.trap())
        .put("trap_oid", event.trapOid())
        .put("if_index", event.ifIndex().orElse(null))
        .put("if_name", event.ifName().orElse(null))
        .put("admin_status", event.adminStatus().isPresent() ? event.adminStatus().getAsLong() : null)
        .put("oper_status", event.operStatus().isPresent() ? event.operStatus().getAsLong() : null)
        .put("varbinds", event.varbinds());
  }
}
