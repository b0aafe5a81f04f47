package org.leitwarte.collect.service;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;

/** Runs service checks through a real {@link ServiceCheckCollector}, the way the scheduler does. */
final class CheckRun implements AutoCloseable {

  static final Duration TIMEOUT = Duration.ofSeconds(2);

  private final Vertx vertx = Vertx.vertx();
  private final ServiceCheckCollector collector =
      new ServiceCheckCollector(vertx, new LeitwarteConfig.ServiceChecks(4, TIMEOUT), Clock.systemUTC());

  static ServiceCheck check(String name, Kind kind, int port) {
    return check(name, kind, port, Tls.NONE, true);
  }

  static ServiceCheck check(String name, Kind kind, int port, Tls tls, boolean verifyTls) {
    return new ServiceCheck(name, kind, port, tls, verifyTls, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }

  static ServiceCheck http(String name, String url, Optional<Integer> expectStatus, Optional<String> body, boolean verifyTls) {
    URI uri = URI.create(url);
    return new ServiceCheck(name, uri.getScheme().equals("https") ? Kind.HTTPS : Kind.HTTP, uri.getPort(), Tls.NONE,
        verifyTls, Optional.of(uri), expectStatus, body, Optional.empty(), Optional.empty());
  }

  static Device device(ServiceCheck... checks) {
    return new Device("wr-app1", "wernigerode", "wr-rathaus", "127.0.0.1", Optional.empty(), false, Duration.ofMinutes(1),
        Optional.empty(), Map.of(), List.of(checks), "inventory.yaml:1");
  }

  /** The poll of a device with these checks. */
  PollResult poll(ServiceCheck... checks) throws Exception {
    return poll(1_000_000L, checks);
  }

  /** The poll of a device with these checks for the slot {@code slotMillis}. */
  PollResult poll(long slotMillis, ServiceCheck... checks) throws Exception {
    return collector.poll(device(checks), slotMillis).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** The one sample of a device with this one check. */
  Sample run(ServiceCheck check) throws Exception {
    List<Sample> samples = poll(check).samples();
    if (samples.size() != 1) {
      throw new AssertionError("expected one sample, got " + samples);
    }
    return samples.get(0);
  }

  Vertx vertx() {
    return vertx;
  }

  @Override
  public void close() throws Exception {
    collector.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
