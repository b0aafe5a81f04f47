package org.leitwarte.collect.trap;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leitwarte.EventAddresses;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.SampleBatch;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trap receiver as a verticle: opens the {@link TrapReceiver} on a worker, and on its own event loop
 * turns each trap into a {@link TrapEvent}, publishes it as an {@code snmp_trap} sample on {@link
 * EventAddresses#SAMPLES} (for InfluxDB and the rule evaluator) and keeps it in the store in small
 * batches. It listens to the {@code interface} samples on the same address for interface names.
 */
public final class TrapVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(TrapVerticle.class);
  private static final long FLUSH_EVERY_MILLIS = 200;
  private static final long PRUNE_EVERY_MILLIS = 60_000;
  private static final int MAX_PENDING = 10_000;
  private static final int MAX_INTERFACE_NAMES = 200_000;
  /**
   * Unknown sender addresses whose events go on the sample stream. Every address becomes a series in the
   * rule evaluator and in InfluxDB, kept for ever; beyond this many, events of new unknown addresses are
   * only kept in the store, so forged addresses cannot grow either without bound.
   */
  static final int MAX_UNKNOWN_SOURCES_PUBLISHED = 1000;

  private final LeitwarteConfig.Traps config;
  private final SourceDevices devices;
  private final TrapEventRepository repository;
  private final TrapCounters counters;
  private final Clock clock;
  private final InterfaceNames names = new InterfaceNames(MAX_INTERFACE_NAMES);
  private final OpenLinkDowns linkDowns = new OpenLinkDowns(MAX_INTERFACE_NAMES);
  private final ArrayDeque<TrapEvent> pending = new ArrayDeque<>();
  /** Devices of the inventory with events since the last pruning. */
  private final Set<String> touched = new HashSet<>();
  private boolean unknownTouched;
  private final Set<String> unknownPublished = new HashSet<>();
  private long unknownNotPublished;
  private MessageConsumer<SampleBatch> interfaces;
  private TrapReceiver receiver;
  private long flushTimer = -1;
  private long pruneTimer = -1;
  private Future<Void> writing = Future.succeededFuture();
  private boolean storeFailing;
  private long droppedUnstored;
  private volatile Instant lastTrap;
  private volatile String listeningOn = "";

  public TrapVerticle(LeitwarteConfig.Traps config, List<Device> devices, TrapEventRepository repository, TrapCounters counters,
      Clock clock) {
    this.config = config;
    this.devices = new SourceDevices(devices);
    this.repository = repository;
    this.counters = counters;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    SampleBatch.registerCodec(vertx);
    interfaces = vertx.eventBus().localConsumer(EventAddresses.SAMPLES, message -> rememberNames(message.body()));
    Context here = context;
    return interfaces.completion()
        .compose(v -> vertx.executeBlocking(() -> TrapReceiver.open(config, counters,
            trap -> here.runOnContext(ignored -> accept(trap)), clock, System::nanoTime)))
        .recover(failure -> Future.failedFuture(new IllegalStateException("traps: cannot listen on " + config.address() + " port "
            + config.port() + ": " + failure.getMessage()
            + (config.port() < 1024 ? " (a port below 1024 needs root or CAP_NET_BIND_SERVICE)" : ""), failure)))
        .map(opened -> {
          receiver = opened;
          listeningOn = opened.localAddress().toString();
          flushTimer = vertx.setPeriodic(FLUSH_EVERY_MILLIS, id -> flush());
          pruneTimer = vertx.setPeriodic(PRUNE_EVERY_MILLIS, id -> prune());
          LOG.info("Receiving SNMP traps and informs on {}", listeningOn);
          return null;
        });
  }

  /** Closes the socket, then keeps what is still waiting. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(flushTimer);
    vertx.cancelTimer(pruneTimer);
    Future<Void> closed = receiver == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      receiver.close();
      return null;
    });
    Future<Void> unregistered = interfaces == null ? Future.succeededFuture() : interfaces.unregister();
    return Future.join(closed, unregistered).transform(v -> writing).transform(v -> {
      flush();
      return writing;
    });
  }

  /** Where the receiver listens, {@code 127.0.0.1/10162}; empty before it started. */
  public String listeningOn() {
    return listeningOn;
  }

  /** When the last trap was accepted; safe to read on any thread. */
  public Optional<Instant> lastTrap() {
    return Optional.ofNullable(lastTrap);
  }

  private void rememberNames(SampleBatch batch) {
    for (Sample sample : batch.samples()) {
      if (sample.measurement().equals("interface") && sample.tag("if_index") != null) {
        names.put(sample.tag("device"), sample.tag("if_index"), sample.tag("if_name"));
      }
    }
  }

  private void accept(ReceivedTrap trap) {
    Optional<Device> device = devices.device(trap.source());
    TrapEvent event = linkDowns.name(TrapEvents.event(trap, device, names));
    counters.count(device.isPresent() ? TrapOutcome.ACCEPTED : TrapOutcome.UNKNOWN_SOURCE);
    lastTrap = event.at();
    if (device.isPresent() || publishesUnknown(event.source())) {
      vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch(event.device(), List.of(TrapEvents.sample(event))));
    }
    if (pending.size() >= MAX_PENDING) {
      pending.removeFirst();
      droppedUnstored++;
      counters.countUnstored(1);
    }
    pending.addLast(event);
    if (device.isEmpty()) {
      LOG.debug("Trap {} from {}, which is not in the inventory", event.trap(), event.source());
    }
  }

  private boolean publishesUnknown(String source) {
    if (unknownPublished.contains(source)) {
      return true;
    }
    if (unknownPublished.size() < MAX_UNKNOWN_SOURCES_PUBLISHED) {
      unknownPublished.add(source);
      return true;
    }
    if (unknownNotPublished++ == 0) {
      LOG.warn("Traps from more than {} addresses not in the inventory: events of further ones are kept in the store only",
          MAX_UNKNOWN_SOURCES_PUBLISHED);
    }
    return false;
  }

  private void flush() {
    if (pending.isEmpty() || !writing.isComplete()) {
      return;
    }
    List<TrapEvent> batch = new ArrayList<>(pending);
    pending.clear();
    for (TrapEvent event : batch) {
      if (event.knownSource()) {
        touched.add(event.device());
      } else {
        unknownTouched = true;
      }
    }
    writing = repository.insert(batch).transform(done -> {
      if (done.failed()) {
        counters.countUnstored(batch.size());
      }
      if (done.failed() && !storeFailing) {
        storeFailing = true;
        LOG.error("Trap events cannot be kept in the store ({} lost): {}", batch.size(), done.cause().getMessage());
      } else if (done.succeeded() && storeFailing) {
        storeFailing = false;
        LOG.info("Trap events are kept in the store again");
      }
      if (droppedUnstored > 0) {
        LOG.warn("{} trap events were not kept: more arrived than the store took", droppedUnstored);
        droppedUnstored = 0;
      }
      return Future.<Void>succeededFuture();
    });
  }

  private void prune() {
    if (!writing.isComplete()) {
      return;
    }
    List<String> devicesToPrune = List.copyOf(touched);
    boolean unknown = unknownTouched;
    touched.clear();
    unknownTouched = false;
    writing = repository.prune(clock.instant().minus(config.keepFor()), devicesToPrune, unknown, config.keepPerDevice())
        .recover(failure -> {
          LOG.warn("Old trap events could not be removed: {}", failure.getMessage());
          return Future.succeededFuture();
        });
  }

  /** For {@code /health}: where the receiver listens and the counts so far. */
  public Map<String, Object> healthDetails() {
    Map<String, Object> details = new java.util.LinkedHashMap<>();
    details.put("listening_on", listeningOn);
    for (TrapOutcome outcome : TrapOutcome.values()) {
      details.put(outcome.label(), counters.total(outcome));
    }
    details.put("events_not_stored", counters.unstored());
    lastTrap().ifPresent(at -> details.put("last_trap", at.toString()));
    return details;
  }
}
