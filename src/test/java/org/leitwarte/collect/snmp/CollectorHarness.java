package org.leitwarte.collect.snmp;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;

/** A real Vertx with an {@link SnmpCollector} on loopback; polls run on one event-loop context. */
final class CollectorHarness implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final Context context = vertx.getOrCreateContext();
  final SnmpCollector collector;

  CollectorHarness() throws Exception {
    collector = SnmpCollector.start(vertx, "127.0.0.1/0").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** Polls on the event loop and checks that the result comes back on the same context. */
  PollResult poll(Device device, long slotMillis) throws Exception {
    CompletableFuture<PollResult> result = new CompletableFuture<>();
    context.runOnContext(ignored -> collector.poll(device, slotMillis).onComplete(outcome -> {
      if (Vertx.currentContext() != context) {
        result.completeExceptionally(new AssertionError("poll completed off the caller's context"));
      } else if (outcome.succeeded()) {
        result.complete(outcome.result());
      } else {
        result.completeExceptionally(outcome.cause());
      }
    }));
    return result.get(60, TimeUnit.SECONDS);
  }

  static List<Sample> samples(PollResult result, String measurement) {
    return result.samples().stream().filter(s -> s.measurement().equals(measurement)).collect(Collectors.toList());
  }

  static Sample only(PollResult result, String measurement) {
    List<Sample> samples = samples(result, measurement);
    if (samples.size() != 1) {
      throw new AssertionError("expected one " + measurement + " sample, got " + samples);
    }
    return samples.get(0);
  }

  @Override
  public void close() {
    collector.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
  }
}
