package org.leitwarte.ticket;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.store.AuditLog;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;

/**
 * What people do with tickets, with the rules: every read and change is limited to the principal's
 * scope (another tenant's ticket fails exactly as a missing one, with a {@link NotFoundException});
 * status changes follow {@link TicketStatus#canBecome} (else a {@link TicketConflictException}); a
 * municipality's user may only reopen a resolved ticket or answer one waiting for them (both back to
 * in progress) and may not assign (else a {@link TicketForbiddenException}); a closed ticket takes no
 * comments. Every change is written together with its audit-log row; afterwards the contact is mailed
 * about status changes and staff comments (a failed mail does not fail the change).
 */
public final class TicketService {

  private final TicketRepository repository;
  private final TicketDrafts drafts;
  private final TicketMailer mailer;
  private final Clock clock;
  private final Function<String, Future<Optional<String>>> mailOfUser;

  public TicketService(TicketRepository repository, AlertApi alerts, Optional<IncidentDesk> incidents, TicketMailer mailer, Clock clock) {
    this(repository, alerts, incidents, mailer, clock, user -> Future.succeededFuture(Optional.empty()));
  }

  /**
   * @param mailOfUser a user's e-mail address: a municipality's user who opens a ticket without naming a
   *     contact becomes its contact, so that they hear of every status change and staff comment
   */
  public TicketService(TicketRepository repository, AlertApi alerts, Optional<IncidentDesk> incidents, TicketMailer mailer, Clock clock,
      Function<String, Future<Optional<String>>> mailOfUser) {
    this.mailOfUser = Objects.requireNonNull(mailOfUser, "mailOfUser");
    this.repository = Objects.requireNonNull(repository, "repository");
    this.drafts = new TicketDrafts(Objects.requireNonNull(alerts, "alerts"), Objects.requireNonNull(incidents, "incidents"));
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** For the composition root: mails through {@code notify.email} when it is configured. */
  public static TicketService create(Vertx vertx, Pool pool, Clock clock, LeitwarteConfig.Notify notify, AlertRepository alerts,
      IncidentDesk incidents, Function<String, Future<Optional<String>>> mailOfUser) {
    return new TicketService(new TicketRepository(pool), new AlertApi(alerts), Optional.of(incidents),
        new TicketMailer(vertx, notify.email(), Optional.empty()), clock, mailOfUser);
  }

  /** Opens a ticket (status new) from an alert, an incident or on its own; see {@link NewTicket}. */
  public Future<Ticket> open(Principal who, NewTicket given, Optional<String> address) {
    Future<NewTicket> withContact = given.contactEmail().isPresent() || who.role() != Role.TENANT
        ? Future.succeededFuture(given)
        : mailOfUser.apply(who.user()).map(mail -> mail.map(given::withContactEmail).orElse(given));
    return withContact.compose(request -> drafts.draft(who, request, clock.instant())).compose(draft -> repository.pool().withTransaction(connection ->
        repository.insert(connection, draft).compose(id -> {
          JsonObject detail = new JsonObject().put("tenant", draft.tenant()).put("title", draft.title());
          draft.alertId().ifPresent(alert -> detail.put("alert_id", alert));
          draft.incidentId().ifPresent(incident -> detail.put("incident_id", incident));
          return audit(connection, who, "ticket.open", id, detail, address).compose(v -> repository.find(connection, id));
        }).map(Optional::orElseThrow)));
  }

  /** The queue: open tickets first, oldest first; a tenant scope sees only its own. */
  public Future<List<Ticket>> list(ApiScope scope, TicketQuery query) {
    if (query.limit() < 1 || query.limit() > TicketQuery.MAX_LIMIT) {
      return Future.failedFuture(new InvalidInputException("limit", "must be 1 to " + TicketQuery.MAX_LIMIT + ", got " + query.limit()));
    }
    if (scope.tenant().isEmpty()) {
      return repository.list(query);
    }
    if (query.tenant().isPresent() && !query.tenant().equals(scope.tenant())) {
      return Future.succeededFuture(List.of());
    }
    return repository.list(query.withTenant(scope.tenant().get()));
  }

  public Future<Ticket> get(ApiScope scope, long id) {
    return repository.find(repository.pool(), id).compose(found -> visible(scope, id, found));
  }

  /** The ticket and its comments, oldest first. */
  public Future<TicketDetails> details(ApiScope scope, long id) {
    return get(scope, id).compose(ticket -> repository.comments(repository.pool(), id).map(comments -> new TicketDetails(ticket, comments)));
  }

  /**
   * Adds a comment, plain text as written; a staff comment is mailed to the contact.
   *
   * @param text not blank, at most 10 000 characters, else an {@link InvalidInputException} naming {@code text}
   */
  public Future<TicketComment> comment(Principal who, long id, String text, Optional<String> address) {
    try {
      checkText("text", text);
    } catch (InvalidInputException e) {
      return Future.failedFuture(e);
    }
    Instant now = clock.instant();
    TicketComment.Side side = side(who);
    return repository.pool().<Changed<TicketComment>>withTransaction(connection -> locked(connection, who.scope(), id).compose(ticket -> {
      if (ticket.status() == TicketStatus.CLOSED) {
        return Future.failedFuture(new TicketConflictException(ticket.reference() + " is closed and takes no more comments; open a new ticket"));
      }
      return repository.insertComment(connection, id, who.user(), side, text, now)
          .compose(commentId -> repository.touch(connection, id, now)
              .compose(v -> audit(connection, who, "ticket.comment", id,
                  new JsonObject().put("comment_id", commentId).put("author_role", side.label()).put("length", text.length()), address))
              .map(v -> new Changed<>(ticket, new TicketComment(commentId, id, who.user(), side, text, now))));
    })).map(changed -> {
      if (side == TicketComment.Side.STAFF) {
        mailer.commented(changed.ticket(), changed.result());
      }
      return changed.result();
    });
  }

  /**
   * Moves the ticket to {@code to}; an optional comment is added as the principal's comment. The contact is
   * mailed about every status change.
   */
  public Future<Ticket> changeStatus(Principal who, long id, TicketStatus to, Optional<String> comment, Optional<String> address) {
    Optional<String> note = comment.filter(text -> !text.isBlank());
    try {
      if (note.isPresent()) {
        checkText("comment", note.get());
      }
    } catch (InvalidInputException e) {
      return Future.failedFuture(e);
    }
    Instant now = clock.instant();
    return repository.pool().<Changed<TicketStatus>>withTransaction(connection -> locked(connection, who.scope(), id).compose(ticket -> {
      TicketStatus from = ticket.status();
      if (!from.canBecome(to)) {
        return Future.failedFuture(new TicketConflictException(ticket.reference() + " cannot go from " + from.label() + " to " + to.label()
            + (from == TicketStatus.CLOSED ? ": closed is final; open a new ticket" : "")));
      }
      if (!who.role().cooperative() && !(to == TicketStatus.IN_PROGRESS
          && (from == TicketStatus.RESOLVED || from == TicketStatus.WAITING_FOR_MUNICIPALITY))) {
        return Future.failedFuture(new TicketForbiddenException("a municipality's user may only set a resolved ticket or one"
            + " waiting for the municipality back to in_progress, not " + from.label() + " to " + to.label()));
      }
      Future<Void> noted = note.isEmpty() ? Future.succeededFuture()
          : repository.insertComment(connection, id, who.user(), side(who), note.get(), now).mapEmpty();
      return noted
          .compose(v -> repository.updateStatus(connection, id, to, now))
          .compose(v -> audit(connection, who, "ticket.status", id, new JsonObject().put("from", from.label()).put("to", to.label()), address))
          .compose(v -> repository.find(connection, id))
          .map(updated -> new Changed<>(updated.orElseThrow(), from));
    })).map(changed -> {
      mailer.statusChanged(changed.ticket(), changed.result(), who.user(), note);
      return changed.ticket();
    });
  }

  /**
   * Gives the ticket to a staff user, or to nobody (empty); only the cooperative's users may. Any
   * non-blank name is taken for now: there is no user directory to check it against yet.
   */
  public Future<Ticket> assign(Principal who, long id, Optional<String> assignee, Optional<String> address) {
    Optional<String> to = assignee.map(String::strip).filter(name -> !name.isEmpty());
    if (!who.role().cooperative()) {
      return Future.failedFuture(new TicketForbiddenException("only the cooperative's staff assign tickets"));
    }
    try {
      TicketDrafts.limit("assignee", to, TicketDrafts.MAX_NAME);
    } catch (InvalidInputException e) {
      return Future.failedFuture(e);
    }
    Instant now = clock.instant();
    return repository.pool().withTransaction(connection -> locked(connection, who.scope(), id).compose(ticket -> {
      if (ticket.status() == TicketStatus.CLOSED) {
        return Future.failedFuture(new TicketConflictException(ticket.reference() + " is closed and cannot be assigned"));
      }
      JsonObject detail = new JsonObject().put("from", ticket.assignee().orElse(null)).put("to", to.orElse(null));
      return repository.updateAssignee(connection, id, to, now)
          .compose(v -> audit(connection, who, "ticket.assign", id, detail, address))
          .compose(v -> repository.find(connection, id))
          .map(Optional::orElseThrow);
    }));
  }

  public Future<Void> close() {
    return mailer.close();
  }

  /** What a change produced, with the ticket the mail is about. */
  private record Changed<T>(Ticket ticket, T result) {}

  private Future<Ticket> locked(SqlConnection connection, ApiScope scope, long id) {
    return repository.findForUpdate(connection, id).compose(found -> visible(scope, id, found));
  }

  private static Future<Ticket> visible(ApiScope scope, long id, Optional<Ticket> found) {
    return found.filter(ticket -> scope.sees(ticket.tenant()))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("ticket " + Ticket.reference(id))));
  }

  private static Future<Void> audit(SqlConnection connection, Principal who, String action, long id, JsonObject detail, Optional<String> address) {
    return AuditLog.append(connection, who.user(), action, "ticket:" + Ticket.reference(id), detail.put("role", who.role().label()), address);
  }

  private static TicketComment.Side side(Principal who) {
    return who.role() == Role.TENANT ? TicketComment.Side.TENANT : TicketComment.Side.STAFF;
  }

  private static void checkText(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    TicketDrafts.limit(field, Optional.of(text), TicketDrafts.MAX_TEXT);
  }
}
