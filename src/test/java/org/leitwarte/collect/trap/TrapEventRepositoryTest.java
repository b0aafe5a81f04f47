package org.leitwarte.collect.trap;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.Store;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.testsupport.Await;

/** The trap_event table (migration V10) on H2 and PostgreSQL: listing newest first, and what retention removes. */
class TrapEventRepositoryTest {

  private static final Instant NOW = Instant.parse("2026-03-25T10:00:00Z");

  @TempDir Path dir;

  private final Vertx vertx = Vertx.vertx();
  private StoreFixture stores;

  @AfterEach
  void close() {
    if (stores != null) {
      Await.result(stores.close(vertx));
    }
    Await.result(vertx.close());
  }

  private TrapEventRepository repository(Dialect dialect) {
    stores = new StoreFixture(dir);
    Store store = Await.result(stores.open(vertx, dialect));
    return new TrapEventRepository(store.pool());
  }

  private static TrapEvent event(String device, boolean known, Instant at, String trap) {
    return new TrapEvent(at, known ? "wernigerode" : TrapEvent.UNKNOWN_TENANT, known ? "wr-rathaus" : "-", device, known,
        known ? "192.0.2.10" : device, "2c", trap, TrapNames.LINK_DOWN, Optional.of("3"), Optional.of("Gi0/3"),
        OptionalLong.of(1), OptionalLong.of(2), "1.3.6.1.2.1.2.2.1.1.3=3");
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void events_are_listed_per_device_newest_first_and_unknown_sources_apart(Dialect dialect) {
    TrapEventRepository repository = repository(dialect);
    Await.result(repository.insert(List.of(
        event("wr-sw1", true, NOW, "linkDown"),
        event("wr-sw2", true, NOW, "coldStart"),
        event("198.51.100.7", false, NOW, "linkDown"),
        event("wr-sw1", true, NOW.plusSeconds(5), "linkUp"))));

    List<TrapEventRepository.StoredTrapEvent> sw1 = Await.result(repository.ofDevice("wr-sw1", 10));
    assertThat(sw1).extracting(stored -> stored.event().trap()).containsExactly("linkUp", "linkDown");
    assertThat(sw1.get(1).event()).isEqualTo(event("wr-sw1", true, NOW, "linkDown"));
    assertThat(Await.result(repository.ofDevice("wr-sw1", 1))).hasSize(1);
    assertThat(Await.result(repository.ofUnknownSources(10))).singleElement()
        .satisfies(stored -> assertThat(stored.event().device()).isEqualTo("198.51.100.7"));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void retention_keeps_the_newest_per_device_and_nothing_too_old(Dialect dialect) {
    TrapEventRepository repository = repository(dialect);
    List<TrapEvent> events = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      events.add(event("wr-sw1", true, NOW.plusSeconds(i), "trap" + i));
    }
    events.add(event("wr-sw2", true, NOW.minusSeconds(3600), "old"));
    events.add(event("wr-sw2", true, NOW, "recent"));
    for (int i = 0; i < 10; i++) {
      events.add(event("198.51.100." + i, false, NOW.plusSeconds(i), "forged" + i));
    }
    Await.result(repository.insert(events));

    Await.result(repository.prune(NOW.minusSeconds(60), List.of("wr-sw1"), true, 3));

    assertThat(Await.result(repository.ofDevice("wr-sw1", 100))).extracting(stored -> stored.event().trap())
        .containsExactly("trap9", "trap8", "trap7");
    assertThat(Await.result(repository.ofDevice("wr-sw2", 100))).extracting(stored -> stored.event().trap())
        .containsExactly("recent");
    assertThat(Await.result(repository.ofUnknownSources(100))).extracting(stored -> stored.event().trap())
        .as("the newest 3 of all unknown sources together").containsExactly("forged9", "forged8", "forged7");
  }
}
