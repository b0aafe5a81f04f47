package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.discovery.DiscoveryRefusedException;
import org.leitwarte.discovery.DiscoveryReport;
import org.leitwarte.discovery.DiscoveryService;
import org.leitwarte.discovery.DiscoveryUnavailableException;
import org.leitwarte.discovery.Proposal;
import org.leitwarte.discovery.SnmpAnswer;

/**
 * {@code POST /api/v1/discovery}: a discovery run for an administrator (the document allows no other role),
 * answered with what was found and the proposed inventory snippet.
 */
final class DiscoveryRoutes implements RouteGroup {

  private final DiscoveryService discovery;

  DiscoveryRoutes(DiscoveryService discovery) {
    this.discovery = discovery;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "runDiscovery", this::run);
  }

  private void run(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    JsonObject body = request.body();
    List<String> ranges = new ArrayList<>();
    body.getJsonArray("ranges", new JsonArray()).forEach(range -> ranges.add(String.valueOf(range)));
    String tenant = body.getString("tenant", "");
    discovery.discover(request.principal().user(), request.address(), tenant, ranges, request.language())
        .onSuccess(report -> Responses.send(context, 200, json(tenant, ranges, report)))
        .onFailure(failure -> {
          if (failure instanceof DiscoveryRefusedException refused) {
            context.fail(new InvalidInputException(refused.field(), refused.getMessage()));
          } else if (failure instanceof DiscoveryUnavailableException unavailable) {
            // fping or the SNMP socket: the server's set-up, not the request; the message says what to fix.
            Responses.send(context, 503, new ApiError(503, ApiError.UNAVAILABLE, unavailable.getMessage(), Optional.empty()).toJson());
          } else {
            context.fail(failure);
          }
        });
  }

  static JsonObject json(String tenant, List<String> ranges, DiscoveryReport report) {
    JsonArray addresses = new JsonArray();
    for (Proposal.Kind kind : Proposal.Kind.values()) {
      report.proposal().entries(kind).forEach(entry -> addresses.add(entry(entry)));
    }
    return new JsonObject()
        .put("tenant", tenant)
        .put("ranges", new JsonArray(ranges))
        .put("swept", report.findings().addresses().size())
        .put("pinged", report.findings().pinged().size())
        .put("snmp", report.findings().answers().size())
        .put("addresses", addresses)
        .put("snippet", report.snippet());
  }

  private static JsonObject entry(Proposal.Entry entry) {
    JsonObject json = new JsonObject()
        .put("address", entry.address())
        .put("kind", entry.kind().name().toLowerCase(Locale.ROOT))
        .put("id", entry.id())
        .put("existing_tenant", entry.existingTenant().orElse(null))
        .put("credential", entry.answer().map(SnmpAnswer::credential).orElse(null));
    json.put("sys_name", entry.answer().flatMap(SnmpAnswer::sysName).orElse(null));
    json.put("sys_descr", entry.answer().flatMap(SnmpAnswer::sysDescr).orElse(null));
    json.put("sys_object_id", entry.answer().flatMap(SnmpAnswer::sysObjectId).orElse(null));
    return json;
  }
}
