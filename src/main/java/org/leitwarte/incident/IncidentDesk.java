package org.leitwarte.incident;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.history.ApiScope;

/**
 * What people do with incidents, through the API, the web UI, the CLI, a link or a mail reply. Every
 * method takes the request's {@link ApiScope}: another tenant's incident fails exactly as a missing one
 * does, with a {@link org.leitwarte.alerting.history.NotFoundException}. Every change lands in the
 * incident's timeline and in the audit log.
 *
 * <p>Changes made on a resolved incident fail with an {@link IncidentConflictException}; an
 * acknowledgement of an incident already acknowledged succeeds and changes nothing.
 */
public interface IncidentDesk extends Acknowledger {

  Future<List<Incident>> list(ApiScope scope, IncidentQuery query);

  Future<Incident> get(ApiScope scope, long id);

  /** Oldest first. */
  Future<List<TimelineEntry>> timeline(ApiScope scope, long id);

  /** The incident's alerts as they are now, firing first. */
  Future<List<Alert>> alerts(ApiScope scope, long id);

  /**
   * Stops the escalation; the person becomes the assignee if there is none.
   *
   * @param person a person id known to the on-call directory, else an {@link org.leitwarte.alerting.history.InvalidInputException}
   * @param address the client's IP address for the audit log, when known
   */
  Future<Incident> acknowledge(ApiScope scope, long id, String person, String channel, Optional<String> address);

  /** Resolves by hand (also acknowledges, so nothing escalates); resolving a resolved incident changes nothing. */
  Future<Incident> resolve(ApiScope scope, long id, String person, String channel, Optional<String> comment, Optional<String> address);

  /** Hands the incident to another person; they are notified at once; an unacknowledged incident keeps escalating. */
  Future<Incident> reassign(ApiScope scope, long id, String person, String to, String channel, Optional<String> address);

  Future<TimelineEntry> addNote(ApiScope scope, long id, String person, String text, String channel, Optional<String> address);
}
