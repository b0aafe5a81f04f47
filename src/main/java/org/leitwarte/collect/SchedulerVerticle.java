package org.leitwarte.collect;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.leitwarte.EventAddresses;
import org.leitwarte.inventory.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives the {@link PollPlan}: starts due polls, runs every applicable collector of a device at once,
 * and publishes the samples of each finished device poll as one {@link SampleBatch} on {@link
 * EventAddresses#SAMPLES}. All state is touched on this verticle's event loop only.
 */
public final class SchedulerVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(SchedulerVerticle.class);
  private static final long HOUSEKEEPING_MILLIS = 1_000;

  private final Map<String, Device> devices = new LinkedHashMap<>();
  private final List<Collector> collectors;
  private final PollPlan plan;
  private final DeviceStates states;
  private final PollMetrics metrics;
  private final Clock clock;
  private final long catchUpAfter;
  private long timerId = -1;
  private long armedFor = Long.MAX_VALUE;
  private long housekeepingTimer = -1;
  private boolean stopping;
  private Promise<Void> drained;

  /**
   * @param catchUpAfter when the previous Leitwarte stopped (epoch ms), so slots missed since then
   *     are polled at once; {@link Long#MAX_VALUE} when unknown
   */
  public SchedulerVerticle(
      List<Device> devices,
      List<Collector> collectors,
      int maxConcurrent,
      DeviceStates states,
      PollMetrics metrics,
      Clock clock,
      long catchUpAfter) {
    devices.forEach(d -> this.devices.put(d.id(), d));
    this.collectors = List.copyOf(collectors);
    this.plan = new PollPlan(maxConcurrent);
    this.states = states;
    this.metrics = metrics;
    this.clock = clock;
    this.catchUpAfter = catchUpAfter;
  }

  @Override
  public Future<?> start() {
    SampleBatch.registerCodec(vertx);
    long now = clock.millis();
    devices.values().forEach(device -> plan.put(device, now, catchUpAfter));
    housekeepingTimer = vertx.setPeriodic(HOUSEKEEPING_MILLIS, id -> {
      metrics.trim(clock.millis());
      metrics.syncSkips(plan.skippedBusy(), plan.droppedLate());
    });
    arm();
    LOG.info("Polling {} devices with {} collectors", plan.devices(), collectors.size());
    return Future.succeededFuture();
  }

  /**
   * Stops starting polls and waits for those in flight, so their samples are published before the
   * metrics writer flushes. A poll cannot run longer than its collectors' timeouts.
   */
  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(timerId);
    vertx.cancelTimer(housekeepingTimer);
    if (plan.running() == 0) {
      return Future.succeededFuture();
    }
    drained = Promise.promise();
    return drained.future();
  }

  /** Replaces the set of polled devices (inventory reload). Call on this verticle's context. */
  public void update(List<Device> newDevices) {
    long now = clock.millis();
    Map<String, Device> byId = new LinkedHashMap<>();
    newDevices.forEach(d -> byId.put(d.id(), d));
    for (String id : devices.keySet()) {
      if (!byId.containsKey(id)) {
        plan.remove(id);
        states.forget(id);
      }
    }
    devices.clear();
    devices.putAll(byId);
    byId.values().forEach(d -> plan.put(d, now));
    armedFor = Long.MAX_VALUE;
    arm();
  }

  private void arm() {
    if (stopping) {
      return;
    }
    long next = plan.nextDueMillis();
    if (next == Long.MAX_VALUE || next >= armedFor) {
      return;
    }
    vertx.cancelTimer(timerId);
    armedFor = next;
    long delay = Math.max(1, next - clock.millis());
    timerId = vertx.setTimer(delay, id -> {
      armedFor = Long.MAX_VALUE;
      dispatch();
    });
  }

  private void dispatch() {
    if (stopping) {
      return;
    }
    long now = clock.millis();
    for (PollPlan.Dispatch dispatch : plan.due(now)) {
      metrics.recordLag(now - dispatch.slotMillis());
      pollDevice(dispatch);
    }
    arm();
  }

  private void pollDevice(PollPlan.Dispatch dispatch) {
    Device device = dispatch.device();
    List<Collector> applicable = new ArrayList<>();
    List<Future<PollResult>> polls = new ArrayList<>();
    for (Collector collector : collectors) {
      if (collector.appliesTo(device)) {
        applicable.add(collector);
        polls.add(timed(collector, device, dispatch.slotMillis()));
      }
    }
    Future.join(polls).onComplete(done -> finish(device, applicable, polls));
  }

  private Future<PollResult> timed(Collector collector, Device device, long slot) {
    long started = System.nanoTime();
    return collector.poll(device, slot)
        .recover(failure -> {
          LOG.error("Collector {} failed on device {} ({})", collector.name(), device.id(), device.source(), failure);
          return Future.succeededFuture(new PollResult.Error(String.valueOf(failure.getMessage()), List.of()));
        })
        .onSuccess(result -> metrics.recordPoll(collector.name(), result.status(), System.nanoTime() - started, clock.millis()));
  }

  private void finish(Device device, List<Collector> applicable, List<Future<PollResult>> polls) {
    long now = clock.millis();
    Map<String, PollResult> results = new LinkedHashMap<>();
    Map<String, String> statuses = new LinkedHashMap<>();
    List<Sample> samples = new ArrayList<>();
    String reason = null;
    for (int i = 0; i < polls.size(); i++) {
      PollResult result = polls.get(i).result();
      String name = applicable.get(i).name();
      results.put(name, result);
      statuses.put(name, result.status());
      samples.addAll(result.samples());
      if (reason == null) {
        reason = reasonOf(name, result);
      }
    }
    boolean reachable = DeviceStates.judgeReachable(results);
    if (!reachable && reason == null) {
      reason = "no reply to ping";
    }
    if (states.record(device.id(), reachable, statuses, reason, now)) {
      if (reachable) {
        LOG.info("Device {} of tenant {} is reachable again", device.id(), device.tenant());
      } else {
        LOG.warn("Device {} of tenant {} is unreachable: {}", device.id(), device.tenant(), reason);
      }
    }
    if (!samples.isEmpty()) {
      vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch(device.id(), samples));
    }
    metrics.recordDevicePoll(now);
    plan.completed(device.id());
    if (stopping) {
      if (plan.running() == 0 && drained != null) {
        drained.tryComplete();
      }
      return;
    }
    if (plan.hasWaiting()) {
      dispatch();
    }
  }

  private static String reasonOf(String collector, PollResult result) {
    if (result instanceof PollResult.Timeout) {
      return collector + ": no answer";
    } else if (result instanceof PollResult.AuthFailure failure) {
      return collector + ": " + failure.reason();
    } else if (result instanceof PollResult.Error error) {
      return collector + ": " + error.reason();
    }
    return null;
  }

  public PollPlan plan() {
    return plan;
  }
}
