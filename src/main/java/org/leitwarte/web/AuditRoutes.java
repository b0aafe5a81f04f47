package org.leitwarte.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.store.AuditEntry;
import org.leitwarte.store.AuditFilter;
import org.leitwarte.store.AuditQueries;

/** {@code /api/v1/audit}: the audit log for administrators (the document allows no other role). */
final class AuditRoutes implements RouteGroup {

  private final AuditQueries audit;

  AuditRoutes(AuditQueries audit) {
    this.audit = audit;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listAuditEntries", this::list);
  }

  private void list(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    AuditFilter filter = new AuditFilter(request.query("action"), request.query("actor"), request.query("subject"),
        instant(request, "since"), instant(request, "until"), request.queryInt("limit", AuditFilter.DEFAULT_LIMIT));
    Responses.ok(context, audit.list(filter).map(AuditRoutes::entries));
  }

  static JsonObject entries(List<AuditEntry> entries) {
    return new JsonObject().put("entries", new JsonArray(entries.stream().map(AuditRoutes::entry).toList()));
  }

  static JsonObject entry(AuditEntry entry) {
    return new JsonObject()
        .put("id", entry.id())
        .put("at", entry.at().toString())
        .put("actor", entry.actor())
        .put("action", entry.action())
        .put("subject", entry.subject().orElse(null))
        .put("detail", entry.detail())
        .put("address", entry.address().orElse(null));
  }

  /** The document says date-time; this reads it (with any offset) or names the field. */
  private static Optional<Instant> instant(ApiRequest request, String field) {
    return request.query(field).map(text -> {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException e) {
        throw new InvalidInputException(field, "must be an instant like 2026-03-25T09:00:00Z, not '" + text + "'");
      }
    });
  }
}
