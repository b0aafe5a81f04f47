package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.incident.IncidentConflictException;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.user.Principal;
import org.leitwarte.web.IncidentApi;
import org.leitwarte.web.Messages;

/**
 * The incident page's forms: acknowledge, resolve (with a comment), add a note, reassign. Each acts as
 * the signed-in user (their user name is their person id), through the desk with channel {@value
 * #CHANNEL}, then redirects to the incident page (POST-redirect-GET) which says what was done. What the
 * incident's state does not allow, or a person the directory does not know, is said on the page itself.
 */
final class IncidentActions {

  /** How changes made here appear in the timeline. */
  static final String CHANNEL = "web";
  static final Set<String> ACTIONS = Set.of("acknowledge", "resolve", "note", "reassign");

  private final Pages pages;
  private final IncidentPages incidentPages;
  private final Optional<IncidentApi> incidents;

  IncidentActions(Pages pages, IncidentPages incidentPages, Optional<IncidentApi> incidents) {
    this.pages = pages;
    this.incidentPages = incidentPages;
    this.incidents = incidents;
  }

  void act(RoutingContext context) {
    String action = context.pathParam("action");
    Optional<Long> id = IncidentPages.id(context);
    if (incidents.isEmpty() || id.isEmpty() || !ACTIONS.contains(action)) {
      pages.notFound(context);
      return;
    }
    Messages messages = UiRequest.messages(context);
    Principal principal = UiRequest.principal(context);
    if (!principal.role().cooperative()) {
      incidentPages.show(context, 403, "", messages.text("ui.incident.problem.readonly"));
      return;
    }
    String person = principal.user();
    if (incidents.get().oncall().person(person).isEmpty()) {
      incidentPages.show(context, 400, "", messages.text("ui.incident.problem.notaperson", person));
      return;
    }
    Future<?> done;
    try {
      done = perform(incidents.get().desk(), principal.scope(), id.get(), action, person, context, messages);
    } catch (InvalidInputException refused) {
      incidentPages.show(context, 400, "", refused.getMessage());
      return;
    }
    done.onSuccess(changed -> context.response()
            .setStatusCode(303)
            .putHeader("location", "/incidents/" + id.get() + "?done=" + action + pages.languageQuery(context).replace('?', '&'))
            .end())
        .onFailure(failure -> {
          if (failure instanceof NotFoundException) {
            pages.notFound(context);
          } else if (failure instanceof IncidentConflictException) {
            incidentPages.show(context, 409, "", messages.text("ui.incident.problem.conflict"));
          } else if (failure instanceof InvalidInputException invalid) {
            incidentPages.show(context, 400, "", invalid.getMessage());
          } else {
            pages.answer(context, Future.failedFuture(failure));
          }
        });
  }

  /** @throws InvalidInputException for a blank note or an unknown person to hand over to, with the reader's message */
  private Future<?> perform(IncidentDesk desk, ApiScope scope, long id, String action, String person, RoutingContext context,
      Messages messages) {
    Optional<String> address = Optional.ofNullable(context.request().remoteAddress()).map(SocketAddress::hostAddress);
    return switch (action) {
      case "acknowledge" -> desk.acknowledge(scope, id, person, CHANNEL, address);
      case "resolve" -> desk.resolve(scope, id, person, CHANNEL, field(context, "comment"), address);
      case "note" -> desk.addNote(scope, id, person, field(context, "text")
          .orElseThrow(() -> new InvalidInputException("", messages.text("ui.incident.problem.blank"))), CHANNEL, address);
      default -> {
        String to = field(context, "to").orElse("");
        if (incidents.get().oncall().person(to).isEmpty()) {
          throw new InvalidInputException("", messages.text("ui.incident.problem.unknownperson", to));
        }
        yield desk.reassign(scope, id, person, to, CHANNEL, address);
      }
    };
  }

  private static Optional<String> field(RoutingContext context, String name) {
    return Optional.ofNullable(context.request().getFormAttribute(name)).map(String::strip).filter(value -> !value.isEmpty());
  }
}
