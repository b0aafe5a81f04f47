package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.ticket.NewTicket;
import org.leitwarte.ticket.TicketConflictException;
import org.leitwarte.ticket.TicketForbiddenException;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.ticket.TicketStatus;
import org.leitwarte.user.Principal;
import org.leitwarte.web.Messages;

/**
 * The ticket forms: open one from an alert or incident ({@code POST /tickets}), and on the ticket page
 * comment, change the status, assign. Each acts as the signed-in user through the {@link TicketService},
 * then redirects to the ticket page (POST-redirect-GET), which says what was done. What the user may not
 * do (403), what the ticket's status does not allow (409) and bad input (400) are said on the page.
 */
final class TicketActions {

  static final Set<String> ACTIONS = Set.of("comment", "status", "assign");
  /** What the ticket page can say was just done. */
  static final Set<String> DONE = Set.of("open", "comment", "status", "assign");
  /** The form fields whose refusal has a text of its own. */
  private static final Set<String> INVALID = Set.of("text", "comment", "to", "assignee");

  private final Pages pages;
  private final TicketPages ticketPages;
  private final Optional<TicketService> tickets;

  TicketActions(Pages pages, TicketPages ticketPages, Optional<TicketService> tickets) {
    this.pages = pages;
    this.ticketPages = ticketPages;
    this.tickets = tickets;
  }

  /** Opens a ticket from the alert ({@code alert_id}) or incident ({@code incident_id}) the form names. */
  void open(RoutingContext context) {
    if (tickets.isEmpty()) {
      ticketPages.unavailable(context);
      return;
    }
    Messages messages = UiRequest.messages(context);
    Optional<String> alert = field(context, "alert_id");
    Optional<Long> incident;
    try {
      incident = field(context, "incident_id").map(Long::parseLong);
    } catch (NumberFormatException e) {
      pages.notFound(context);
      return;
    }
    if (alert.isEmpty() && incident.isEmpty()) {
      refused(context, 400, messages.text("ui.ticket.problem.nosource"));
      return;
    }
    NewTicket request = new NewTicket(alert, incident, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(messages.language()));
    tickets.get().open(UiRequest.principal(context), request, address(context))
        .onSuccess(ticket -> redirect(context, ticket.id(), "open"))
        .onFailure(failure -> {
          if (failure instanceof InvalidInputException invalid) {
            refused(context, 400, messages.text("ui.ticket.problem.invalid", invalid.field()));
          } else if (failure instanceof TicketForbiddenException) {
            refused(context, 403, messages.text("ui.ticket.problem.forbidden"));
          } else {
            pages.answer(context, Future.failedFuture(failure));
          }
        });
  }

  /** {@code POST /tickets/{id}/comment|status|assign}. */
  void act(RoutingContext context) {
    String action = context.pathParam("action");
    Optional<Long> id = IncidentPages.id(context);
    if (tickets.isEmpty() || id.isEmpty() || !ACTIONS.contains(action)) {
      pages.notFound(context);
      return;
    }
    Messages messages = UiRequest.messages(context);
    Principal who = UiRequest.principal(context);
    TicketService service = tickets.get();
    Optional<String> address = address(context);
    Future<?> done = switch (action) {
      case "comment" -> service.comment(who, id.get(), field(context, "text").orElse(""), address);
      case "status" -> {
        Optional<TicketStatus> to = field(context, "to").flatMap(TicketStatus::ofLabel);
        yield to.isEmpty() ? Future.failedFuture(new InvalidInputException("to", "unknown status"))
            : service.changeStatus(who, id.get(), to.get(), field(context, "comment"), address);
      }
      default -> service.assign(who, id.get(), field(context, "assignee"), address);
    };
    done.onSuccess(changed -> redirect(context, id.get(), action))
        .onFailure(failure -> {
          if (failure instanceof NotFoundException) {
            pages.notFound(context);
          } else if (failure instanceof TicketForbiddenException) {
            ticketPages.show(context, 403, "", messages.text("ui.ticket.problem.forbidden"));
          } else if (failure instanceof TicketConflictException) {
            ticketPages.show(context, 409, "", messages.text("ui.ticket.problem.conflict"));
          } else if (failure instanceof InvalidInputException invalid) {
            ticketPages.show(context, 400, "", messages.text(INVALID.contains(invalid.field())
                ? "ui.ticket.problem.invalid." + invalid.field() : "ui.ticket.problem.invalid", invalid.field()));
          } else {
            pages.answer(context, Future.failedFuture(failure));
          }
        });
  }

  private void redirect(RoutingContext context, long id, String done) {
    context.response()
        .setStatusCode(303)
        .putHeader("location", "/tickets/" + id + "?done=" + done + pages.languageQuery(context).replace('?', '&'))
        .end();
  }

  /** A refusal to open a ticket, on a page of its own: there is no ticket page yet to say it on. */
  private void refused(RoutingContext context, int status, String text) {
    Messages messages = UiRequest.messages(context);
    pages.send(context, status, "message", "tickets", messages.text("ui.ticket.problem.title"), Map.of("text", text));
  }

  private static Optional<String> address(RoutingContext context) {
    return Optional.ofNullable(context.request().remoteAddress()).map(SocketAddress::hostAddress);
  }

  private static Optional<String> field(RoutingContext context, String name) {
    return Optional.ofNullable(context.request().getFormAttribute(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

}
