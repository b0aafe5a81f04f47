package org.leitwarte.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.config.Suggestions;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.LiveOnCallDirectory;
import org.leitwarte.incident.oncall.OnCallJson;
import org.leitwarte.incident.oncall.OnCallRepository;
import org.leitwarte.incident.oncall.OnCallSchedule;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.incident.oncall.OnCallTimeline;

/**
 * {@code /api/v1/oncall…}, {@code /api/v1/people} and {@code /api/v1/teams}: answered from the live
 * on-call directory; overrides are written to the store and the directory refreshed before the answer,
 * so that they apply at once.
 */
final class OnCallRoutes implements RouteGroup {

  static final String OVERRIDES_PATH = "/api/v1/oncall/overrides";
  /** Times without an offset in {@code at} are read on this wall clock, the cooperative's. */
  static final ZoneId LOCAL = ZoneId.of("Europe/Berlin");
  static final Duration DEFAULT_SHIFTS_RANGE = Duration.ofDays(7);
  static final String DEFAULT_REASON = "Vertretung";

  private final LiveOnCallDirectory oncall;
  private final OnCallRepository repository;
  private final Clock clock;

  OnCallRoutes(LiveOnCallDirectory oncall, OnCallRepository repository, Clock clock) {
    this.oncall = oncall;
    this.repository = repository;
    this.clock = clock;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "getOnCall", this::whoIsOnCall);
    RouteGroup.on(builder, "listOnCallShifts", this::shifts);
    RouteGroup.on(builder, "listOnCallOverrides", this::overrides);
    RouteGroup.on(builder, "createOnCallOverride", this::createOverride);
    RouteGroup.on(builder, "deleteOnCallOverride", this::deleteOverride);
    RouteGroup.on(builder, "listPeople", this::people);
    RouteGroup.on(builder, "listTeams", this::teams);
  }

  private void whoIsOnCall(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    OnCallSnapshot snapshot = oncall.snapshot();
    Instant at = request.query("at").map(text -> instant("at", text, LOCAL)).orElseGet(clock::instant);
    List<Team> teams = request.query("team")
        .map(id -> snapshot.team(id).map(List::of).orElseThrow(() -> new NotFoundException("team " + id)))
        .orElse(snapshot.config().teams());
    Responses.ok(context, Future.succeededFuture(StaffJson.onCall(snapshot, teams, at)));
  }

  private void shifts(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    OnCallSnapshot snapshot = oncall.snapshot();
    String id = request.path("id");
    OnCallSchedule schedule = snapshot.schedule(id).orElseThrow(() -> new NotFoundException("schedule " + id));
    Instant from = request.query("from").map(text -> instant("from", text, schedule.zone())).orElseGet(clock::instant);
    Instant to = request.query("to").map(text -> instant("to", text, schedule.zone())).orElse(from.plus(DEFAULT_SHIFTS_RANGE));
    if (!to.isAfter(from)) {
      throw new InvalidInputException("to", "must be after from (" + from + "), got " + to);
    }
    if (Duration.between(from, to).compareTo(OnCallTimeline.MAX_RANGE) > 0) {
      throw new InvalidInputException("to", "must be at most " + OnCallTimeline.MAX_RANGE.toDays() + " days after from");
    }
    JsonArray shifts = new JsonArray();
    snapshot.shifts(id, from, to).forEach(shift -> shifts.add(StaffJson.shift(snapshot, shift)));
    Responses.ok(context, Future.succeededFuture(new JsonObject()
        .put("schedule", id).put("from", from.toString()).put("to", to.toString()).put("shifts", shifts)));
  }

  private void overrides(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Optional<String> schedule = request.query("schedule");
    Responses.ok(context, repository.overridesEndingAfter(clock.instant().minus(LiveOnCallDirectory.OVERRIDE_HISTORY))
        .map(found -> {
          JsonArray array = new JsonArray();
          found.stream().filter(o -> schedule.isEmpty() || schedule.get().equals(o.schedule()))
              .forEach(o -> array.add(OnCallJson.override(o)));
          return new JsonObject().put("overrides", array);
        }));
  }

  private void createOverride(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    JsonObject body = request.body();
    OnCallSnapshot snapshot = oncall.snapshot();
    String scheduleId = body.getString("schedule").strip();
    OnCallSchedule schedule = snapshot.schedule(scheduleId).orElseThrow(() -> new InvalidInputException("schedule",
        "unknown schedule '" + scheduleId + "'" + suggestion(scheduleId, snapshot.config().schedules().stream().map(OnCallSchedule::id).toList())));
    String person = body.getString("person").strip();
    if (snapshot.person(person).isEmpty()) {
      throw new InvalidInputException("person", "unknown person '" + person + "'" + suggestion(person, snapshot.config().peopleById().keySet()));
    }
    Instant start = instant("start", body.getString("start"), schedule.zone());
    Instant end = instant("end", body.getString("end"), schedule.zone());
    if (!end.isAfter(start)) {
      throw new InvalidInputException("end", "must be after start (" + start + "), got " + end);
    }
    String author = request.acting("author", Optional.ofNullable(body.getString("author")));
    String reason = Optional.ofNullable(body.getString("reason")).map(String::strip).filter(r -> !r.isEmpty()).orElse(DEFAULT_REASON);
    Future<JsonObject> created = repository.addOverride(scheduleId, person, start, end, reason, author, request.address())
        .recover(OnCallRoutes::refused)
        .compose(id -> oncall.refreshOverrides(repository, clock.instant())
            .compose(refreshed -> repository.overrides(scheduleId, start, end))
            .map(stored -> stored.stream().filter(o -> o.id() == id).findFirst()
                .map(OnCallJson::override)
                .orElseThrow(() -> new IllegalStateException("override " + id + " was stored but cannot be read back"))));
    Responses.created(context, created, json -> OVERRIDES_PATH + "/" + json.getLong("id"));
  }

  private void deleteOverride(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    long id = request.pathLong("id");
    String author = request.acting("author", request.query("author"));
    Future<Void> removed = repository.removeOverride(id, author, request.address())
        .recover(OnCallRoutes::refused)
        .compose(found -> found
            ? oncall.refreshOverrides(repository, clock.instant()).<Void>mapEmpty()
            : Future.failedFuture(new NotFoundException("override " + id)));
    Responses.noContent(context, removed);
  }

  private void people(RoutingContext context) {
    Responses.ok(context, Future.succeededFuture(StaffJson.people(oncall.snapshot().config())));
  }

  private void teams(RoutingContext context) {
    Responses.ok(context, Future.succeededFuture(StaffJson.teams(oncall.snapshot().config())));
  }

  /** A repository's refusal ({@code person: unknown person …}) as the API's, naming the field. */
  private static <T> Future<T> refused(Throwable failure) {
    return Future.failedFuture(failure instanceof IllegalArgumentException refusal ? InvalidInputException.from(refusal) : failure);
  }

  /**
   * An instant from {@code 2026-12-24T03:00:00+01:00} (or {@code …Z}), or from a date-time without offset
   * on the wall clock of {@code zone}.
   */
  static Instant instant(String field, String given, ZoneId zone) {
    // A '+' of an offset arrives as a space when a query is form-decoded (also when sent as %2B): no
    // date-time has a space, so it can only have been a '+'.
    String text = given.strip().replace(' ', '+');
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(field,
            "'" + text + "' is not a date-time, e.g. 2026-12-24T03:00:00+01:00 or 2026-12-24T03:00 (" + zone.getId() + ")");
      }
    }
  }

  static String suggestion(String word, Collection<String> known) {
    return Suggestions.closest(word, known).map(s -> " (did you mean " + s + "?)").orElse("");
  }
}
