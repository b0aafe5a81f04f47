package org.leitwarte.store;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the audit log as administrators read it.
 *
 * @param action what happened, {@code user.sign_in_failed}, {@code silence.create}, …
 * @param subject what it happened to, {@code ticket:T-2026-0001}; empty when nothing in particular
 * @param detail what else was recorded; a detail that is not a JSON object comes as {@code {"text": …}}
 * @param address the client address for changes made over HTTP; empty for the CLI and the service
 */
public record AuditEntry(
    long id, Instant at, String actor, String action, Optional<String> subject, JsonObject detail, Optional<String> address) {

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(address, "address");
  }
}
