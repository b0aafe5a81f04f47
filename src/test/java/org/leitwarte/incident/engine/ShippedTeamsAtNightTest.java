package org.leitwarte.incident.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.incident.oncall.OnCallConfig;
import org.leitwarte.incident.oncall.OnCallLoader;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.incident.routing.RoutingLoader;
import org.leitwarte.incident.routing.RoutingTree;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.testsupport.Await;
import org.leitwarte.testsupport.MutableClock;

/**
 * The shipped {@code oncall.yaml} and {@code routing.yaml} with the real engine and a driven clock: a
 * router of a town hall goes down at night or by day, and the network team's schedule decides who is
 * woken; nobody acknowledges, so level 2 (Andrea Koch) follows 15 minutes later, then the whole team;
 * her acknowledgement ends it.
 */
@ExtendWith(VertxExtension.class)
class ShippedTeamsAtNightTest {

  private static final Path RULES = Path.of("alert-rules");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @TempDir Path dir;
  private Vertx vertx;
  private StoreFixture stores;
  private IncidentService service;

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    this.stores = new StoreFixture(dir);
  }

  @AfterEach
  void tearDown() {
    if (service != null) {
      Await.result(service.stop());
    }
    Await.result(stores.close(vertx));
  }

  @ParameterizedTest(name = "{0} Berlin time: {1} is paged first")
  @CsvSource({
    // Sunday 02:00: the weekend night layer (Katrin Weber that night).
    "2026-01-11T02:00, kweber",
    // Monday 10:00: the weekly layer, Jan Schmidt's week since 09:00.
    "2026-01-12T10:00, jschmidt",
    // The night after the clock change to summer time: the weekend night layer still answers.
    "2026-03-29T03:30, tbecker",
  })
  void a_router_down_pages_whoever_the_network_schedule_names_then_escalates_until_acknowledged(String local, String first)
      throws Exception {
    OnCallConfig oncall = OnCallLoader.loadFromRulesFolder(RULES, Map.of());
    RoutingTree routing = RoutingLoader.loadFromRulesFolder(RULES, oncall).orElseThrow();
    Instant start = LocalDateTime.parse(local).atZone(BERLIN).toInstant();
    MutableClock clock = new MutableClock(start);
    RecordingNotifications notifications = new RecordingNotifications(clock);
    var pool = Await.result(stores.open(vertx, Dialect.H2)).pool();
    AlertRepository alerts = new AlertRepository(pool, clock);
    service = IncidentService.create(vertx, pool, clock, () -> routing, OnCallSnapshot.of(oncall), notifications,
        (incident, person) -> URI.create("https://leitwarte.example/ack/" + incident + "/" + person));
    Await.result(service.start());

    Alert down = new Alert("a1", "device_unreachable", Severity.CRITICAL, AlertState.FIRING,
        Map.of("alertname", "device_unreachable", "severity", "critical", "tenant", "wernigerode", "site", "wr-rathaus",
            "device", "wr-router", "role", "router"),
        Map.of("de", Map.of("summary", "wr-router ist nicht erreichbar")), start, start, Optional.empty(), Optional.empty(), false);
    AlertChange fired = new AlertChange(down, Optional.of(AlertState.PENDING), Optional.empty(), start);
    Await.result(alerts.record(List.of(fired)));
    Await.result(service.accept(fired));

    // netz-kritisch waits 10 s for more alerts of the town hall.
    advance(clock, Duration.ofSeconds(9));
    assertThat(notifications.summary()).isEmpty();
    advance(clock, Duration.ofSeconds(1));
    assertThat(notifications.summary()).containsExactly(first + ":TRIGGERED:1");
    assertThat(Await.result(service.list(ApiScope.EVERYTHING, org.leitwarte.incident.IncidentQuery.open())))
        .singleElement().satisfies(incident -> {
          assertThat(incident.team()).isEqualTo("netz");
          assertThat(incident.policy()).isEqualTo("netz-standard");
        });

    advance(clock, Duration.ofMinutes(15));
    assertThat(notifications.summary()).containsExactly(first + ":TRIGGERED:1", "akoch:ESCALATED:2");

    long id = Await.result(service.list(ApiScope.EVERYTHING, org.leitwarte.incident.IncidentQuery.open())).get(0).id();
    Await.result(service.acknowledge(ApiScope.EVERYTHING, id, "akoch", "api", Optional.empty()));
    advance(clock, Duration.ofHours(6));
    assertThat(notifications.summary()).as("acknowledged: nobody else is paged").hasSize(2);
  }

  private void advance(MutableClock clock, Duration duration) {
    clock.advance(duration);
    Await.result(service.tick());
  }
}
