package org.leitwarte.alerting;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.EventAddresses;
import org.leitwarte.LocalCodec;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.SampleBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link AlertEvaluator} on the sample stream: every sample on {@link EventAddresses#SAMPLES}
 * is judged at once (no round trip to InfluxDB), timers are checked every second, and every change
 * is kept in the {@link AlertLog}, published on {@link EventAddresses#ALERTS} for the incident engine
 * and the UI, and written to InfluxDB as an {@code alert_event} sample for annotations on graphs.
 * The evaluator is touched on this verticle's event loop only.
 */
public final class AlertingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(AlertingVerticle.class);
  private static final Duration TICK = Duration.ofSeconds(1);

  private final AlertEvaluator evaluator;
  private final AlertLog log;
  private final Clock clock;
  private MessageConsumer<SampleBatch> consumer;
  private long ticker = -1;
  private Future<Void> persisted = Future.succeededFuture();
  private boolean logFailing;
  private volatile EvaluatorStats stats;

  public AlertingVerticle(AlertEvaluator evaluator, AlertLog log, Clock clock) {
    this.evaluator = evaluator;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    SampleBatch.registerCodec(vertx);
    LocalCodec.register(vertx, AlertChange.class);
    return log.active().compose(active -> {
      evaluator.restore(active);
      if (!active.isEmpty()) {
        LOG.info("Carrying on with {} pending or firing alerts from before the restart", active.size());
      }
      consumer = vertx.eventBus().localConsumer(EventAddresses.SAMPLES, message -> accept(message.body()));
      stats = evaluator.stats();
      ticker = vertx.setPeriodic(TICK.toMillis(), id -> {
        handle(evaluator.tick(clock.instant()));
        stats = evaluator.stats();
      });
      return consumer.completion();
    });
  }

  /** Stops judging and waits until every change so far is kept. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(ticker);
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    return unregistered.compose(v -> persisted);
  }

  /** Applies new rules (hot reload); callable from any thread. */
  public void replaceRules(RuleSet rules) {
    context.runOnContext(v -> handle(evaluator.replaceRules(rules, clock.instant())));
  }

  /** What the evaluator had seen at its last tick; safe to read on any thread. */
  public EvaluatorStats stats() {
    return stats;
  }

  private void accept(SampleBatch batch) {
    List<AlertChange> changes = new ArrayList<>();
    for (Sample sample : batch.samples()) {
      changes.addAll(evaluator.accept(sample));
    }
    handle(changes);
  }

  private void handle(List<AlertChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    List<Sample> events = new ArrayList<>(changes.size());
    for (AlertChange change : changes) {
      vertx.eventBus().publish(EventAddresses.ALERTS, change);
      events.add(event(change));
      if (change.startsNotifying() || change.stopsNotifying()) {
        LOG.info("Alert {} {} for {}: {}", change.alert().rule(), change.startsNotifying() ? "notifies" : "stops notifying",
            change.alert().device(), change.alert().state().label());
      }
    }
    vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch("alerting", events));
    List<AlertChange> batch = List.copyOf(changes);
    persisted = persisted.compose(v -> log.record(batch)).transform(done -> {
      if (done.failed() && !logFailing) {
        logFailing = true;
        LOG.error("Alert changes cannot be kept in the store: {}", done.cause().getMessage());
      } else if (done.succeeded() && logFailing) {
        logFailing = false;
        LOG.info("Alert changes are kept in the store again");
      }
      return Future.succeededFuture();
    });
  }

  /** The {@code alert_event} sample of a change, for annotations on dashboards. */
  static Sample event(AlertChange change) {
    Alert alert = change.alert();
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("tenant", alert.labels().getOrDefault("tenant", ""));
    tags.put("site", alert.labels().getOrDefault("site", "-"));
    tags.put("device", alert.device());
    tags.put("rule", alert.rule());
    tags.put("severity", alert.severity().label());
    tags.put("state", alert.state().label());
    // A tag, not a field: several alerts of one device changing at the same moment must stay separate points.
    tags.put("alert_id", alert.id());
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("summary", alert.annotations().getOrDefault("de", Map.of()).getOrDefault("summary", alert.rule()));
    fields.put("suppressed", alert.suppressedBy().isPresent());
    return new Sample("alert_event", tags, fields, change.at().toEpochMilli());
  }
}
