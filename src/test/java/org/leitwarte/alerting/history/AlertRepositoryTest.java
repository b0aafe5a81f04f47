package org.leitwarte.alerting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.StoreFixture;

@ExtendWith(VertxExtension.class)
class AlertRepositoryTest {

  private static final Instant T0 = Instant.parse("2026-03-29T00:59:58.123Z");
  private static final Map<String, String> UPLINK = Map.of(
      "alertname", "InterfaceDown", "severity", "critical", "tenant", "wr", "site", "wr-rathaus",
      "device", "wr-router", "ifName", "ge-0/0/1", "ifAlias", "Uplink Rathaus → KDO ÄÖÜ \"quoted\"");
  private static final Map<String, Map<String, String>> ANNOTATIONS = Map.of(
      "de", Map.of("summary", "Schnittstelle ge-0/0/1 von wr-router ist ausgefallen", "runbook", "https://wiki/ifdown"),
      "en", Map.of("summary", "Interface ge-0/0/1 of wr-router is down"));

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
  void an_alert_reads_back_equal_with_its_history(Dialect dialect, VertxTestContext context) {
    Alert pending = uplink(AlertState.PENDING, T0, Optional.of(87.5), Optional.empty(), false);
    Alert firing = uplink(AlertState.FIRING, T0.plusSeconds(120), Optional.of(99.25), Optional.of("maintenance:12"), true);
    AlertChange becamePending = new AlertChange(pending, Optional.empty(), Optional.empty(), T0);
    AlertChange fired = new AlertChange(firing, Optional.of(AlertState.PENDING), Optional.empty(), T0.plusSeconds(120));

    open(dialect)
        .compose(alerts -> alerts.record(List.of(becamePending)).compose(v -> alerts.record(List.of(fired)))
            .compose(v -> Future.all(alerts.get(firing.id()), alerts.active(), alerts.history("wr-router", 10),
                alerts.historyOfAlert(firing.id(), 1))))
        .onComplete(context.succeeding(all -> context.verify(() -> {
          assertThat(all.<Optional<Alert>>resultAt(0)).contains(firing);
          assertThat(all.<List<Alert>>resultAt(1)).containsExactly(firing);
          assertThat(all.<List<HistoryEntry>>resultAt(2)).containsExactly(HistoryEntry.of(fired), HistoryEntry.of(becamePending));
          assertThat(all.<List<HistoryEntry>>resultAt(3)).containsExactly(HistoryEntry.of(fired));
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void several_changes_of_one_alert_in_one_batch_end_in_the_last(Dialect dialect, VertxTestContext context) {
    Alert pending = uplink(AlertState.PENDING, T0, Optional.of(87.5), Optional.empty(), false);
    Alert firing = uplink(AlertState.FIRING, T0.plusSeconds(60), Optional.of(90.0), Optional.empty(), false);
    Alert silenced = uplink(AlertState.FIRING, T0.plusSeconds(90), Optional.of(91.0), Optional.of("silence:7"), false);

    open(dialect)
        .compose(alerts -> alerts.record(List.of(
                new AlertChange(pending, Optional.empty(), Optional.empty(), T0),
                new AlertChange(firing, Optional.of(AlertState.PENDING), Optional.empty(), T0.plusSeconds(60)),
                new AlertChange(silenced, Optional.of(AlertState.FIRING), Optional.empty(), T0.plusSeconds(90))))
            .compose(v -> Future.all(alerts.active(), alerts.historyOfAlert(pending.id(), 2))))
        .onComplete(context.succeeding(all -> context.verify(() -> {
          assertThat(all.<List<Alert>>resultAt(0)).containsExactly(silenced);
          assertThat(all.<List<HistoryEntry>>resultAt(1)).extracting(HistoryEntry::suppressedBy)
              .as("the latest two, newest first").containsExactly(Optional.of("silence:7"), Optional.empty());
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void empty_optionals_no_labels_and_odd_values_read_back_equal(Dialect dialect, VertxTestContext context) {
    Alert bare = new Alert("bare", "NoData", Severity.INFO, AlertState.FIRING, Map.of(), Map.of(), T0, T0,
        Optional.empty(), Optional.empty(), false);
    Alert notANumber = new Alert("nan", "Ratio", Severity.WARNING, AlertState.FIRING, Map.of("device", "kdo-core"), Map.of(),
        T0, T0, Optional.of(Double.NaN), Optional.empty(), false);
    Alert negative = new Alert("negative", "Offset", Severity.WARNING, AlertState.FIRING, Map.of("device", "kdo-core"),
        Map.of(), T0, T0, Optional.of(-1.0e-300), Optional.empty(), false);

    open(dialect)
        .compose(alerts -> alerts.record(List.of(change(bare, Optional.empty()), change(notANumber, Optional.empty()),
                change(negative, Optional.empty())))
            .compose(v -> Future.all(alerts.get("bare"), alerts.get("nan"), alerts.get("negative"))))
        .onComplete(context.succeeding(all -> context.verify(() -> {
          assertThat(all.<Optional<Alert>>resultAt(0)).contains(bare);
          assertThat(all.<Optional<Alert>>resultAt(1)).contains(notANumber);
          assertThat(all.<Optional<Alert>>resultAt(2)).contains(negative);
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void instants_are_kept_to_the_millisecond(Dialect dialect, VertxTestContext context) {
    Instant micros = Instant.parse("2026-10-25T01:30:00.123456789Z");
    Alert alert = new Alert("3f2a9c0d1e4b5a67", "InterfaceDown", Severity.CRITICAL, AlertState.FIRING, UPLINK, ANNOTATIONS,
        micros.minusNanos(1000), micros, Optional.empty(), Optional.empty(), false);

    open(dialect)
        .compose(alerts -> alerts.record(List.of(change(alert, Optional.empty()))).compose(v -> alerts.get(alert.id())))
        .onComplete(context.succeeding(read -> context.verify(() -> {
          assertThat(read.orElseThrow().since()).isEqualTo(Instant.parse("2026-10-25T01:30:00.123Z"));
          assertThat(read.orElseThrow().activeSince()).isEqualTo(Instant.parse("2026-10-25T01:30:00.123Z"));
          assertThat(read.orElseThrow()).isEqualTo(new Alert(alert.id(), alert.rule(), alert.severity(), alert.state(),
              alert.labels(), alert.annotations(), Instant.parse("2026-10-25T01:30:00.123Z"),
              Instant.parse("2026-10-25T01:30:00.123Z"), alert.value(), alert.suppressedBy(), alert.flapping()));
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_resolved_alert_stays_listed_but_is_not_active(Dialect dialect, VertxTestContext context) {
    Alert firing = uplink(AlertState.FIRING, T0, Optional.of(1.0), Optional.empty(), false);
    Alert resolved = uplink(AlertState.RESOLVED, T0.plusSeconds(600), Optional.of(0.0), Optional.empty(), false);

    open(dialect)
        .compose(alerts -> alerts.record(List.of(change(firing, Optional.empty()), change(resolved, Optional.of(AlertState.FIRING))))
            .compose(v -> Future.all(alerts.active(), alerts.list(AlertQuery.all()),
                alerts.list(AlertQuery.all().withStates(AlertState.RESOLVED)), alerts.history("wr-router", 10))))
        .onComplete(context.succeeding(all -> context.verify(() -> {
          assertThat(all.<List<Alert>>resultAt(0)).isEmpty();
          assertThat(all.<List<Alert>>resultAt(1)).containsExactly(resolved);
          assertThat(all.<List<Alert>>resultAt(2)).containsExactly(resolved);
          assertThat(all.<List<HistoryEntry>>resultAt(3)).extracting(e -> e.fromState() + " -> " + e.toState())
              .containsExactly("Optional[FIRING] -> RESOLVED", "Optional.empty -> FIRING");
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_pending_alert_that_clears_goes_away_but_its_history_stays(Dialect dialect, VertxTestContext context) {
    Alert pending = uplink(AlertState.PENDING, T0, Optional.of(1.0), Optional.empty(), false);
    Alert cleared = uplink(AlertState.RESOLVED, T0.plusSeconds(30), Optional.of(0.0), Optional.empty(), false);

    open(dialect)
        .compose(alerts -> alerts.record(List.of(change(pending, Optional.empty()))).compose(v -> alerts.active())
            .compose(before -> alerts.record(List.of(change(cleared, Optional.of(AlertState.PENDING))))
                .compose(v -> Future.all(alerts.get(pending.id()), alerts.historyOfAlert(pending.id(), 10)))
                .map(all -> List.<Object>of(before, all.resultAt(0), all.resultAt(1)))))
        .onComplete(context.succeeding(results -> context.verify(() -> {
          assertThat(results.get(0)).asInstanceOf(LIST).containsExactly(pending);
          assertThat(results.get(1)).isEqualTo(Optional.empty());
          assertThat(results.get(2)).asInstanceOf(LIST).hasSize(2);
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void alerts_are_listed_by_tenant_state_device_and_rule_newest_first(Dialect dialect, VertxTestContext context) {
    Alert wrOld = simple("a1", "InterfaceDown", "wr", "wr-router", AlertState.FIRING, T0);
    Alert wrNew = simple("a2", "DeviceDown", "wr", "wr-app1", AlertState.FIRING, T0.plusSeconds(60));
    Alert wrPending = simple("a3", "DeviceDown", "wr", "wr-router", AlertState.PENDING, T0.plusSeconds(120));
    Alert il = simple("a4", "DeviceDown", "il", "il-printer", AlertState.FIRING, T0.plusSeconds(180));

    open(dialect)
        .compose(alerts -> alerts.record(List.of(wrOld, wrNew, wrPending, il).stream().map(a -> change(a, Optional.empty())).toList())
            .compose(v -> Future.all(List.of(
                alerts.list(AlertQuery.all().withTenant("wr").withStates(AlertState.FIRING)),
                alerts.list(AlertQuery.all().withDevice("wr-router")),
                alerts.list(AlertQuery.all().withRule("DeviceDown").withLimit(2)),
                alerts.list(AlertQuery.all().withStates(AlertState.PENDING, AlertState.FIRING)),
                alerts.list(AlertQuery.all().withTenant("nobody"))))))
        .onComplete(context.succeeding(all -> context.verify(() -> {
          assertThat(ids(all.resultAt(0))).containsExactly("a2", "a1");
          assertThat(ids(all.resultAt(1))).containsExactly("a3", "a1");
          assertThat(ids(all.resultAt(2))).containsExactly("a4", "a3");
          assertThat(ids(all.resultAt(3))).containsExactly("a4", "a3", "a2", "a1");
          assertThat(ids(all.resultAt(4))).isEmpty();
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void a_failed_batch_leaves_nothing_half_written(Dialect dialect, VertxTestContext context) {
    Alert before = simple("before", "DeviceDown", "wr", "wr-router", AlertState.PENDING, T0);
    Alert updated = simple("before", "DeviceDown", "wr", "wr-router", AlertState.FIRING, T0.plusSeconds(60));
    Alert fine = simple("fine", "DeviceDown", "wr", "wr-router", AlertState.FIRING, T0.plusSeconds(60));
    // Longer than the id column: the database refuses it, after the two changes before it were written.
    Alert tooLong = simple("x".repeat(300), "DeviceDown", "wr", "wr-router", AlertState.FIRING, T0.plusSeconds(60));

    open(dialect)
        .compose(alerts -> alerts.record(List.of(change(before, Optional.empty())))
            .compose(v -> alerts.record(List.of(
                    change(updated, Optional.of(AlertState.PENDING)), change(fine, Optional.empty()), change(tooLong, Optional.empty())))
                .transform(failed -> Future.all(alerts.list(AlertQuery.all()), alerts.history("wr-router", 100))
                    .map(all -> List.<Object>of(failed.failed(), all.resultAt(0), all.resultAt(1))))))
        .onComplete(context.succeeding(results -> context.verify(() -> {
          assertThat(results.get(0)).as("the batch failed").isEqualTo(true);
          assertThat(results.get(1)).asInstanceOf(LIST).containsExactly(before);
          assertThat(results.get(2)).asInstanceOf(LIST).hasSize(1);
          context.completeNow();
        })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void old_resolved_alerts_and_old_history_can_be_cleaned_up(Dialect dialect, VertxTestContext context) {
    Alert oldResolved = simple("old", "DeviceDown", "wr", "wr-router", AlertState.RESOLVED, T0);
    Alert newResolved = simple("new", "DeviceDown", "wr", "wr-router", AlertState.RESOLVED, T0.plusSeconds(7200));
    Alert oldFiring = simple("firing", "DeviceDown", "wr", "wr-router", AlertState.FIRING, T0);
    Instant cutoff = T0.plusSeconds(3600);

    open(dialect)
        .compose(alerts -> alerts.record(List.of(
                change(oldResolved, Optional.of(AlertState.FIRING)), change(newResolved, Optional.of(AlertState.FIRING)),
                change(oldFiring, Optional.empty())))
            .compose(v -> alerts.deleteResolvedBefore(cutoff))
            .compose(deletedAlerts -> alerts.history("wr-router", 100)
                .compose(historyBefore -> alerts.deleteHistoryBefore(cutoff)
                    .compose(deletedHistory -> Future.all(alerts.list(AlertQuery.all()), everyConnection(() -> alerts.history("wr-router", 100)))
                        .map(all -> List.<Object>of(deletedAlerts, historyBefore.size(), deletedHistory, all.resultAt(0), all.resultAt(1)))))))
        .onComplete(context.succeeding(results -> context.verify(() -> {
          assertThat(results.get(0)).as("alerts deleted").isEqualTo(1);
          assertThat(results.get(1)).as("history kept by the alert clean-up").isEqualTo(3);
          assertThat(results.get(2)).as("history entries deleted").isEqualTo(2);
          assertThat(ids((List<?>) results.get(3))).containsExactly("new", "firing");
          assertThat(results.get(4)).as("history seen from every pooled connection: the deletions were committed")
              .asInstanceOf(LIST).allSatisfy(history -> assertThat(history).asInstanceOf(LIST).hasSize(1));
          context.completeNow();
        })));
  }

  /**
   * The same read on as many connections at once as the pool has, so that a write left uncommitted on
   * one of them would show.
   */
  private static <T> Future<List<T>> everyConnection(java.util.function.Supplier<Future<T>> read) {
    List<Future<T>> reads = java.util.stream.IntStream.range(0, 8).mapToObj(i -> read.get()).toList();
    return Future.all(reads).map(all -> all.list());
  }

  private Future<AlertRepository> open(Dialect dialect) {
    return stores.open(vertx, dialect).map(store -> new AlertRepository(store.pool()));
  }

  private static Alert uplink(
      AlertState state, Instant since, Optional<Double> value, Optional<String> suppressedBy, boolean flapping) {
    return new Alert("3f2a9c0d1e4b5a67", "InterfaceDown", Severity.CRITICAL, state, UPLINK, ANNOTATIONS, T0, since,
        value, suppressedBy, flapping);
  }

  private static Alert simple(String id, String rule, String tenant, String device, AlertState state, Instant since) {
    return new Alert(id, rule, Severity.WARNING, state, Map.of("tenant", tenant, "device", device, "alertname", rule),
        Map.of("en", Map.of("summary", rule + " on " + device)), since, since, Optional.empty(), Optional.empty(), false);
  }

  private static AlertChange change(Alert alert, Optional<AlertState> previous) {
    return new AlertChange(alert, previous, Optional.empty(), alert.since());
  }

  private static List<String> ids(List<?> alerts) {
    return alerts.stream().map(alert -> ((Alert) alert).id()).toList();
  }
}
