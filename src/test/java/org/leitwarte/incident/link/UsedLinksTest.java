package org.leitwarte.incident.link;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;

@ExtendWith(VertxExtension.class)
class UsedLinksTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T02:00:00Z"), ZoneOffset.UTC);

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
  void a_link_works_once_even_when_two_clicks_race(Dialect dialect, VertxTestContext context) {
    SignedLinks links = new SignedLinks(URI.create("http://127.0.0.1"), SignedLinks.newKey(), Duration.ofHours(1), CLOCK);
    SignedLinks.Verification.Valid first = (SignedLinks.Verification.Valid) links.verify(links.token(7, "mmueller"));
    SignedLinks.Verification.Valid other = (SignedLinks.Verification.Valid) links.verify(links.token(7, "mmueller"));
    stores.open(vertx, dialect)
        .map(store -> new UsedLinks(store.pool(), CLOCK))
        .compose(used -> Future.all(used.use(first), used.use(first), used.use(other))
            .map(all -> List.of(all.<Boolean>resultAt(0), all.<Boolean>resultAt(1), all.<Boolean>resultAt(2))))
        .onComplete(context.succeeding(results -> context.verify(() -> {
          // Of the two clicks on the same link exactly one counts; the other link is its own.
          assertThat(results.subList(0, 2)).containsExactlyInAnyOrder(true, false);
          assertThat(results.get(2)).isTrue();
          context.completeNow();
        })));
  }
}
