package org.leitwarte.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leitwarte.EventAddresses;
import org.leitwarte.inventory.Device;

@ExtendWith(VertxExtension.class)
class SchedulerVerticleTest {

  /** A collector of our own making that answers after a delay chosen per device. */
  static final class ScriptedCollector implements Collector {
    final Vertx vertx;
    final Map<String, Long> delays;
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger maxRunning = new AtomicInteger();
    final Map<String, AtomicInteger> concurrentPerDevice = new ConcurrentHashMap<>();
    volatile boolean overlapSeen;

    ScriptedCollector(Vertx vertx, Map<String, Long> delays) {
      this.vertx = vertx;
      this.delays = delays;
    }

    @Override
    public String name() {
      return "scripted";
    }

    @Override
    public boolean appliesTo(Device device) {
      return true;
    }

    @Override
    public Future<PollResult> poll(Device device, long slotMillis) {
      maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
      if (concurrentPerDevice.computeIfAbsent(device.id(), k -> new AtomicInteger()).incrementAndGet() > 1) {
        overlapSeen = true;
      }
      Promise<PollResult> promise = Promise.promise();
      vertx.setTimer(delays.getOrDefault(device.id(), 1L), id -> {
        running.decrementAndGet();
        concurrentPerDevice.get(device.id()).decrementAndGet();
        Sample sample = new Sample("test", Map.of("device", device.id()), Map.of("value", 1L), slotMillis);
        promise.complete(new PollResult.Ok(List.of(sample)));
      });
      return promise.future();
    }
  }

  static Device device(String id, Duration interval) {
    return new Device(id, "t", "-", "127.0.0.1", Optional.empty(), true, interval, Optional.empty(), Map.of(), List.of(), "test:1");
  }

  @Test
  void each_device_is_polled_every_interval_and_its_samples_are_published(Vertx vertx, VertxTestContext ctx) {
    List<SampleBatch> received = new CopyOnWriteArrayList<>();
    vertx.eventBus().<SampleBatch>consumer(EventAddresses.SAMPLES, m -> received.add(m.body()));
    ScriptedCollector collector = new ScriptedCollector(vertx, Map.of());
    List<Device> devices = List.of(device("a", Duration.ofSeconds(1)), device("b", Duration.ofSeconds(1)));
    SchedulerVerticle scheduler = new SchedulerVerticle(devices, List.of(collector), 10, new DeviceStates(),
        new PollMetrics(new SimpleMeterRegistry(), Duration.ofSeconds(1)), Clock.systemUTC(), Long.MAX_VALUE);
    vertx.deployVerticle(scheduler).onComplete(ctx.succeeding(id -> vertx.setTimer(3_200, t -> ctx.verify(() -> {
      Map<String, Long> perDevice = new ConcurrentHashMap<>();
      received.forEach(b -> perDevice.merge(b.deviceId(), 1L, Long::sum));
      assertThat(perDevice).containsOnlyKeys("a", "b");
      assertThat(perDevice.values()).allSatisfy(n -> assertThat(n).isBetween(3L, 4L));
      // Timestamps are the slots: whole intervals apart.
      List<Long> slots = received.stream().filter(b -> b.deviceId().equals("a"))
          .map(b -> b.samples().get(0).timestampMillis()).toList();
      for (int i = 1; i < slots.size(); i++) {
        assertThat(slots.get(i) - slots.get(i - 1)).isEqualTo(1_000);
      }
      ctx.completeNow();
    }))));
  }

  @Test
  void a_slow_device_is_never_polled_twice_at_once_and_does_not_hold_up_others(Vertx vertx, VertxTestContext ctx) {
    List<SampleBatch> received = new CopyOnWriteArrayList<>();
    vertx.eventBus().<SampleBatch>consumer(EventAddresses.SAMPLES, m -> received.add(m.body()));
    ScriptedCollector collector = new ScriptedCollector(vertx, Map.of("slow", 2_500L));
    List<Device> devices = List.of(device("slow", Duration.ofSeconds(1)), device("fast", Duration.ofSeconds(1)));
    DeviceStates states = new DeviceStates();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    SchedulerVerticle scheduler = new SchedulerVerticle(devices, List.of(collector), 10, states,
        new PollMetrics(registry, Duration.ofSeconds(1)), Clock.systemUTC(), Long.MAX_VALUE);
    vertx.deployVerticle(scheduler).onComplete(ctx.succeeding(id -> vertx.setTimer(4_200, t -> ctx.verify(() -> {
      long fast = received.stream().filter(b -> b.deviceId().equals("fast")).count();
      long slow = received.stream().filter(b -> b.deviceId().equals("slow")).count();
      assertThat(collector.overlapSeen).isFalse();
      assertThat(fast).isGreaterThanOrEqualTo(4);
      assertThat(slow).isBetween(1L, 2L);
      assertThat(scheduler.plan().skippedBusy()).isGreaterThanOrEqualTo(2);
      ctx.completeNow();
    }))));
  }

  @Test
  void stopping_waits_for_polls_in_flight_so_their_samples_are_published(Vertx vertx, VertxTestContext ctx) {
    List<SampleBatch> received = new CopyOnWriteArrayList<>();
    vertx.eventBus().<SampleBatch>consumer(EventAddresses.SAMPLES, m -> received.add(m.body()));
    ScriptedCollector collector = new ScriptedCollector(vertx, Map.of("slow", 800L));
    SchedulerVerticle scheduler = new SchedulerVerticle(List.of(device("slow", Duration.ofSeconds(1))), List.of(collector),
        10, new DeviceStates(), new PollMetrics(new SimpleMeterRegistry(), Duration.ofSeconds(1)), Clock.systemUTC(),
        Long.MAX_VALUE);
    vertx.deployVerticle(scheduler)
        .compose(id -> waitUntil(vertx, () -> collector.running.get() > 0).map(id))
        .compose(vertx::undeploy)
        .onComplete(ctx.succeeding(v -> ctx.verify(() -> {
          assertThat(received).hasSize(1);
          ctx.completeNow();
        })));
  }

  private static Future<Void> waitUntil(Vertx vertx, java.util.function.BooleanSupplier condition) {
    Promise<Void> promise = Promise.promise();
    vertx.setPeriodic(10, id -> {
      if (condition.getAsBoolean()) {
        vertx.cancelTimer(id);
        promise.complete();
      }
    });
    return promise.future();
  }
}
