package org.leitwarte.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@ExtendWith(VertxExtension.class)
class ServiceStateTest {

  @TempDir Path dir;
  private Vertx vertx;
  private StoreFixture stores;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.stores = new StoreFixture(dir);
  }

  @AfterEach
  void tearDown(VertxTestContext context) {
    stores.close(vertx).onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_value_is_kept_replaced_and_removed(Dialect dialect, VertxTestContext context) {
    stores.open(vertx, dialect)
        .map(store -> new ServiceState(store.pool()))
        .compose(state -> state.get("stopped_at")
            .compose(missing -> state.put("stopped_at", "1")
                .compose(v -> state.put("stopped_at", "2"))
                .compose(v -> state.get("stopped_at"))
                .compose(replaced -> state.remove("stopped_at")
                    .compose(v -> state.get("stopped_at"))
                    .map(removed -> java.util.List.of(missing, replaced, removed)))))
        .onComplete(context.succeeding(seen -> context.verify(() -> {
          assertThat(seen).containsExactly(Optional.empty(), Optional.of("2"), Optional.empty());
          context.completeNow();
        })));
  }
}
