package org.leitwarte.incident.engine;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.leitwarte.EventAddresses;
import org.leitwarte.LocalCodec;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.incident.AcknowledgeLinks;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentConflictException;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Notifications;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.TimelineEntry;
import org.leitwarte.incident.routing.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The incident engine: takes the alert changes from {@link EventAddresses#ALERTS} and makes, grows
 * and resolves incidents; runs their escalation every second; and is the {@link IncidentDesk} through
 * which people acknowledge, resolve, hand over and comment. Everything it knows is in the store, so a
 * restart carries on where it stopped.
 */
public final class IncidentService implements IncidentDesk {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentService.class);
  private static final Duration TICK = Duration.ofSeconds(1);

  private final Vertx vertx;
  private final Clock clock;
  private final IncidentRepository incidents;
  private final EscalationSteps steps;
  private final Messenger messenger;
  private final AlertIntake intake;
  private final Escalator escalator;
  private final Desk desk;
  private final Serial serial = new Serial();
  private final AtomicBoolean ticking = new AtomicBoolean();
  private MessageConsumer<AlertChange> consumer;
  private long timer = -1;

  private IncidentService(Vertx vertx, Pool pool, Clock clock, Supplier<Router> router, OnCallDirectory directory,
      Notifications notifications, AcknowledgeLinks links) {
    this.vertx = vertx;
    this.clock = clock;
    this.incidents = new IncidentRepository(pool);
    this.steps = new EscalationSteps(pool);
    this.messenger = new Messenger(incidents, new AlertRepository(pool, clock), notifications, links, clock);
    Closer closer = new Closer(incidents, steps, directory, messenger);
    this.intake = new AlertIntake(incidents, steps, router, messenger, closer, clock);
    this.escalator = new Escalator(incidents, steps, directory, messenger);
    this.desk = new Desk(incidents, steps, directory, messenger, closer, clock);
  }

  public static IncidentService create(Vertx vertx, Pool pool, Clock clock, Supplier<Router> router,
      OnCallDirectory directory, Notifications notifications, AcknowledgeLinks links) {
    return new IncidentService(vertx, pool, clock, router, directory, notifications, links);
  }

  /**
   * Carries on with the open incidents and pending escalation steps in the store (overdue steps run at
   * once), takes alert changes from {@link EventAddresses#ALERTS}, and ticks every second.
   */
  public Future<Void> start() {
    LocalCodec.register(vertx, AlertChange.class);
    return Future.all(incidents.countOpen(), steps.countPending()).compose(counts -> {
      long open = counts.<Long>resultAt(0);
      if (open > 0) {
        LOG.info("Carrying on with {} open incidents, {} of them escalating", open, counts.<Long>resultAt(1));
      }
      consumer = vertx.eventBus().localConsumer(EventAddresses.ALERTS, message -> accept(message.body()));
      timer = vertx.setPeriodic(TICK.toMillis(), id -> {
        if (ticking.compareAndSet(false, true)) {
          tick().onComplete(done -> ticking.set(false));
        }
      });
      return consumer.completion();
    }).compose(v -> tick().recover(e -> Future.succeededFuture()));
  }

  /** Stops taking alert changes and ticking, and waits for the work under way (not for notifications in flight). */
  public Future<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    Future<Void> unregistered = consumer == null ? Future.succeededFuture() : consumer.unregister();
    consumer = null;
    return unregistered.compose(v -> serial.idle());
  }

  /** Runs every escalation step due at {@code clock.instant()}. */
  public Future<Void> tick() {
    return serial.run(() -> escalator.tick(clock.instant()))
        .onFailure(e -> LOG.error("Escalation tick failed: {}", e.getMessage()));
  }

  /** The incident, whoever asks: for the acknowledge link pages, whose signature stands for the scope. */
  public Future<Optional<Incident>> find(long id) {
    return incidents.find(incidents.pool(), id).map(found -> found.map(IncidentRows.Stored::incident));
  }

  /** How many incidents are open, by state (a state without any is absent). */
  public Future<Map<IncidentState, Long>> openCounts() {
    return incidents.countOpenByState();
  }

  /** Takes one alert change, after those before it. */
  Future<Void> accept(AlertChange change) {
    return serial.run(() -> intake.accept(change))
        .onFailure(e -> LOG.error("Alert {} on {} (tenant {}) could not be taken into incidents: {}", change.alert().rule(),
            change.alert().device(), change.alert().tenant(), e.getMessage()));
  }

  @Override
  public Future<Outcome> acknowledge(long incidentId, String person, String channel) {
    return serial.run(() -> desk.acknowledge(ApiScope.EVERYTHING, incidentId, person, channel, Optional.empty()))
        .map(result -> result.changed() ? Outcome.ACKNOWLEDGED : Outcome.ALREADY_ACKNOWLEDGED)
        .recover(e -> e instanceof NotFoundException ? Future.succeededFuture(Outcome.NOT_FOUND)
            : e instanceof IncidentConflictException ? Future.succeededFuture(Outcome.ALREADY_RESOLVED)
            : Future.failedFuture(e));
  }

  @Override
  public Future<List<Incident>> list(ApiScope scope, IncidentQuery query) {
    return desk.list(scope, query);
  }

  @Override
  public Future<Incident> get(ApiScope scope, long id) {
    return desk.visible(scope, id);
  }

  @Override
  public Future<List<TimelineEntry>> timeline(ApiScope scope, long id) {
    return desk.visible(scope, id).compose(incident -> incidents.timeline(id));
  }

  @Override
  public Future<List<Alert>> alerts(ApiScope scope, long id) {
    return desk.visible(scope, id).compose(incident -> messenger.currentAlerts(id));
  }

  @Override
  public Future<Incident> acknowledge(ApiScope scope, long id, String person, String channel, Optional<String> address) {
    return serial.run(() -> desk.acknowledge(scope, id, person, channel, address)).map(Desk.Result::incident);
  }

  @Override
  public Future<Incident> resolve(ApiScope scope, long id, String person, String channel, Optional<String> comment,
      Optional<String> address) {
    return serial.run(() -> desk.resolve(scope, id, person, channel, comment, address)).map(Desk.Result::incident);
  }

  @Override
  public Future<Incident> reassign(ApiScope scope, long id, String person, String to, String channel, Optional<String> address) {
    return serial.run(() -> desk.reassign(scope, id, person, to, channel, address)).map(Desk.Result::incident);
  }

  @Override
  public Future<TimelineEntry> addNote(ApiScope scope, long id, String person, String text, String channel,
      Optional<String> address) {
    return serial.run(() -> desk.addNote(scope, id, person, text, channel, address));
  }
}
