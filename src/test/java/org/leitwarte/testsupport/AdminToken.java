package org.leitwarte.testsupport;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.store.Store;
import org.leitwarte.user.PasswordHasher;
import org.leitwarte.user.Role;
import org.leitwarte.user.TokenRepository;
import org.leitwarte.user.User;
import org.leitwarte.user.UserRepository;

/**
 * What an administrator does before using the API of a new installation ({@code leitwarte user add},
 * {@code leitwarte token create}): an administrator {@value #USER} in the store and a token of theirs.
 * Call it before the service opens an embedded H2 store (H2 lets one process open the file).
 */
public final class AdminToken {

  public static final String USER = "admin";

  private AdminToken() {}

  /** @return a new API token of {@value #USER}, who is added when missing */
  public static String create(LeitwarteConfig.Store config) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Store store = Store.open(vertx, config).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      try {
        UserRepository users = new UserRepository(store.pool(), Clock.systemUTC());
        if (users.find(USER).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).isEmpty()) {
          users.add(new User(USER, "Administrator", Optional.empty(), Role.ADMIN, Optional.empty(), Instant.EPOCH, false, 0, Optional.empty()),
                  new PasswordHasher().hash("admin password for tests"), "test", Optional.empty())
              .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        }
        return new TokenRepository(store.pool(), Clock.systemUTC()).create(USER, "test", "test", Optional.empty())
            .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS).secret();
      } finally {
        store.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      }
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
  }
}
