package org.leitwarte.incident.engine;

import static org.leitwarte.incident.engine.IncidentRows.timestamp;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.leitwarte.incident.engine.EscalationPlan.Step;

/**
 * The next escalation step of every unacknowledged incident (table {@code incident_escalation}). A step
 * is moved on only from the step it was read as, so that two runs of one step (a tick racing an
 * acknowledgement, a second node) cannot both win.
 */
final class EscalationSteps {

  /** A step that is due, of an incident. */
  record Pending(long incidentId, Step step) {}

  private final Pool pool;

  EscalationSteps(Pool pool) {
    this.pool = pool;
  }

  Future<Void> schedule(SqlConnection connection, long incidentId, Step step) {
    return connection.preparedQuery("INSERT INTO incident_escalation (incident_id, level, round, due_at) VALUES (?, ?, ?, ?)")
        .execute(Tuple.of(incidentId, step.level(), step.round(), timestamp(step.due())))
        .mapEmpty();
  }

  /** Steps due at {@code now}, the most overdue first. */
  Future<List<Pending>> due(Instant now, int limit) {
    return pool.preparedQuery("SELECT incident_id, level, round, due_at FROM incident_escalation WHERE due_at <= ?"
            + " ORDER BY due_at, incident_id LIMIT ?")
        .execute(Tuple.of(timestamp(now), limit))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false)
            .map(row -> new Pending(row.getLong("incident_id"),
                new Step(row.getInteger("level"), row.getInteger("round"), IncidentRows.instant(row, "due_at"))))
            .toList());
  }

  Future<Long> countPending() {
    return pool.query("SELECT count(*) AS n FROM incident_escalation").execute()
        .map(rows -> rows.iterator().next().getLong("n"));
  }

  /**
   * Marks {@code done} as done: the row moves on to {@code next}, or goes when nothing follows.
   *
   * @return false when the row was no longer at {@code done} (someone else ran it, or it was stopped)
   */
  Future<Boolean> advance(SqlConnection connection, long incidentId, Step done, Optional<Step> next) {
    Tuple current = Tuple.of(incidentId, done.level(), done.round());
    Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> moved = next.isPresent()
        ? connection.preparedQuery("UPDATE incident_escalation SET level = ?, round = ?, due_at = ?"
                + " WHERE incident_id = ? AND level = ? AND round = ?")
            .execute(Tuple.of(next.get().level(), next.get().round(), timestamp(next.get().due()), incidentId,
                done.level(), done.round()))
        : connection.preparedQuery("DELETE FROM incident_escalation WHERE incident_id = ? AND level = ? AND round = ?")
            .execute(current);
    return moved.map(rows -> rows.rowCount() > 0);
  }

  /** Ends the escalation (acknowledged, resolved). */
  Future<Void> stop(SqlConnection connection, long incidentId) {
    return connection.preparedQuery("DELETE FROM incident_escalation WHERE incident_id = ?")
        .execute(Tuple.of(incidentId))
        .mapEmpty();
  }
}
