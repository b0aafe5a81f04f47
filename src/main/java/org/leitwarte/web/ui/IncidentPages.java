package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.web.IncidentApi;
import org.leitwarte.web.Messages;

/** The incident list with its filters and who is on call, and one incident with its timeline and forms. */
final class IncidentPages {

  /** The list's state filter: open incidents (triggered or acknowledged) unless asked otherwise. */
  static final String OPEN = "open";
  static final String ALL = "all";

  private final Pages pages;
  private final Supplier<Future<StatusBoard>> boards;
  private final Optional<IncidentApi> incidents;
  private final IncidentActions actions;

  IncidentPages(Pages pages, Supplier<Future<StatusBoard>> boards, Optional<IncidentApi> incidents) {
    this.pages = pages;
    this.boards = boards;
    this.incidents = incidents;
    this.actions = new IncidentActions(pages, this, incidents);
  }

  void list(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    if (incidents.isEmpty()) {
      unavailable(context, messages);
      return;
    }
    IncidentApi api = incidents.get();
    ApiScope scope = UiRequest.principal(context).scope();
    String state = Optional.ofNullable(context.queryParams().get("state")).orElse(OPEN);
    Optional<String> team = parameter(context, "team");
    Optional<String> tenant = parameter(context, "tenant");
    IncidentQuery query = new IncidentQuery(states(state), tenant, team, IncidentQuery.DEFAULT_LIMIT);
    pages.answer(context, boards.get().compose(board -> api.desk().list(scope, query).map(found -> {
      Map<String, String> tenantNames = tenantNames(board, scope);
      OnCallSnapshot snapshot = api.oncall().snapshot();
      Map<String, Object> model = new HashMap<>();
      model.put("has_incidents", !found.isEmpty());
      model.put("incidents", found.stream().map(incident -> Views.incident(incident, tenantNames, this::personName, messages)).toList());
      model.put("states", List.of(OPEN, "triggered", "acknowledged", "resolved", ALL).stream()
          .map(value -> option(value, messages.text("ui.incidents.filter.state." + value), value.equals(state))).toList());
      model.put("teams", snapshot.config().teams().stream()
          .map(candidate -> option(candidate.id(), candidate.name(), team.filter(candidate.id()::equals).isPresent())).toList());
      model.put("tenants", tenantNames.entrySet().stream()
          .map(entry -> option(entry.getKey(), entry.getValue(), tenant.filter(entry.getKey()::equals).isPresent())).toList());
      model.put("oncall", OnCallNow.of(snapshot, api.clock().instant(), messages));
      pages.send(context, 200, "incidents", "incidents", messages.text("ui.incidents.title"), model);
      return null;
    })));
  }

  void incident(RoutingContext context) {
    show(context, 200, Optional.ofNullable(context.queryParams().get("done"))
        .filter(IncidentActions.ACTIONS::contains)
        .map(done -> UiRequest.messages(context).text("ui.incident.done." + done))
        .orElse(""), "");
  }

  void act(RoutingContext context) {
    actions.act(context);
  }

  /** The incident page, with a message of what was just done ({@code flash}) or what went wrong ({@code problem}). */
  void show(RoutingContext context, int status, String flash, String problem) {
    Messages messages = UiRequest.messages(context);
    if (incidents.isEmpty()) {
      unavailable(context, messages);
      return;
    }
    IncidentApi api = incidents.get();
    ApiScope scope = UiRequest.principal(context).scope();
    Optional<Long> id = id(context);
    if (id.isEmpty()) {
      pages.notFound(context);
      return;
    }
    pages.answer(context, Future.all(boards.get(), api.desk().get(scope, id.get())).compose(both -> {
      StatusBoard board = both.resultAt(0);
      Incident incident = both.resultAt(1);
      Future<List<org.leitwarte.alerting.Alert>> alerts = api.desk().alerts(scope, incident.id());
      Future<List<TimelineEntry>> timeline = api.desk().timeline(scope, incident.id());
      return Future.all(alerts, timeline).map(done -> {
        Map<String, Object> model = new HashMap<>();
        model.put("incident", Views.incident(incident, tenantNames(board, scope), this::personName, messages));
        model.put("alerts", Views.alerts(alerts.result(), messages));
        model.put("timeline", timeline.result().stream().map(entry -> Timeline.entry(entry, this::personName, messages)).toList());
        model.put("can_acknowledge", incident.state() == IncidentState.TRIGGERED);
        model.put("open", incident.state() != IncidentState.RESOLVED);
        // Municipalities see their incidents read-only.
        model.put("may_act", UiRequest.principal(context).role().cooperative());
        model.put("people", api.oncall().snapshot().config().people().stream()
            .map(person -> option(person.id(), person.name(), incident.assignee().filter(person.id()::equals).isPresent())).toList());
        model.put("flash", flash);
        model.put("problem", problem);
        pages.send(context, status, "incident", "incidents", incident.reference() + " " + incident.title(), model);
        return null;
      });
    }));
  }

  static Optional<Long> id(RoutingContext context) {
    try {
      return Optional.of(Long.parseLong(context.pathParam("id")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  String personName(String id) {
    return incidents.flatMap(api -> api.oncall().person(id)).map(Person::name).orElse(id);
  }

  private void unavailable(RoutingContext context, Messages messages) {
    pages.send(context, 503, "message", "incidents", messages.text("ui.incidents.unavailable.title"),
        Map.of("text", messages.text("ui.incidents.unavailable.text")));
  }

  private static Set<IncidentState> states(String state) {
    if (ALL.equals(state)) {
      return Set.of();
    }
    for (IncidentState candidate : IncidentState.values()) {
      if (candidate.label().equals(state.toLowerCase(Locale.ROOT))) {
        return Set.of(candidate);
      }
    }
    return EnumSet.of(IncidentState.TRIGGERED, IncidentState.ACKNOWLEDGED);
  }

  private static Optional<String> parameter(RoutingContext context, String name) {
    return Optional.ofNullable(context.queryParams().get(name)).map(String::strip).filter(value -> !value.isEmpty());
  }

  private static Map<String, String> tenantNames(StatusBoard board, ApiScope scope) {
    return board.tenants(scope).stream().collect(Collectors.toMap(
        tenant -> tenant.tenant().id(), tenant -> tenant.tenant().name(), (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static Map<String, Object> option(String value, String text, boolean selected) {
    return Map.of("value", value, "text", text, "selected", selected);
  }
}
