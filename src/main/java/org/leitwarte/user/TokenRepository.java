package org.leitwarte.user;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.jdbcclient.JDBCPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.leitwarte.store.AuditLog;

/**
 * API tokens (table {@code api_token}): 32 random bytes shown once as {@code lw_<base64url>}; only their
 * SHA-256 is stored (a token has the entropy a password lacks, so a fast hash is enough). Creating and
 * revoking write audit rows ({@code token.create}, {@code token.revoke}).
 */
public final class TokenRepository {

  public static final String PREFIX = "lw_";
  private static final int TOKEN_BYTES = 32;
  /** Last use is written at most this often per token, not on every request. */
  private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String COLUMNS = "t.id, t.user_name, t.name AS token_name, t.created_at AS token_created_at, t.last_used_at, t.revoked_at";

  private final Pool pool;
  private final Clock clock;

  public TokenRepository(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** A new token for an enabled user. Fails naming {@code user} when there is no such user or they are disabled. */
  public Future<ApiToken.Created> create(String user, String name, String actor, Optional<String> address) {
    byte[] random = new byte[TOKEN_BYTES];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = now();
    String label = name == null || name.isBlank() ? "token" : name.strip();
    return pool.withTransaction(connection -> connection.preparedQuery("SELECT disabled FROM app_user WHERE name = ?").execute(Tuple.of(user))
        .compose(rows -> {
          if (rows.size() == 0 || rows.iterator().next().getBoolean("disabled")) {
            return Future.failedFuture(new IllegalArgumentException("user: no enabled user '" + user + "'"));
          }
          return connection.preparedQuery("INSERT INTO api_token (user_name, name, token_hash, created_at) VALUES (?, ?, ?, ?)")
              .execute(Tuple.of(user, label, digest(secret), UserRepository.timestamp(now)));
        })
        .map(rows -> rows.property(JDBCPool.GENERATED_KEYS).getLong("id"))
        .compose(id -> AuditLog.append(connection, actor, "token.create", "token:" + id,
                new JsonObject().put("user", user).put("name", label), address)
            .map(v -> new ApiToken.Created(new ApiToken(id, user, label, now, Optional.empty(), Optional.empty()), secret))));
  }

  /**
   * The user a token belongs to, when the token is known, not revoked and its user not disabled; notes
   * its use.
   */
  public Future<Optional<User>> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Future.succeededFuture(Optional.empty());
    }
    Instant now = now();
    return pool.preparedQuery("SELECT t.id, " + UserRepository.COLUMNS + " FROM api_token t JOIN app_user u ON u.name = t.user_name"
            + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND u.disabled = FALSE")
        .execute(Tuple.of(digest(secret)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.<User>empty());
          }
          Row row = rows.iterator().next();
          User user = UserRepository.user(row);
          return pool.preparedQuery("UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)")
              .execute(Tuple.of(UserRepository.timestamp(now), row.getLong("id"), UserRepository.timestamp(now.minus(LAST_USED_PRECISION))))
              .map(Optional.of(user));
        });
  }

  /** @return false when there is no such token; revoking twice keeps the first time */
  public Future<Boolean> revoke(long id, String actor, Optional<String> address) {
    Instant now = now();
    return pool.withTransaction(connection -> connection.preparedQuery("SELECT id FROM api_token WHERE id = ?").execute(Tuple.of(id))
        .compose(found -> found.size() == 0
            ? Future.succeededFuture(false)
            : connection.preparedQuery("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .execute(Tuple.of(UserRepository.timestamp(now), id))
                .compose(updated -> updated.rowCount() == 0
                    ? Future.succeededFuture(true)
                    : AuditLog.append(connection, actor, "token.revoke", "token:" + id, new JsonObject(), address).map(true))));
  }

  /** Every token, newest first. */
  public Future<List<ApiToken>> list() {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM api_token t ORDER BY t.id DESC").execute(Tuple.tuple())
        .map(rows -> rows.stream().map(TokenRepository::token).toList());
  }

  private static ApiToken token(Row row) {
    return new ApiToken(row.getLong("id"), row.getString("user_name"), row.getString("token_name"),
        row.getOffsetDateTime("token_created_at").toInstant(),
        Optional.ofNullable(row.getOffsetDateTime("last_used_at")).map(OffsetDateTime::toInstant),
        Optional.ofNullable(row.getOffsetDateTime("revoked_at")).map(OffsetDateTime::toInstant));
  }

  static String digest(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
