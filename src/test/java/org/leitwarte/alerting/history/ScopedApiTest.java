package org.leitwarte.alerting.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertFingerprint;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.maintenance.MaintenanceApi;
import org.leitwarte.alerting.maintenance.MaintenanceRepository;
import org.leitwarte.alerting.maintenance.MaintenanceRequest;
import org.leitwarte.alerting.maintenance.MaintenanceWindow;
import org.leitwarte.alerting.maintenance.Schedule;
import org.leitwarte.alerting.silence.Silence;
import org.leitwarte.alerting.silence.SilenceApi;
import org.leitwarte.alerting.silence.SilenceRepository;
import org.leitwarte.alerting.silence.SilenceRequest;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.Store;
import org.leitwarte.store.StoreFixture;

/**
 * The APIs behind the routes, on a real store, for a tenant's request: it sees its own alerts,
 * silences and maintenance windows, and another tenant's answer exactly as missing ones do.
 */
class ScopedApiTest {

  private static final Instant NOW = Instant.parse("2026-03-10T09:30:00Z");
  private static final ApiScope WERNIGERODE = ApiScope.ofTenant("wernigerode");
  private static final ApiScope HALBERSTADT = ApiScope.ofTenant("halberstadt");
  private static final Actor JANA = new Actor("jana", Optional.of("127.0.0.1"));

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger refreshes = new AtomicInteger();
  private StoreFixture stores;
  private AlertRepository alertRepository;
  private AlertApi alerts;
  private SilenceApi silences;
  private MaintenanceApi windows;

  @BeforeEach
  void open() throws Exception {
    stores = new StoreFixture(dir);
    Store store = await(stores.open(vertx, Dialect.H2));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    alertRepository = new AlertRepository(store.pool(), clock);
    alerts = new AlertApi(alertRepository);
    silences = new SilenceApi(new SilenceRepository(store.pool(), clock), this::refresh, clock);
    windows = new MaintenanceApi(new MaintenanceRepository(store.pool(), clock), this::refresh, clock);
  }

  @AfterEach
  void close() throws Exception {
    await(stores.close(vertx));
    await(vertx.close());
  }

  private Future<Void> refresh() {
    refreshes.incrementAndGet();
    return Future.failedFuture("the evaluator is busy");
  }

  @Test
  void a_tenant_sees_its_own_alerts_and_another_tenants_as_missing() throws Exception {
    Alert ours = alert("wernigerode", "wr-router");
    Alert theirs = alert("halberstadt", "hbs-server");
    await(alertRepository.record(List.of(
        new AlertChange(ours, Optional.empty(), Optional.empty(), NOW),
        new AlertChange(theirs, Optional.empty(), Optional.empty(), NOW))));

    assertThat(await(alerts.list(WERNIGERODE, AlertQuery.all()))).containsExactly(ours);
    assertThat(await(alerts.list(WERNIGERODE, AlertQuery.all().withTenant("halberstadt")))).isEmpty();
    assertThat(await(alerts.list(ApiScope.EVERYTHING, AlertQuery.all()))).containsExactlyInAnyOrder(ours, theirs);
    assertThat(await(alerts.get(WERNIGERODE, ours.id()))).isEqualTo(ours);
    // Exactly as a missing alert answers.
    assertThat(failure(alerts.get(WERNIGERODE, theirs.id())))
        .isInstanceOf(NotFoundException.class).hasMessage("alert " + theirs.id() + " not found");
    assertThat(failure(alerts.get(WERNIGERODE, "0000000000000000")))
        .isInstanceOf(NotFoundException.class).hasMessage("alert 0000000000000000 not found");
    assertThat(failure(alerts.history(WERNIGERODE, theirs.id(), 10))).isInstanceOf(NotFoundException.class);
    assertThat(await(alerts.history(WERNIGERODE, ours.id(), 10))).hasSize(1);
    assertThat(await(alerts.deviceHistory(WERNIGERODE, "hbs-server", 10))).isEmpty();
    assertThat(await(alerts.deviceHistory(HALBERSTADT, "hbs-server", 10))).hasSize(1);
  }

  @Test
  void a_tenants_silence_is_limited_to_it_and_invisible_to_others() throws Exception {
    SilenceRequest request = new SilenceRequest(List.of(Matcher.equal("device", "wr-router")), Optional.empty(),
        Optional.empty(), Optional.of(Duration.ofHours(2)), "Tausch");

    Silence silence = await(silences.create(WERNIGERODE, JANA, request));

    assertThat(silence.matchers()).containsExactly(Matcher.equal("device", "wr-router"), Matcher.equal("tenant", "wernigerode"));
    assertThat(silence.startsAt()).isEqualTo(NOW);
    assertThat(silence.endsAt()).isEqualTo(NOW.plus(2, ChronoUnit.HOURS));
    assertThat(await(silences.list(WERNIGERODE, false))).containsExactly(silence);
    assertThat(await(silences.list(HALBERSTADT, true))).isEmpty();
    assertThat(await(silences.get(ApiScope.EVERYTHING, silence.id()))).isEqualTo(silence);
    assertThat(failure(silences.get(HALBERSTADT, silence.id()))).isInstanceOf(NotFoundException.class)
        .hasMessage("silence " + silence.id() + " not found");
    assertThat(failure(silences.expire(HALBERSTADT, JANA, silence.id()))).isInstanceOf(NotFoundException.class);
    assertThat(await(silences.get(WERNIGERODE, silence.id())).expiredAt()).isEmpty();
    // Applied even though re-reading failed: the change is stored, the periodic refresh picks it up.
    assertThat(refreshes).hasValue(1);
    assertThat(await(silences.expire(WERNIGERODE, JANA, silence.id())).expiredAt()).contains(NOW);
    assertThat(refreshes).hasValue(2);
  }

  @Test
  void a_tenants_maintenance_window_is_limited_to_it_and_invisible_to_others() throws Exception {
    MaintenanceRequest request = new MaintenanceRequest(List.of(Matcher.equal("role", "router")),
        new Schedule.OneOff(NOW, NOW.plus(1, ChronoUnit.HOURS)), "Firmware");

    MaintenanceWindow window = await(windows.create(HALBERSTADT, JANA, request));

    assertThat(window.tenant()).contains("halberstadt");
    assertThat(window.isActive(NOW)).isTrue();
    assertThat(await(windows.list(HALBERSTADT, false))).containsExactly(window);
    assertThat(await(windows.list(WERNIGERODE, true))).isEmpty();
    assertThat(failure(windows.get(WERNIGERODE, window.id()))).isInstanceOf(NotFoundException.class)
        .hasMessage("maintenance window " + window.id() + " not found");
    assertThat(failure(windows.expire(WERNIGERODE, JANA, window.id()))).isInstanceOf(NotFoundException.class);
    assertThat(failure(windows.create(HALBERSTADT, JANA, new MaintenanceRequest(
        List.of(Matcher.equal("tenant", "wernigerode")), new Schedule.OneOff(NOW, NOW.plusSeconds(60)), "x"))))
        .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("scope: may only name your own tenant");
    assertThat(await(windows.list(ApiScope.EVERYTHING, true))).hasSize(1);
  }

  private static Alert alert(String tenant, String device) {
    Map<String, String> labels = Map.of("alertname", "snmp_silent", "severity", "critical", "tenant", tenant, "device", device);
    return new Alert(AlertFingerprint.of("snmp_silent", labels), "snmp_silent", Severity.CRITICAL,
        AlertState.PENDING, labels, Map.of("de", Map.of("summary", device + " schweigt")), NOW, NOW, Optional.empty(),
        Optional.empty(), false);
  }

  private static Throwable failure(Future<?> future) throws Exception {
    try {
      await(future);
    } catch (ExecutionException e) {
      return e.getCause();
    }
    throw new AssertionError("expected a failure, got success");
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
