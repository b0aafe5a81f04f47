package org.leitwarte.user;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.leitwarte.store.AuditLog;

/**
 * Users in the store (table {@code app_user}), each change with its audit row in the same transaction:
 * {@code user.add}, {@code user.disable}, {@code user.sign_in}, {@code user.sign_in_failed}, {@code
 * user.locked}, {@code user.sign_out}. Instants are kept to the millisecond.
 */
public final class UserRepository {

  static final String COLUMNS =
      "u.name, u.display_name, u.email, u.role, u.tenant, u.created_at, u.disabled, u.failed_sign_ins, u.locked_until";
  private static final String SELECT = "SELECT " + COLUMNS + ", u.password_hash FROM app_user u";
  private static final String INSERT = "INSERT INTO app_user (name, display_name, email, role, tenant, password_hash, created_at,"
      + " disabled, failed_sign_ins, locked_until) VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, 0, NULL)";

  /** A user and their password hash, which never leaves this package. */
  record Stored(User user, String passwordHash) {}

  private final Pool pool;
  private final Clock clock;

  public UserRepository(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /**
   * Adds a user; the tenant of a tenant user must be one of the stored inventory. Fails with an {@link
   * IllegalArgumentException} naming the field when the name is taken or the tenant unknown.
   *
   * @param passwordHash from {@link PasswordHasher#hash(String)}
   */
  public Future<User> add(User user, String passwordHash, String actor, Optional<String> address) {
    Instant now = now();
    return pool.withTransaction(connection -> checkTenant(connection, user.tenant())
        .compose(v -> find(connection, user.name()))
        .compose(existing -> existing.isPresent()
            ? Future.failedFuture(new IllegalArgumentException("name: user '" + user.name() + "' exists already"))
            : connection.preparedQuery(INSERT).execute(Tuple.from(Arrays.asList(user.name(), user.displayName(),
                user.email().orElse(null), user.role().label(), user.tenant().orElse(null), passwordHash, timestamp(now)))))
        .compose(v -> AuditLog.append(connection, actor, "user.add", subject(user.name()), new JsonObject()
            .put("role", user.role().label()).put("tenant", user.tenant().orElse(null)), address))
        .compose(v -> find(connection, user.name()))
        .map(stored -> stored.orElseThrow().user()));
  }

  public Future<Optional<User>> find(String name) {
    return find(pool, name).map(stored -> stored.map(Stored::user));
  }

  Future<Optional<Stored>> findStored(String name) {
    return find(pool, name);
  }

  /** Every user, by name. */
  public Future<List<User>> list() {
    return pool.preparedQuery(SELECT + " ORDER BY u.name").execute(Tuple.tuple())
        .map(rows -> rows.stream().map(UserRepository::user).toList());
  }

  /**
   * Disables a user: no more sign-in, no more API calls with their tokens, sessions end at their next
   * request. @return false when there is no such user
   */
  public Future<Boolean> disable(String name, String actor, Optional<String> address) {
    return pool.withTransaction(connection -> connection.preparedQuery("UPDATE app_user SET disabled = TRUE WHERE name = ?")
        .execute(Tuple.of(name))
        .compose(updated -> updated.rowCount() == 0
            ? Future.succeededFuture(false)
            : AuditLog.append(connection, actor, "user.disable", subject(name), new JsonObject(), address).map(true)));
  }

  /**
   * Sets a new password (an administrator's reset): failures and a lock-out are cleared, sessions
   * started with the old password end at their next request, tokens stay. @return false when there is
   * no such user
   */
  public Future<Boolean> setPassword(String name, String passwordHash, String actor, Optional<String> address) {
    return pool.withTransaction(connection -> connection
        .preparedQuery("UPDATE app_user SET password_hash = ?, failed_sign_ins = 0, locked_until = NULL WHERE name = ?")
        .execute(Tuple.of(passwordHash, name))
        .compose(updated -> updated.rowCount() == 0
            ? Future.succeededFuture(false)
            : AuditLog.append(connection, actor, "user.password_set", subject(name), new JsonObject(), address).map(true)));
  }

  /**
   * The user of a browser session: empty when they are gone or disabled, or when their password was
   * set anew since the session began ({@code stamp} no longer that of the stored password).
   */
  public Future<Optional<User>> findForSession(String name, String stamp) {
    return find(pool, name).map(stored -> stored
        .filter(found -> !found.user().disabled() && stamp(found.passwordHash()).equals(stamp))
        .map(Stored::user));
  }

  /**
   * A short digest of a password hash for the session to keep: it changes with every new password
   * (each hash has its own salt) and tells nothing about the password.
   */
  static String stamp(String passwordHash) {
    try {
      byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
          .digest(passwordHash.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest, 0, 16);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A successful sign-in: the count of failures starts again. */
  Future<Void> signedIn(String name, Optional<String> address) {
    return pool.withTransaction(connection -> connection
        .preparedQuery("UPDATE app_user SET failed_sign_ins = 0, locked_until = NULL WHERE name = ?").execute(Tuple.of(name))
        .compose(v -> AuditLog.append(connection, name, "user.sign_in", subject(name), new JsonObject(), address)));
  }

  /**
   * A failed sign-in of an existing user: counted, and from the {@code lockAfter}-th in a row the
   * account is locked for {@code lockFor} ({@code user.locked} in the audit log).
   *
   * @return the failures in a row now
   */
  Future<Integer> failedSignIn(String name, String reason, int lockAfter, Duration lockFor, Optional<String> address) {
    Instant now = now();
    return pool.withTransaction(connection -> connection
        .preparedQuery("UPDATE app_user SET failed_sign_ins = failed_sign_ins + 1 WHERE name = ?").execute(Tuple.of(name))
        .compose(v -> AuditLog.append(connection, name, "user.sign_in_failed", subject(name), new JsonObject().put("reason", reason), address))
        .compose(v -> find(connection, name))
        .compose(stored -> {
          User user = stored.orElseThrow().user();
          if (user.failedSignIns() < lockAfter || user.lockedAt(now)) {
            return Future.succeededFuture(user.failedSignIns());
          }
          Instant until = now.plus(lockFor);
          return connection.preparedQuery("UPDATE app_user SET locked_until = ? WHERE name = ?").execute(Tuple.of(timestamp(until), name))
              .compose(v -> AuditLog.append(connection, name, "user.locked", subject(name), new JsonObject()
                  .put("failed_sign_ins", user.failedSignIns()).put("locked_until", until.toString()), address))
              .map(user.failedSignIns());
        }));
  }

  /** A sign-in refused before any user was involved: an unknown name, or an address that tried too often. */
  Future<Void> refusedSignIn(String attempted, String reason, Optional<String> address) {
    String actor = attempted.length() > 64 ? attempted.substring(0, 64) : attempted;
    return pool.withConnection(connection -> AuditLog.append(connection, actor.isBlank() ? "-" : actor, "user.sign_in_failed",
        null, new JsonObject().put("reason", reason), address));
  }

  Future<Void> signedOut(String name, Optional<String> address) {
    return pool.withConnection(connection -> AuditLog.append(connection, name, "user.sign_out", subject(name), new JsonObject(), address));
  }

  private static Future<Void> checkTenant(SqlClient client, Optional<String> tenant) {
    if (tenant.isEmpty()) {
      return Future.succeededFuture();
    }
    return client.preparedQuery("SELECT id FROM tenant ORDER BY id").execute(Tuple.tuple()).compose(rows -> {
      List<String> known = new ArrayList<>();
      rows.forEach(row -> known.add(row.getString("id")));
      return known.contains(tenant.get())
          ? Future.succeededFuture()
          : Future.failedFuture(new IllegalArgumentException("tenant: '" + tenant.get() + "' is not a tenant of the stored inventory"
              + (known.isEmpty() ? " (it has none yet: start the service once to import the inventory)" : " (tenants: " + String.join(", ", known) + ")")));
    });
  }

  private static Future<Optional<Stored>> find(SqlClient client, String name) {
    return client.preparedQuery(SELECT + " WHERE u.name = ?").execute(Tuple.of(name)).map(UserRepository::first);
  }

  private static Optional<Stored> first(RowSet<Row> rows) {
    for (Row row : rows) {
      return Optional.of(new Stored(user(row), row.getString("password_hash")));
    }
    return Optional.empty();
  }

  /** A user from a row with {@link #COLUMNS}. */
  static User user(Row row) {
    return new User(
        row.getString("name"),
        row.getString("display_name"),
        Optional.ofNullable(row.getString("email")),
        Role.of(row.getString("role")),
        Optional.ofNullable(row.getString("tenant")),
        row.getOffsetDateTime("created_at").toInstant(),
        row.getBoolean("disabled"),
        row.getInteger("failed_sign_ins"),
        Optional.ofNullable(row.getOffsetDateTime("locked_until")).map(OffsetDateTime::toInstant));
  }

  static String subject(String name) {
    return "user:" + name;
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static OffsetDateTime timestamp(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
