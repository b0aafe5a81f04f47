package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.oncall.LiveOnCallDirectory;

/**
 * {@code /api/v1/incidents…}. The acting person is the principal's user (for the cooperative's people
 * their person id in the on-call directory); an administrator may name another person in {@code
 * person}. Either way it must be a person of the on-call directory.
 */
final class IncidentRoutes implements RouteGroup {

  static final String PATH = "/api/v1/incidents";
  /** How changes made here appear in the timeline. */
  static final String CHANNEL = "api";

  private final IncidentDesk desk;
  private final LiveOnCallDirectory people;

  IncidentRoutes(IncidentDesk desk, LiveOnCallDirectory people) {
    this.desk = desk;
    this.people = people;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listIncidents", this::list);
    RouteGroup.on(builder, "getIncident", this::get);
    RouteGroup.on(builder, "getIncidentTimeline", this::timeline);
    RouteGroup.on(builder, "acknowledgeIncident", this::acknowledge);
    RouteGroup.on(builder, "resolveIncident", this::resolve);
    RouteGroup.on(builder, "addIncidentNote", this::note);
    RouteGroup.on(builder, "reassignIncident", this::reassign);
  }

  private void list(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Set<IncidentState> states = EnumSet.noneOf(IncidentState.class);
    request.queryList("state").forEach(state -> states.add(IncidentState.valueOf(state.toUpperCase(Locale.ROOT))));
    IncidentQuery query = new IncidentQuery(states, request.query("tenant"), request.query("team"),
        request.queryInt("limit", IncidentQuery.DEFAULT_LIMIT));
    Responses.ok(context, desk.list(request.scope(), query).map(IncidentJson::incidents));
  }

  private void get(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    long id = request.pathLong("id");
    String language = request.language();
    Responses.ok(context, desk.get(request.scope(), id)
        .compose(incident -> desk.alerts(request.scope(), id).map(alerts -> IncidentJson.withAlerts(incident, alerts, language))));
  }

  private void timeline(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, desk.timeline(request.scope(), request.pathLong("id")).map(IncidentJson::timeline));
  }

  private void acknowledge(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    String person = acting(request);
    Responses.ok(context, desk.acknowledge(request.scope(), request.pathLong("id"), person, CHANNEL, request.address())
        .map(IncidentJson::incident));
  }

  private void resolve(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    String person = acting(request);
    Optional<String> comment = Optional.ofNullable(request.body().getString("comment")).map(String::strip).filter(c -> !c.isEmpty());
    Responses.ok(context, desk.resolve(request.scope(), request.pathLong("id"), person, CHANNEL, comment, request.address())
        .map(IncidentJson::incident));
  }

  private void note(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    long id = request.pathLong("id");
    String person = acting(request);
    String text = request.body().getString("text", "").strip();
    if (text.isEmpty()) {
      throw new InvalidInputException("text", "must not be blank");
    }
    Responses.created(context, desk.addNote(request.scope(), id, person, text, CHANNEL, request.address()).map(IncidentJson::entry),
        json -> PATH + "/" + id + "/timeline");
  }

  private void reassign(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    String person = acting(request);
    String to = person(request.body().getString("to", ""), "to");
    Responses.ok(context, desk.reassign(request.scope(), request.pathLong("id"), person, to, CHANNEL, request.address())
        .map(IncidentJson::incident));
  }

  /** Who acts: the principal, or whom an administrator names in {@code person}; a person of the directory. */
  private String acting(ApiRequest request) {
    return person(request.acting("person", Optional.ofNullable(request.body().getString("person"))), "person");
  }

  /** The person id given for {@code field}; refused naming the field when the directory does not know them. */
  private String person(String given, String field) {
    String id = given.strip();
    if (id.isEmpty()) {
      throw new InvalidInputException(field, "must not be blank");
    }
    if (people.person(id).isEmpty()) {
      throw new InvalidInputException(field, "unknown person '" + id + "' in oncall.yaml" + OnCallRoutes.suggestion(id, people.snapshot().config().peopleById().keySet()));
    }
    return id;
  }
}
