package org.leitwarte.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;

/** Users, sign-in and tokens on both stores (H2 and PostgreSQL). */
class UserStoreTest {

  static final String PASSWORD = "ein langes Passwort";
  private static final PasswordHasher HASHER = new PasswordHasher();
  private static final String HASH = HASHER.hash(PASSWORD);

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private StoreFixture stores;
  private Pool pool;
  private UserRepository users;
  private TokenRepository tokens;

  @BeforeEach
  void setUp() {
    stores = new StoreFixture(dir);
  }

  @AfterEach
  void tearDown() throws Exception {
    await(stores.close(vertx));
    await(vertx.close());
  }

  private void open(Dialect dialect) throws Exception {
    pool = await(stores.open(vertx, dialect)).pool();
    users = new UserRepository(pool, Clock.systemUTC());
    tokens = new TokenRepository(pool, Clock.systemUTC());
    await(pool.query("INSERT INTO tenant (id, name, ordinal, updated_at) VALUES ('wernigerode', 'Stadt Wernigerode', 0, CURRENT_TIMESTAMP)").execute());
  }

  private static User user(String name, Role role, Optional<String> tenant) {
    return new User(name, name, Optional.empty(), role, tenant, Instant.EPOCH, false, 0, Optional.empty());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_user_is_added_once_and_a_tenant_user_only_for_a_tenant_of_the_inventory(Dialect dialect) throws Exception {
    open(dialect);

    User added = await(users.add(user("wr-it", Role.TENANT, Optional.of("wernigerode")), HASH, "cli:root", Optional.empty()));

    assertThat(added.tenant()).contains("wernigerode");
    assertThat(added.created()).isAfter(Instant.now().minusSeconds(60));
    assertThatThrownBy(() -> await(users.add(user("wr-it", Role.STAFF, Optional.empty()), HASH, "cli:root", Optional.empty())))
        .hasRootCauseMessage("name: user 'wr-it' exists already");
    assertThatThrownBy(() -> await(users.add(user("hbs-it", Role.TENANT, Optional.of("halberstadt")), HASH, "cli:root", Optional.empty())))
        .hasRootCauseMessage("tenant: 'halberstadt' is not a tenant of the stored inventory (tenants: wernigerode)");
    assertThat(await(users.list())).extracting(User::name).containsExactly("wr-it");
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.add' AND actor = 'cli:root'")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void ten_failures_lock_the_account_for_fifteen_minutes_and_then_the_password_works_again(Dialect dialect) throws Exception {
    open(dialect);
    await(users.add(user("tbecker", Role.ONCALL, Optional.empty()), HASH, "test", Optional.empty()));
    MutableClock clock = new MutableClock(Instant.now());
    SignIn signIn = new SignIn(vertx, new UserRepository(pool, clock), HASHER, clock, SignInPolicy.DEFAULT.withoutDelay());
    Optional<String> address = Optional.of("192.0.2.7");

    for (int i = 0; i < 10; i++) {
      assertThat(await(signIn.signIn("tbecker", "falsch " + i, address))).isEmpty();
    }
    assertThat(await(signIn.signIn("tbecker", PASSWORD, address))).isEmpty();
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    Optional<Principal> principal = await(signIn.signIn("TBecker ", PASSWORD, address));

    assertThat(principal).contains(new Principal("tbecker", Role.ONCALL, Optional.empty()));
    assertThat(await(users.find("tbecker")).orElseThrow().failedSignIns()).isZero();
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.locked' AND address = '192.0.2.7'")).isEqualTo(1);
    assertThat(count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sign_in'")).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_token_names_its_user_until_it_is_revoked_or_the_user_disabled(Dialect dialect) throws Exception {
    open(dialect);
    await(users.add(user("tbecker", Role.STAFF, Optional.empty()), HASH, "test", Optional.empty()));
    ApiToken.Created first = await(tokens.create("tbecker", "skript", "cli:root", Optional.empty()));
    ApiToken.Created second = await(tokens.create("tbecker", null, "cli:root", Optional.empty()));

    assertThat(await(tokens.authenticate(first.secret()))).map(User::name).contains("tbecker");
    assertThat(await(tokens.authenticate(first.secret() + "x"))).isEmpty();
    assertThat(await(tokens.revoke(first.token().id(), "cli:root", Optional.empty()))).isTrue();
    assertThat(await(tokens.authenticate(first.secret()))).isEmpty();
    assertThat(await(tokens.revoke(999, "cli:root", Optional.empty()))).isFalse();
    assertThat(await(users.disable("tbecker", "cli:root", Optional.empty()))).isTrue();
    assertThat(await(tokens.authenticate(second.secret()))).isEmpty();
    assertThat(await(tokens.list())).extracting(ApiToken::name).containsExactly("token", "skript");
    assertThatThrownBy(() -> await(tokens.create("tbecker", "neu", "cli:root", Optional.empty())))
        .hasRootCauseMessage("user: no enabled user 'tbecker'");
  }

  private long count(String sql) throws Exception {
    return await(pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)));
  }

  private static <T> T await(Future<T> future) throws Exception {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e;
    }
  }

  /** A clock the test moves on. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
