package org.leitwarte.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Arrays;
import java.util.Optional;

/**
 * The audit log (table {@code audit_log}): who changed what, when, from which address. Rows are only
 * ever added, inside the transaction of the change they describe, so a change and its audit row are
 * kept together or not at all. Details never contain secrets.
 */
public final class AuditLog {

  private static final String INSERT = "INSERT INTO audit_log (actor, action, subject, detail, address) VALUES (?, ?, ?, ?, ?)";

  private AuditLog() {}

  /**
   * Appends one row on {@code connection} (which should be in the change's transaction).
   *
   * @param action what happened, {@code silence.create}, {@code inventory.import}, …
   * @param subject what it happened to, {@code silence:7}; may be null
   * @param address the client address for changes made over HTTP, empty for the CLI and the service
   */
  public static Future<Void> append(
      SqlConnection connection, String actor, String action, String subject, JsonObject detail, Optional<String> address) {
    return connection.preparedQuery(INSERT)
        .execute(Tuple.from(Arrays.asList(actor, action, subject, detail.encode(), address.orElse(null))))
        .mapEmpty();
  }
}
