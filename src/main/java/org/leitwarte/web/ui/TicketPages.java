package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.ticket.Ticket;
import org.leitwarte.ticket.TicketComment;
import org.leitwarte.ticket.TicketDetails;
import org.leitwarte.ticket.TicketQuery;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.ticket.TicketStatus;
import org.leitwarte.user.Principal;
import org.leitwarte.web.Messages;

/**
 * The ticket queue and one ticket with its comments and forms. The queue shows the cooperative's users
 * every municipality's tickets, a municipality's user only their own; a ticket of another municipality
 * answers the same 404 page as a missing one.
 */
final class TicketPages {

  /** The queue's status filter: the open tickets unless asked otherwise. */
  static final String OPEN = "open";
  static final String ALL = "all";

  private final Pages pages;
  private final Supplier<Future<StatusBoard>> boards;
  private final Optional<TicketService> tickets;

  TicketPages(Pages pages, Supplier<Future<StatusBoard>> boards, Optional<TicketService> tickets) {
    this.pages = pages;
    this.boards = boards;
    this.tickets = tickets;
  }

  void list(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    if (tickets.isEmpty()) {
      unavailable(context);
      return;
    }
    Principal principal = UiRequest.principal(context);
    ApiScope scope = principal.scope();
    String status = Optional.ofNullable(context.queryParams().get("status")).orElse(OPEN);
    Optional<String> tenant = Optional.ofNullable(context.queryParams().get("tenant")).map(String::strip).filter(value -> !value.isEmpty());
    TicketQuery query = new TicketQuery(statuses(status), tenant, Optional.empty(), TicketQuery.DEFAULT_LIMIT);
    pages.answer(context, boards.get().compose(board -> tickets.get().list(scope, query).map(found -> {
      Map<String, String> tenantNames = tenantNames(board, scope);
      Map<String, Object> model = new HashMap<>();
      model.put("tickets", found.stream().map(ticket -> view(ticket, tenantNames, messages)).toList());
      model.put("has_tickets", !found.isEmpty());
      List<String> choices = new ArrayList<>(List.of(OPEN));
      Arrays.stream(TicketStatus.values()).map(TicketStatus::label).forEach(choices::add);
      choices.add(ALL);
      model.put("statuses", choices.stream().map(value -> option(value,
          OPEN.equals(value) || ALL.equals(value) ? messages.text("ui.tickets.filter.status." + value) : messages.text("ui.ticket.status." + value),
          value.equals(status))).toList());
      model.put("cooperative", principal.role().cooperative());
      model.put("tenants", tenantNames.entrySet().stream()
          .map(entry -> option(entry.getKey(), entry.getValue(), tenant.filter(entry.getKey()::equals).isPresent())).toList());
      pages.send(context, 200, "tickets", "tickets", messages.text("ui.tickets.title"), model);
      return null;
    })));
  }

  void ticket(RoutingContext context) {
    show(context, 200, Optional.ofNullable(context.queryParams().get("done"))
        .filter(TicketActions.DONE::contains)
        .map(done -> UiRequest.messages(context).text("ui.ticket.done." + done))
        .orElse(""), "");
  }

  /** The ticket page, with what was just done ({@code flash}) or what went wrong ({@code problem}). */
  void show(RoutingContext context, int status, String flash, String problem) {
    Messages messages = UiRequest.messages(context);
    if (tickets.isEmpty()) {
      unavailable(context);
      return;
    }
    Principal principal = UiRequest.principal(context);
    Optional<Long> id = IncidentPages.id(context);
    if (id.isEmpty()) {
      pages.notFound(context);
      return;
    }
    pages.answer(context, Future.all(boards.get(), tickets.get().details(principal.scope(), id.get())).map(both -> {
      StatusBoard board = both.resultAt(0);
      TicketDetails details = both.resultAt(1);
      Ticket ticket = details.ticket();
      Map<String, Object> model = new HashMap<>();
      model.put("ticket", view(ticket, tenantNames(board, principal.scope()), messages));
      model.put("comments", details.comments().stream().map(comment -> comment(comment, messages)).toList());
      model.put("has_comments", !details.comments().isEmpty());
      List<Map<String, Object>> moves = transitions(principal, ticket.status()).stream()
          .map(to -> option(to.label(), messages.text("ui.ticket.status." + to.label()), false)).toList();
      model.put("moves", moves);
      model.put("can_move", !moves.isEmpty());
      model.put("can_comment", ticket.status() != TicketStatus.CLOSED);
      model.put("can_assign", principal.role().cooperative() && ticket.status() != TicketStatus.CLOSED);
      model.put("flash", flash);
      model.put("problem", problem);
      pages.send(context, status, "ticket", "tickets", ticket.reference() + " " + ticket.title(), model);
      return null;
    }));
  }

  /** The statuses this user may move a ticket to: staff any the workflow allows, a municipality only its two. */
  static List<TicketStatus> transitions(Principal principal, TicketStatus from) {
    return Arrays.stream(TicketStatus.values())
        .filter(from::canBecome)
        .filter(to -> principal.role().cooperative() || (to == TicketStatus.IN_PROGRESS
            && (from == TicketStatus.RESOLVED || from == TicketStatus.WAITING_FOR_MUNICIPALITY)))
        .toList();
  }

  void unavailable(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    pages.send(context, 503, "message", "tickets", messages.text("ui.tickets.unavailable.title"),
        Map.of("text", messages.text("ui.tickets.unavailable.text")));
  }

  private static Map<String, Object> view(Ticket ticket, Map<String, String> tenantNames, Messages messages) {
    Map<String, Object> view = new HashMap<>();
    view.put("id", ticket.id());
    view.put("reference", ticket.reference());
    view.put("title", ticket.title());
    view.put("description", ticket.description());
    view.put("status", ticket.status().label());
    view.put("status_text", messages.text("ui.ticket.status." + ticket.status().label()));
    view.put("tenant", ticket.tenant());
    view.put("tenant_name", tenantNames.getOrDefault(ticket.tenant(), ticket.tenant()));
    view.put("device", ticket.device().orElse(""));
    view.put("alert_id", ticket.alertId().orElse(""));
    view.put("incident_id", ticket.incidentId().map(String::valueOf).orElse(""));
    view.put("incident_reference", ticket.incidentId().map(id -> "LW-" + id).orElse(""));
    view.put("context", ticket.context().map(context -> Map.of(
        "rule", context.rule().orElse(""),
        "summary", context.summary(),
        "since", Pages.when(context.since(), messages))).orElse(null));
    view.put("assignee", ticket.assignee().orElse(""));
    view.put("opened_by", ticket.openedBy());
    view.put("created", Pages.when(ticket.createdAt(), messages));
    view.put("updated", Pages.when(ticket.updatedAt(), messages));
    return view;
  }

  private static Map<String, Object> comment(TicketComment comment, Messages messages) {
    return Map.of(
        "author", comment.author(),
        "side", comment.side().label(),
        "side_text", messages.text("ui.ticket.side." + comment.side().label()),
        "at", Pages.when(comment.at(), messages),
        "text", comment.text());
  }

  private static Set<TicketStatus> statuses(String status) {
    if (ALL.equals(status)) {
      return Set.of();
    }
    return TicketStatus.ofLabel(status).map(Set::of)
        .orElseGet(() -> Arrays.stream(TicketStatus.values()).filter(TicketStatus::open).collect(Collectors.toSet()));
  }

  private static Map<String, String> tenantNames(StatusBoard board, ApiScope scope) {
    return board.tenants(scope).stream().collect(Collectors.toMap(
        tenant -> tenant.tenant().id(), tenant -> tenant.tenant().name(), (a, b) -> a, LinkedHashMap::new));
  }

  private static Map<String, Object> option(String value, String text, boolean selected) {
    return Map.of("value", value, "text", text, "selected", selected);
  }
}
