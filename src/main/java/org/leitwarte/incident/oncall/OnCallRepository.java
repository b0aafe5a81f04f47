package org.leitwarte.incident.oncall;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.OnCallDiff.Placed;
import org.leitwarte.incident.oncall.OnCallRows.PersonRow;
import org.leitwarte.store.AuditLog;

/**
 * People, teams, schedules and policies in the SQL store, and the overrides made at run time. {@code
 * oncall.yaml} is the source of truth for all but the overrides: an import makes the store equal to it
 * in one transaction and records what changed in the audit log ({@code oncall.import}). Creating and
 * removing an override appends an audit row too ({@code oncall.override.create}, {@code
 * oncall.override.delete}), in the same transaction. Instants are kept to the millisecond.
 */
public final class OnCallRepository {

  static final String IMPORT_ACTION = "oncall.import";
  static final String CREATE_OVERRIDE_ACTION = "oncall.override.create";
  static final String DELETE_OVERRIDE_ACTION = "oncall.override.delete";

  private final Pool pool;
  private final Clock clock;
  private final Map<String, String> environment;

  /** Webhook references resolve against the process environment. */
  public OnCallRepository(Pool pool) {
    this(pool, Clock.systemUTC(), System.getenv());
  }

  /**
   * @param clock for the creation time of overrides
   * @param environment what {@code ${env:NAME}} webhooks resolve against when people are read back
   */
  public OnCallRepository(Pool pool, Clock clock, Map<String, String> environment) {
    this.pool = Objects.requireNonNull(pool, "pool");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.environment = Map.copyOf(environment);
  }

  // ---- import ----------------------------------------------------------------------------------

  /**
   * Makes the stored people, teams, schedules and policies equal to {@code config}, in one transaction
   * (if anything fails, what was stored stays), with one audit row listing what was added, changed and
   * removed. Overrides made at run time are not touched.
   *
   * @param actor who imports, e.g. {@code cli:alice} or {@code service}
   */
  public Future<OnCallImportSummary> replaceWith(OnCallConfig config, String actor) {
    return pool.withTransaction(connection -> read(connection).compose(current -> write(connection, current, config, actor)));
  }

  /** What is stored, as an {@link OnCallConfig} (webhooks resolved as in {@link #people()}). */
  public Future<OnCallConfig> load() {
    return pool.withConnection(this::read).map(stored -> stored.config(environment));
  }

  /** The people, in file order; a webhook reference that no longer resolves is left out (and logged). */
  public Future<List<Person>> people() {
    return pool.withConnection(connection -> select(connection, OnCallRows.SELECT_PEOPLE, PersonRow::of))
        .map(rows -> rows.stream().map(row -> row.person(environment)).toList());
  }

  /** The teams with their members, in file order. */
  public Future<List<Team>> teams() {
    return pool.withConnection(OnCallRepository::teams);
  }

  /** The stored state as read, before webhooks are resolved. */
  private record Stored(List<PersonRow> people, List<Team> teams, List<OnCallSchedule> schedules, List<EscalationPolicy> policies) {

    OnCallConfig config(Map<String, String> environment) {
      Map<String, Secret> webhooks = new LinkedHashMap<>();
      people.forEach(p -> p.webhook().ifPresent(w -> webhooks.put(p.id(), Secret.of(w))));
      return new OnCallConfig(
          people.stream().map(p -> p.person(environment)).toList(), teams, schedules, policies, webhooks);
    }
  }

  private Future<Stored> read(SqlConnection connection) {
    Future<List<PersonRow>> people = select(connection, OnCallRows.SELECT_PEOPLE, PersonRow::of);
    Future<List<Team>> teams = teams(connection);
    Future<List<OnCallSchedule>> schedules = select(connection, OnCallRows.SELECT_SCHEDULES, OnCallRows::schedule);
    Future<List<EscalationPolicy>> policies = select(connection, OnCallRows.SELECT_POLICIES, OnCallRows::policy);
    return Future.all(people, teams, schedules, policies)
        .map(all -> new Stored(people.result(), teams.result(), schedules.result(), policies.result()));
  }

  private static Future<List<Team>> teams(SqlConnection connection) {
    Future<List<Row>> teams = select(connection, OnCallRows.SELECT_TEAMS, row -> row);
    Future<List<Row>> members = select(connection, OnCallRows.SELECT_MEMBERS, row -> row);
    return Future.all(teams, members).map(all -> {
      Map<String, List<String>> byTeam = new LinkedHashMap<>();
      members.result().forEach(m -> byTeam.computeIfAbsent(m.getString("team_id"), t -> new ArrayList<>())
          .add(m.getString("person_id")));
      return teams.result().stream()
          .map(row -> new Team(row.getString("id"), row.getString("name"),
              byTeam.getOrDefault(row.getString("id"), List.of()), Optional.ofNullable(row.getString("policy_id"))))
          .toList();
    });
  }

  private Future<OnCallImportSummary> write(SqlConnection connection, Stored current, OnCallConfig wanted, String actor) {
    OnCallDiff<PersonRow> people = OnCallDiff.between(
        current.people(), wanted.people().stream().map(p -> PersonRow.of(p, wanted.webhooks())).toList(), PersonRow::id);
    OnCallDiff<Team> teams = OnCallDiff.between(current.teams(), wanted.teams(), Team::id);
    OnCallDiff<OnCallSchedule> schedules = OnCallDiff.between(current.schedules(), wanted.schedules(), OnCallSchedule::id);
    OnCallDiff<EscalationPolicy> policies = OnCallDiff.between(current.policies(), wanted.policies(), EscalationPolicy::id);
    OnCallImportSummary summary = new OnCallImportSummary(
        people.changes(PersonRow::id), teams.changes(Team::id), schedules.changes(OnCallSchedule::id),
        policies.changes(EscalationPolicy::id));
    List<Tuple> members = new ArrayList<>();
    for (Team team : wanted.teams()) {
      for (int i = 0; i < team.members().size(); i++) {
        members.add(Tuple.of(team.id(), team.members().get(i), i));
      }
    }
    // Members are rewritten whole, after their people and teams exist and before people are removed.
    return upsert(connection, OnCallRows.PERSON, people, PersonRow::id, p -> p.value().parameters(p.ordinal()))
        .compose(v -> connection.query(OnCallRows.DELETE_MEMBERS).execute().<Void>mapEmpty())
        .compose(v -> upsert(connection, OnCallRows.TEAM, teams, Team::id, OnCallRows::teamParameters))
        .compose(v -> delete(connection, OnCallRows.TEAM, teams))
        .compose(v -> executeBatch(connection, OnCallRows.INSERT_MEMBER, members))
        .compose(v -> delete(connection, OnCallRows.PERSON, people))
        .compose(v -> upsert(connection, OnCallRows.SCHEDULE, schedules, OnCallSchedule::id, OnCallRows::scheduleParameters))
        .compose(v -> delete(connection, OnCallRows.SCHEDULE, schedules))
        .compose(v -> upsert(connection, OnCallRows.POLICY, policies, EscalationPolicy::id, OnCallRows::policyParameters))
        .compose(v -> delete(connection, OnCallRows.POLICY, policies))
        .compose(v -> AuditLog.append(connection, actor, IMPORT_ACTION, "oncall", summary.toJson(), Optional.empty()))
        .map(summary);
  }

  /** Inserts the new rows, updates the changed ones and renumbers those left as they were. */
  private static <T> Future<Void> upsert(SqlConnection connection, OnCallRows.Statements sql, OnCallDiff<T> diff,
      Function<T, String> id, Function<Placed<T>, Tuple> parameters) {
    List<Tuple> renumbered = diff.unchanged().stream().map(p -> Tuple.of(p.ordinal(), id.apply(p.value()))).toList();
    return executeBatch(connection, sql.insert(), diff.inserts().stream().map(parameters).toList())
        .compose(v -> executeBatch(connection, sql.update(), diff.updates().stream().map(parameters).toList()))
        .compose(v -> executeBatch(connection, sql.renumber(), renumbered));
  }

  private static Future<Void> delete(SqlConnection connection, OnCallRows.Statements sql, OnCallDiff<?> diff) {
    return executeBatch(connection, sql.delete(), diff.deletes().stream().map(Tuple::of).toList());
  }

  // ---- overrides -------------------------------------------------------------------------------

  /**
   * Stores an override ("Jan is ill: Maria until Friday") with an audit row.
   *
   * @param address the client address for changes made over HTTP; empty for the CLI
   * @return its id; a failed future with an {@link IllegalArgumentException} naming the field when the
   *     schedule or person is not stored, the end is not after the start, or reason or actor is blank
   */
  public Future<Long> addOverride(
      String schedule, String person, Instant start, Instant end, String reason, String actor, Optional<String> address) {
    ScheduleOverride override;
    try {
      requireText("schedule", schedule);
      requireText("person", person);
      requireText("reason", reason);
      requireText("actor", actor);
      if (start == null || end == null) {
        throw new IllegalArgumentException((start == null ? "start" : "end") + ": missing");
      }
      override = new ScheduleOverride(person, millis(start), millis(end), reason);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    Instant now = millis(clock.instant());
    Tuple parameters = Tuple.of(schedule, person, OnCallRows.timestamp(override.start()),
        OnCallRows.timestamp(override.end()), reason, actor, OnCallRows.timestamp(now));
    JsonObject detail = new JsonObject().put("schedule", schedule).mergeIn(OnCallJson.override(override));
    return pool.withTransaction(connection -> exists(connection, OnCallRows.SCHEDULE_EXISTS, "schedule", schedule)
        .compose(v -> exists(connection, OnCallRows.PERSON_EXISTS, "person", person))
        .compose(v -> connection.preparedQuery(OnCallRows.INSERT_OVERRIDE).execute(parameters))
        .map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"))
        .compose(id -> AuditLog.append(connection, actor, CREATE_OVERRIDE_ACTION, subject(id), detail, address).map(id)));
  }

  /**
   * Removes an override, with an audit row that keeps what it was.
   *
   * @return whether there was one with that id (no audit row when there was not)
   */
  public Future<Boolean> removeOverride(long id, String actor, Optional<String> address) {
    try {
      requireText("actor", actor);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return pool.withTransaction(connection -> select(connection, OnCallRows.SELECT_OVERRIDES + " WHERE id = ?", Tuple.of(id))
        .compose(found -> {
          if (found.isEmpty()) {
            return Future.succeededFuture(false);
          }
          JsonObject detail = OnCallJson.override(found.get(0)).copy();
          detail.remove("id");
          return connection.preparedQuery(OnCallRows.DELETE_OVERRIDE).execute(Tuple.of(id))
              .compose(deleted -> AuditLog.append(connection, actor, DELETE_OVERRIDE_ACTION, subject(id), detail, address))
              .map(true);
        }));
  }

  /** The overrides of {@code schedule} that overlap {@code from} to {@code to}, oldest first. */
  public Future<List<StoredOverride>> overrides(String schedule, Instant from, Instant to) {
    return select(pool, OnCallRows.SELECT_OVERRIDES + " WHERE schedule_id = ? AND starts_at < ? AND ends_at > ? ORDER BY id",
        Tuple.of(schedule, OnCallRows.timestamp(to), OnCallRows.timestamp(from)));
  }

  /** The overrides of every schedule that end after {@code since}, oldest first: what the directory needs. */
  public Future<List<StoredOverride>> overridesEndingAfter(Instant since) {
    return select(pool, OnCallRows.SELECT_OVERRIDES + " WHERE ends_at > ? ORDER BY id", Tuple.of(OnCallRows.timestamp(since)));
  }

  static String subject(long id) {
    return "oncall-override:" + id;
  }

  // ---- internals -------------------------------------------------------------------------------

  private static Future<Void> exists(SqlConnection connection, String sql, String field, String id) {
    return connection.preparedQuery(sql).execute(Tuple.of(id)).compose(rows -> rows.size() > 0
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new IllegalArgumentException(field + ": unknown " + field + " '" + id + "'")));
  }

  private static void requireText(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
  }

  private static Instant millis(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
  }

  private static Future<List<StoredOverride>> select(SqlClient client, String sql, Tuple parameters) {
    return client.preparedQuery(sql).execute(parameters)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(OnCallRows::override).toList());
  }

  private static <T> Future<List<T>> select(SqlConnection connection, String sql, Function<Row, T> mapper) {
    return connection.query(sql).execute().map(rows -> StreamSupport.stream(rows.spliterator(), false).map(mapper).toList());
  }

  private static Future<Void> executeBatch(SqlConnection connection, String sql, List<Tuple> parameters) {
    if (parameters.isEmpty()) {
      return Future.succeededFuture();
    }
    return connection.preparedQuery(sql).executeBatch(parameters).mapEmpty();
  }
}
