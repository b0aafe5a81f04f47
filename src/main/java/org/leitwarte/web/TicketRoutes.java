package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.ticket.TicketQuery;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.ticket.TicketStatus;

/**
 * {@code /api/v1/tickets…}. The acting user is the request's principal: they open, comment and change
 * tickets in their own name and scope. A ticket is named by its number ({@code 17}) or reference
 * ({@code T-17}).
 */
final class TicketRoutes implements RouteGroup {

  static final String PATH = "/api/v1/tickets";

  private final TicketService tickets;

  TicketRoutes(TicketService tickets) {
    this.tickets = tickets;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listTickets", this::list);
    RouteGroup.on(builder, "openTicket", this::open);
    RouteGroup.on(builder, "getTicket", this::get);
    RouteGroup.on(builder, "addTicketComment", this::comment);
    RouteGroup.on(builder, "changeTicketStatus", this::status);
    RouteGroup.on(builder, "assignTicket", this::assign);
  }

  private void list(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Set<TicketStatus> statuses = EnumSet.noneOf(TicketStatus.class);
    request.queryList("status").forEach(status -> statuses.add(status(status, "status")));
    TicketQuery query = new TicketQuery(statuses, request.query("tenant"), request.query("assignee"),
        request.queryInt("limit", TicketQuery.DEFAULT_LIMIT));
    Responses.ok(context, tickets.list(request.scope(), query).map(TicketJson::tickets));
  }

  private void open(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.created(context,
        tickets.open(request.principal(), TicketJson.request(request.body()), request.address()).map(TicketJson::ticket),
        json -> PATH + "/" + json.getLong("id"));
  }

  private void get(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, tickets.details(request.scope(), id(request)).map(TicketJson::details));
  }

  private void comment(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    long id = id(request);
    Responses.created(context,
        tickets.comment(request.principal(), id, request.body().getString("text", ""), request.address()).map(TicketJson::comment),
        json -> PATH + "/" + id);
  }

  private void status(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    TicketStatus to = status(request.body().getString("status", ""), "status");
    Optional<String> comment = Optional.ofNullable(request.body().getString("comment"));
    Responses.ok(context, tickets.changeStatus(request.principal(), id(request), to, comment, request.address()).map(TicketJson::ticket));
  }

  private void assign(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Optional<String> assignee = Optional.ofNullable(request.body().getString("assignee"));
    Responses.ok(context, tickets.assign(request.principal(), id(request), assignee, request.address()).map(TicketJson::ticket));
  }

  /** {@code 17} or {@code T-17}; the document's pattern has checked the form. */
  private static long id(ApiRequest request) {
    String id = request.path("id");
    try {
      return Long.parseLong(id.startsWith("T-") ? id.substring(2) : id);
    } catch (NumberFormatException e) {
      throw new InvalidInputException("id", "'" + id + "' is not a ticket number (17 or T-17)");
    }
  }

  private static TicketStatus status(String label, String field) {
    return TicketStatus.ofLabel(label).orElseThrow(() -> new InvalidInputException(field, "unknown status '" + label
        + "'; one of new, in_progress, waiting_for_municipality, resolved, closed"));
  }
}
