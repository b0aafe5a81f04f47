package org.leitwarte.collect.trap;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.StreamSupport;

/**
 * The trap events kept in the store (table {@code trap_event}, migration V10), newest first. The SQL is
 * the same for H2 and PostgreSQL.
 */
public final class TrapEventRepository {

  /** At most this many events per answer. */
  public static final int MAX_LIMIT = 1000;

  private static final String COLUMNS = "received_at, tenant, site, device, known_source, source, version, trap, trap_oid, "
      + "if_index, if_name, admin_status, oper_status, varbinds";
  private static final String INSERT = "INSERT INTO trap_event (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT = "SELECT id, " + COLUMNS + " FROM trap_event";

  private final Pool pool;

  public TrapEventRepository(Pool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  /** Keeps the events (in one batch). */
  public Future<Void> insert(List<TrapEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    return pool.preparedQuery(INSERT).executeBatch(events.stream().map(TrapEventRepository::row).toList()).mapEmpty();
  }

  /** The newest events of a device, at most {@code limit}. */
  public Future<List<StoredTrapEvent>> ofDevice(String device, int limit) {
    return list(SELECT + " WHERE device = ? ORDER BY id DESC LIMIT ?", Tuple.of(device, clamp(limit)));
  }

  /** The newest events from addresses that are not in the inventory, at most {@code limit}. */
  public Future<List<StoredTrapEvent>> ofUnknownSources(int limit) {
    return list(SELECT + " WHERE known_source = FALSE ORDER BY id DESC LIMIT ?", Tuple.of(clamp(limit)));
  }

  /**
   * Removes events older than {@code before}; for each of {@code devices} (from the inventory) all but
   * its newest {@code keep}; and of the events from unknown sources, taken together, all but the newest
   * {@code keep}, so that a storm of forged sender addresses cannot fill the table.
   */
  Future<Void> prune(Instant before, Collection<String> devices, boolean unknownSources, int keep) {
    Future<Void> done = pool.preparedQuery("DELETE FROM trap_event WHERE received_at < ?")
        .execute(Tuple.of(timestamp(before))).mapEmpty();
    for (String device : devices) {
      done = done.compose(v -> pool.preparedQuery(
              "DELETE FROM trap_event WHERE device = ? AND known_source = TRUE AND id <= "
                  + "(SELECT id FROM trap_event WHERE device = ? AND known_source = TRUE ORDER BY id DESC LIMIT 1 OFFSET ?)")
          .execute(Tuple.of(device, device, keep)).mapEmpty());
    }
    if (unknownSources) {
      done = done.compose(v -> pool.preparedQuery(
              "DELETE FROM trap_event WHERE known_source = FALSE AND id <= "
                  + "(SELECT id FROM trap_event WHERE known_source = FALSE ORDER BY id DESC LIMIT 1 OFFSET ?)")
          .execute(Tuple.of(keep)).mapEmpty());
    }
    return done;
  }

  private Future<List<StoredTrapEvent>> list(String sql, Tuple parameters) {
    return pool.preparedQuery(sql).execute(parameters)
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(TrapEventRepository::event).toList());
  }

  private static int clamp(int limit) {
    return Math.max(1, Math.min(MAX_LIMIT, limit));
  }

  private static Tuple row(TrapEvent event) {
    return Tuple.from(Arrays.asList(
        timestamp(event.at()),
        event.tenant(),
        event.site(),
        event.device(),
        event.knownSource(),
        event.source(),
        event.version(),
        shortened(event.trap(), 300),
        shortened(event.trapOid(), 300),
        event.ifIndex().orElse(null),
        event.ifName().map(name -> shortened(name, 200)).orElse(null),
        event.adminStatus().isPresent() ? (int) event.adminStatus().getAsLong() : null,
        event.operStatus().isPresent() ? (int) event.operStatus().getAsLong() : null,
        shortened(event.varbinds(), 2000)));
  }

  private static StoredTrapEvent event(Row row) {
    Integer admin = row.getInteger("admin_status");
    Integer oper = row.getInteger("oper_status");
    TrapEvent event = new TrapEvent(
        row.getOffsetDateTime("received_at").toInstant(),
        row.getString("tenant"),
        row.getString("site"),
        row.getString("device"),
        row.getBoolean("known_source"),
        row.getString("source"),
        row.getString("version"),
        row.getString("trap"),
        row.getString("trap_oid"),
        Optional.ofNullable(row.getString("if_index")),
        Optional.ofNullable(row.getString("if_name")),
        admin == null ? OptionalLong.empty() : OptionalLong.of(admin),
        oper == null ? OptionalLong.empty() : OptionalLong.of(oper),
        row.getString("varbinds"));
    return new StoredTrapEvent(row.getLong("id"), event);
  }

  private static String shortened(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  /** An event with its id in the store. */
  public record StoredTrapEvent(long id, TrapEvent event) {}
}
