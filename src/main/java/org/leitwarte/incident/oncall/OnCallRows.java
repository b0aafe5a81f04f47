package org.leitwarte.incident.oncall;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.Secret;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;
import org.leitwarte.incident.oncall.OnCallDiff.Placed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SQL of the on-call tables and the mapping between their rows and the records. */
final class OnCallRows {

  private static final Logger LOG = LoggerFactory.getLogger(OnCallRows.class);

  /** The statements that make one table equal to the file; each takes the id as its last parameter. */
  record Statements(String insert, String update, String renumber, String delete) {}

  static final String SELECT_PEOPLE =
      "SELECT id, name, email, phone, webhook, language FROM oncall_person ORDER BY ordinal, id";
  static final Statements PERSON = new Statements(
      "INSERT INTO oncall_person (name, email, phone, webhook, language, ordinal, updated_at, id)"
          + " VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)",
      "UPDATE oncall_person SET name = ?, email = ?, phone = ?, webhook = ?, language = ?, ordinal = ?,"
          + " updated_at = CURRENT_TIMESTAMP WHERE id = ?",
      "UPDATE oncall_person SET ordinal = ? WHERE id = ?",
      "DELETE FROM oncall_person WHERE id = ?");
  static final String PERSON_EXISTS = "SELECT id FROM oncall_person WHERE id = ?";

  static final String SELECT_TEAMS = "SELECT id, name, policy_id FROM oncall_team ORDER BY ordinal, id";
  static final Statements TEAM = new Statements(
      "INSERT INTO oncall_team (name, policy_id, ordinal, updated_at, id) VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?)",
      "UPDATE oncall_team SET name = ?, policy_id = ?, ordinal = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
      "UPDATE oncall_team SET ordinal = ? WHERE id = ?",
      "DELETE FROM oncall_team WHERE id = ?");
  static final String SELECT_MEMBERS = "SELECT team_id, person_id FROM oncall_team_member ORDER BY team_id, ordinal";
  static final String DELETE_MEMBERS = "DELETE FROM oncall_team_member";
  static final String INSERT_MEMBER = "INSERT INTO oncall_team_member (team_id, person_id, ordinal) VALUES (?, ?, ?)";

  static final String SELECT_SCHEDULES = "SELECT id, definition FROM oncall_schedule ORDER BY ordinal, id";
  static final Statements SCHEDULE = new Statements(
      "INSERT INTO oncall_schedule (team_id, definition, ordinal, updated_at, id) VALUES (?, ?, ?, CURRENT_TIMESTAMP, ?)",
      "UPDATE oncall_schedule SET team_id = ?, definition = ?, ordinal = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
      "UPDATE oncall_schedule SET ordinal = ? WHERE id = ?",
      "DELETE FROM oncall_schedule WHERE id = ?");
  static final String SCHEDULE_EXISTS = "SELECT id FROM oncall_schedule WHERE id = ?";

  static final String SELECT_POLICIES = "SELECT id, definition FROM oncall_policy ORDER BY ordinal, id";
  static final Statements POLICY = new Statements(
      "INSERT INTO oncall_policy (definition, ordinal, updated_at, id) VALUES (?, ?, CURRENT_TIMESTAMP, ?)",
      "UPDATE oncall_policy SET definition = ?, ordinal = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?",
      "UPDATE oncall_policy SET ordinal = ? WHERE id = ?",
      "DELETE FROM oncall_policy WHERE id = ?");

  static final String SELECT_OVERRIDES =
      "SELECT id, schedule_id, person_id, starts_at, ends_at, reason, created_by, created_at FROM oncall_override";
  static final String INSERT_OVERRIDE = "INSERT INTO oncall_override (schedule_id, person_id, starts_at, ends_at,"
      + " reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
  static final String DELETE_OVERRIDE = "DELETE FROM oncall_override WHERE id = ?";

  private OnCallRows() {}

  /** A person as stored: the webhook as written, not resolved. */
  record PersonRow(
      String id, String name, Optional<String> email, Optional<String> phone, Optional<String> webhook, String language) {

    static PersonRow of(Person person, Map<String, Secret> webhooks) {
      return new PersonRow(person.id(), person.name(), person.email(), person.phone(),
          Optional.ofNullable(webhooks.get(person.id())).map(Secret::raw), person.language());
    }

    static PersonRow of(Row row) {
      return new PersonRow(row.getString("id"), row.getString("name"), Optional.ofNullable(row.getString("email")),
          Optional.ofNullable(row.getString("phone")), Optional.ofNullable(row.getString("webhook")),
          row.getString("language"));
    }

    /** The person, with the webhook resolved; one that no longer resolves is left out and logged. */
    Person person(Map<String, String> environment) {
      Optional<URI> uri = webhook.flatMap(raw -> {
        Secret secret = Secret.of(raw);
        Optional<String> problem = secret.problem(environment);
        if (problem.isPresent()) {
          LOG.warn("person {}: webhook left out: {}", id, problem.get());
          return Optional.empty();
        }
        try {
          return Optional.of(new URI(secret.reveal(environment).strip()));
        } catch (URISyntaxException e) {
          LOG.warn("person {}: webhook left out: not a URL", id);
          return Optional.empty();
        }
      });
      return new Person(id, name, email, phone, uri, language);
    }

    Tuple parameters(int ordinal) {
      return Tuple.from(Arrays.asList(
          name, email.orElse(null), phone.orElse(null), webhook.orElse(null), language, ordinal, id));
    }
  }

  static Tuple teamParameters(Placed<Team> placed) {
    Team team = placed.value();
    return Tuple.from(Arrays.asList(team.name(), team.policy().orElse(null), placed.ordinal(), team.id()));
  }

  static Tuple scheduleParameters(Placed<OnCallSchedule> placed) {
    OnCallSchedule schedule = placed.value();
    return Tuple.from(Arrays.asList(
        schedule.team().orElse(null), OnCallJson.schedule(schedule).encode(), placed.ordinal(), schedule.id()));
  }

  static OnCallSchedule schedule(Row row) {
    return OnCallJson.schedule(new JsonObject(row.getString("definition")));
  }

  static Tuple policyParameters(Placed<EscalationPolicy> placed) {
    return Tuple.of(OnCallJson.policy(placed.value()).encode(), placed.ordinal(), placed.value().id());
  }

  static EscalationPolicy policy(Row row) {
    return OnCallJson.policy(new JsonObject(row.getString("definition")));
  }

  static StoredOverride override(Row row) {
    return new StoredOverride(
        row.getLong("id"),
        row.getString("schedule_id"),
        new ScheduleOverride(
            row.getString("person_id"),
            row.getOffsetDateTime("starts_at").toInstant(),
            row.getOffsetDateTime("ends_at").toInstant(),
            row.getString("reason")),
        row.getString("created_by"),
        row.getOffsetDateTime("created_at").toInstant());
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
