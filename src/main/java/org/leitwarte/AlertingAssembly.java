package org.leitwarte;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertEvaluator;
import org.leitwarte.alerting.AlertLog;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.AlertingVerticle;
import org.leitwarte.alerting.DependencySuppressor;
import org.leitwarte.alerting.EvaluatorStats;
import org.leitwarte.alerting.InventoryDeviceDirectory;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.Suppressor;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.maintenance.MaintenanceApi;
import org.leitwarte.alerting.maintenance.MaintenanceRepository;
import org.leitwarte.alerting.maintenance.MaintenanceSuppressor;
import org.leitwarte.alerting.rules.RulesWatcher;
import org.leitwarte.alerting.silence.SilenceApi;
import org.leitwarte.alerting.silence.SilenceRepository;
import org.leitwarte.alerting.silence.SilenceSuppressor;
import org.leitwarte.config.Problem;
import org.leitwarte.health.HealthCheck;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.web.AlertingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the alerting part together: the rules folder (watched and hot-reloaded), the evaluator with
 * its suppressors (parent devices down, maintenance windows, silences), the store that keeps alerts
 * across restarts, and the verticle that runs it all on the sample stream.
 */
final class AlertingAssembly {

  private static final Logger LOG = LoggerFactory.getLogger(AlertingAssembly.class);
  private static final Duration REFRESH_SUPPRESSIONS = Duration.ofSeconds(30);
  private static final Duration CLEAN_UP = Duration.ofHours(1);

  private final Vertx vertx;
  private final Clock clock;
  private final MaintenanceSuppressor maintenance = new MaintenanceSuppressor();
  private final SilenceSuppressor silences = new SilenceSuppressor();
  private final AlertRepository alerts;
  private final MaintenanceRepository maintenanceWindows;
  private final SilenceRepository silenceRepository;
  private RulesWatcher watcher;
  private AlertingVerticle verticle;
  private String deployment;
  private long refreshTimer = -1;
  private long cleanUpTimer = -1;
  private long metricsTimer = -1;
  private final MeterRegistry registry;
  private final Set<String> rulesWithErrorMeters = new HashSet<>();
  private final List<Runnable> folderListeners = new CopyOnWriteArrayList<>();

  AlertingAssembly(Vertx vertx, Pool pool, Clock clock, MeterRegistry registry) {
    this.vertx = vertx;
    this.clock = clock;
    this.registry = registry;
    this.alerts = new AlertRepository(pool, clock);
    this.maintenanceWindows = new MaintenanceRepository(pool, clock);
    this.silenceRepository = new SilenceRepository(pool, clock);
  }

  /** Loads the rules (if a folder is configured) and the suppressions, then starts judging samples. */
  Future<Void> start(Optional<Path> rulesFolder, Inventory inventory) {
    return loadRules(rulesFolder)
        .compose(rules -> refreshSuppressions().map(rules))
        .compose(rules -> deploy(rules, inventory))
        .onSuccess(v -> {
          refreshTimer = vertx.setPeriodic(REFRESH_SUPPRESSIONS.toMillis(), id -> refreshSuppressions());
          cleanUpTimer = vertx.setPeriodic(CLEAN_UP.toMillis(), id -> cleanUp());
          registerMeters();
          metricsTimer = vertx.setPeriodic(1_000, id -> registerRuleErrorMeters());
        });
  }

  private Future<RuleSet> loadRules(Optional<Path> folder) {
    if (folder.isEmpty()) {
      LOG.info("No rules folder configured (rules: in leitwarte.yaml): no alerts");
      return Future.succeededFuture(RuleSet.empty());
    }
    watcher = new RulesWatcher(vertx, folder.get(), rules -> {
      if (verticle != null) {
        verticle.replaceRules(rules);
      }
      folderListeners.forEach(Runnable::run);
    });
    return watcher.start().onSuccess(rules -> LOG.info("{} alert rules from {}", rules.size(), folder.get()));
  }

  private Future<Void> deploy(RuleSet rules, Inventory inventory) {
    InventoryDeviceDirectory directory = new InventoryDeviceDirectory(inventory);
    AtomicReference<AlertEvaluator> evaluator = new AtomicReference<>();
    // The evaluator judges reachability from the samples it sees; dependencies ask it.
    Suppressor dependencies = new DependencySuppressor(directory, device -> evaluator.get().reachability().isDown(device));
    evaluator.set(new AlertEvaluator(rules, directory, Suppressor.firstOf(dependencies, maintenance, silences)));
    verticle = new AlertingVerticle(evaluator.get(), new AlertLog() {
      @Override
      public Future<Void> record(List<AlertChange> changes) {
        return alerts.record(changes);
      }

      @Override
      public Future<? extends Collection<Alert>> active() {
        return alerts.active();
      }
    }, clock);
    return vertx.deployVerticle(verticle).map(id -> {
      deployment = id;
      return null;
    });
  }

  private void registerMeters() {
    FunctionCounter.builder("leitwarte_alert_samples", this, a -> a.stats().map(EvaluatorStats::samples).orElse(0L))
        .description("Samples judged by the alert rules")
        .register(registry);
    for (AlertState state : List.of(AlertState.PENDING, AlertState.FIRING)) {
      Gauge.builder("leitwarte_alerts", this, a -> a.stats().map(s -> s.alerts(state)).orElse(0))
          .description("Active alerts by state")
          .tag("state", state.label())
          .register(registry);
    }
    Gauge.builder("leitwarte_alerts_suppressed", this, a -> a.stats().map(EvaluatorStats::suppressed).orElse(0))
        .description("Active alerts that are suppressed (parent down, maintenance, silence)")
        .register(registry);
    Gauge.builder("leitwarte_rule_problems", this, a -> a.ruleProblems().size())
        .description("Problems in the rule files (the last good version of those rules stays in force)")
        .register(registry);
  }

  /** A counter per rule whose condition could not be evaluated for some sample (a field missing, …). */
  private void registerRuleErrorMeters() {
    stats().ifPresent(stats -> stats.errorsByRule().keySet().forEach(rule -> {
      if (rulesWithErrorMeters.add(rule)) {
        FunctionCounter.builder("leitwarte_rule_errors", this,
                a -> a.stats().map(s -> s.errorsByRule().getOrDefault(rule, 0L)).orElse(0L))
            .description("Samples a rule skipped because its condition could not be evaluated")
            .tag("rule", rule)
            .register(registry);
      }
    }));
  }

  /**
   * Also tells {@code listener} (on the rules' context) whenever the rules folder was read again after a
   * change: the on-call and routing files beside the rules reload with them.
   */
  void onRulesFolderChange(Runnable listener) {
    folderListeners.add(listener);
  }

  /** Re-reads maintenance windows and silences from the store; call after creating or expiring one. */
  Future<Void> refreshSuppressions() {
    return Future.all(
            maintenanceWindows.current(clock.instant()).onSuccess(maintenance::replace),
            silenceRepository.current(clock.instant()).onSuccess(silences::replace))
        .<Void>mapEmpty()
        .onFailure(e -> LOG.warn("Maintenance windows and silences cannot be read: {}", e.getMessage()));
  }

  private void cleanUp() {
    alerts.deleteResolvedBefore(clock.instant().minus(AlertRepository.RESOLVED_RETENTION))
        .compose(v -> alerts.deleteHistoryBefore(clock.instant().minus(AlertRepository.HISTORY_RETENTION)))
        .onFailure(e -> LOG.warn("Old alerts cannot be cleaned up: {}", e.getMessage()));
  }

  /** Stops judging; every change so far is kept in the store before this completes. */
  Future<Void> stop() {
    vertx.cancelTimer(refreshTimer);
    vertx.cancelTimer(cleanUpTimer);
    vertx.cancelTimer(metricsTimer);
    Future<Void> watcherStopped = watcher == null ? Future.succeededFuture() : watcher.stop();
    return watcherStopped.compose(v -> deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment));
  }

  private Optional<EvaluatorStats> stats() {
    return verticle == null ? Optional.empty() : Optional.ofNullable(verticle.stats());
  }

  private List<Problem> ruleProblems() {
    return watcher == null ? List.of() : watcher.problems();
  }

  /**
   * The {@code alerting} part of {@code /health}: rules, alerts by state, problems in the rule files.
   * Always up: a broken rule file stops nothing, its last good rules stay in force.
   */
  HealthCheck.Part health() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rules", watcher == null ? 0 : watcher.current().size());
    stats().ifPresent(stats -> {
      details.put("alerts_firing", stats.alerts(AlertState.FIRING));
      details.put("alerts_pending", stats.alerts(AlertState.PENDING));
      details.put("alerts_suppressed", stats.suppressed());
    });
    List<String> problems = ruleProblems().stream().map(Problem::toString).toList();
    if (!problems.isEmpty()) {
      details.put("rule_problems", problems);
    }
    return new HealthCheck.Part("alerting", true, details);
  }

  AlertRepository alerts() {
    return alerts;
  }

  MaintenanceRepository maintenanceWindows() {
    return maintenanceWindows;
  }

  SilenceRepository silences() {
    return silenceRepository;
  }

  /** The logic behind the API's alert, silence and maintenance routes; changes apply at once. */
  AlertingApi api() {
    return new AlertingApi(
        new AlertApi(alerts),
        new SilenceApi(silenceRepository, this::refreshSuppressions, clock),
        new MaintenanceApi(maintenanceWindows, this::refreshSuppressions, clock));
  }
}
