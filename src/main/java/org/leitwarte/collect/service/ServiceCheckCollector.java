package org.leitwarte.collect.service;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.leitwarte.collect.Collector;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.inventory.ServiceCheck.Kind;

/**
 * Runs the service checks of a device ({@code checks:} in the inventory) at each of its polls, all at once,
 * and writes one {@code service_check} point per check (tags {@code check}, {@code kind}, {@code target};
 * fields {@code ok}, {@code response_ms}, {@code message} and per kind {@code offset_ms}, {@code stratum},
 * {@code reply_code}, {@code status_code}, {@code cert_days_left}).
 *
 * <p>NTP and the mail and FTP checks use Apache Commons Net's blocking clients: they run on a worker
 * pool of {@code service_checks.concurrency} threads, never on the event loop. TCP and HTTP(S) use Vert.x
 * clients. Every check ends within its timeout (plus a moment): a server that accepts and then says
 * nothing fails the check with "timed out". The poll is {@link PollResult.Ok} when every check passed,
 * else {@link PollResult.Error} naming the first failed check; the device's reachability is judged by
 * ICMP and SNMP only.
 */
public final class ServiceCheckCollector implements Collector {

  static final String MEASUREMENT = "service_check";
  /** How much longer than its timeout a check may take before the collector gives up waiting for it. */
  private static final Duration GRACE = Duration.ofSeconds(1);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  private final Vertx vertx;
  private final LeitwarteConfig.ServiceChecks config;
  private final Clock clock;
  private final WorkerExecutor workers;
  private final Map<Long, NetClient> netClients = new ConcurrentHashMap<>();
  private final HttpClient verifyingHttp;
  private final HttpClient trustingHttp;
  private final HttpProbe http;
  /** When each check last ran, by device and check name, for checks with their own interval. */
  private final Map<String, Long> lastRun = new ConcurrentHashMap<>();

  public ServiceCheckCollector(Vertx vertx, LeitwarteConfig.ServiceChecks config, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.clock = clock;
    // A check's run is bounded by its own timeout, so Vert.x need not warn about long worker tasks.
    this.workers = vertx.createSharedWorkerExecutor("leitwarte-service-checks-" + INSTANCES.incrementAndGet(),
        config.concurrency(), 1, TimeUnit.HOURS);
    PoolOptions pool = new PoolOptions().setHttp1MaxSize(config.concurrency());
    this.verifyingHttp = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setVerifyHost(true), pool);
    this.trustingHttp = vertx.createHttpClient(
        new HttpClientOptions().setKeepAlive(false).setTrustAll(true).setVerifyHost(false), pool);
    this.http = new HttpProbe(clock);
  }

  @Override
  public String name() {
    return "service";
  }

  @Override
  public boolean appliesTo(Device device) {
    return !device.checks().isEmpty();
  }

  @Override
  public Future<PollResult> poll(Device device, long slotMillis) {
    List<ServiceCheck> due = device.checks().stream().filter(check -> due(device, check, slotMillis)).toList();
    List<Future<Sample>> samples = new ArrayList<>();
    for (ServiceCheck check : due) {
      samples.add(guarded(check, device).map(result -> sample(device, check, result, slotMillis)));
    }
    return Future.join(samples).transform(done -> Future.succeededFuture(result(samples)));
  }

  /** Forgets a device removed from the inventory. */
  public void forget(String deviceId) {
    lastRun.keySet().removeIf(key -> key.startsWith(deviceId + "\u0000"));
  }

  @Override
  public Future<Void> close() {
    List<Future<?>> closing = new ArrayList<>();
    netClients.values().forEach(client -> closing.add(client.close()));
    closing.add(verifyingHttp.close());
    closing.add(trustingHttp.close());
    closing.add(workers.close());
    return Future.join(closing).otherwiseEmpty().mapEmpty();
  }

  /** A check with its own, longer interval runs when that interval (less half a device interval) has passed. */
  private boolean due(Device device, ServiceCheck check, long slotMillis) {
    if (check.interval().isEmpty()) {
      return true;
    }
    String key = device.id() + "\u0000" + check.name();
    Long last = lastRun.get(key);
    long wanted = check.interval().get().toMillis() - device.interval().toMillis() / 2;
    if (last != null && slotMillis - last < wanted && slotMillis >= last) {
      return false;
    }
    lastRun.put(key, slotMillis);
    return true;
  }

  private Duration timeout(ServiceCheck check) {
    return check.timeout().orElse(config.timeout());
  }

  /**
   * The check's result, or "timed out" once its timeout and a grace period have passed since it started.
   * A blocking check waits for a free worker first; one that found none within that time is given up (and
   * skipped when a worker comes free), so a poll never waits much longer than twice the timeout.
   */
  private Future<CheckResult> guarded(ServiceCheck check, Device device) {
    Duration timeout = timeout(check);
    long limit = timeout.plus(GRACE).toNanos();
    Promise<CheckResult> promise = Promise.promise();
    AtomicLong startedAt = new AtomicLong(-1);
    AtomicBoolean abandoned = new AtomicBoolean();
    Future.succeededFuture()
        .compose(v -> run(check, device.address(), timeout, startedAt, abandoned))
        .otherwise(failure -> CheckResult.failed("the check could not run: " + failure.getMessage()))
        .onSuccess(promise::tryComplete);
    watch(promise, System.nanoTime(), limit, timeout, startedAt, abandoned);
    return promise.future();
  }

  private void watch(Promise<CheckResult> promise, long queuedAt, long limit, Duration timeout, AtomicLong startedAt,
      AtomicBoolean abandoned) {
    if (promise.future().isComplete()) {
      return;
    }
    long now = System.nanoTime();
    long started = startedAt.get();
    if (started < 0 && now - queuedAt >= limit) {
      abandoned.set(true);
      promise.tryComplete(CheckResult.failed("not run: all " + config.concurrency()
          + " service check threads were busy for " + timeout.plus(GRACE).toMillis() + " ms"));
      return;
    }
    if (started >= 0 && now - started >= limit) {
      promise.tryComplete(CheckResult.failed("timed out after " + timeout.toMillis() + " ms"));
      return;
    }
    long deadline = (started < 0 ? queuedAt : started) + limit;
    vertx.setTimer(Math.max(1, (deadline - now) / 1_000_000 + 1),
        id -> watch(promise, queuedAt, limit, timeout, startedAt, abandoned));
  }

  private Future<CheckResult> run(ServiceCheck check, String address, Duration timeout, AtomicLong startedAt,
      AtomicBoolean abandoned) {
    Kind kind = check.kind();
    if (kind == Kind.NTP || kind.greets()) {
      return workers.executeBlocking(() -> {
        if (abandoned.get()) {
          return CheckResult.failed("given up before it started");
        }
        startedAt.set(System.nanoTime());
        return kind == Kind.NTP
            ? NtpProbe.run(address, check.port(), timeout)
            : GreetingProbe.run(check, address, timeout, clock);
      }, false);
    }
    startedAt.set(System.nanoTime());
    if (kind == Kind.TCP) {
      return TcpProbe.run(netClient(timeout), address, check.port());
    }
    return http.run(check.verifyTls() ? verifyingHttp : trustingHttp, check, address, timeout);
  }

  /** One client per connect timeout: NetClient's connect timeout is an option of the client. */
  private NetClient netClient(Duration timeout) {
    return netClients.computeIfAbsent(timeout.toMillis(),
        millis -> vertx.createNetClient(new NetClientOptions().setConnectTimeout((int) (long) millis)));
  }

  private static Sample sample(Device device, ServiceCheck check, CheckResult result, long slotMillis) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("tenant", device.tenant());
    tags.put("site", device.site());
    tags.put("device", device.id());
    tags.put("check", check.name());
    tags.put("kind", check.kind().yamlName());
    tags.put("target", check.target(device.address()));
    Map<String, Object> fields = new LinkedHashMap<>(result.fields());
    fields.put("ok", result.ok() ? 1L : 0L);
    result.responseMs().ifPresent(ms -> fields.put("response_ms", Math.round(ms * 1000) / 1000.0));
    if (check.kind().isHttp()) {
      fields.putIfAbsent("status_code", 0L);
    }
    fields.put("message", result.message());
    return new Sample(MEASUREMENT, tags, fields, slotMillis);
  }

  private static PollResult result(List<Future<Sample>> samples) {
    List<Sample> done = new ArrayList<>();
    Optional<String> firstFailure = Optional.empty();
    for (Future<Sample> future : samples) {
      Sample sample = future.result();
      done.add(sample);
      if (firstFailure.isEmpty() && Long.valueOf(0L).equals(sample.field("ok"))) {
        firstFailure = Optional.of("check '" + sample.tag("check") + "': " + sample.field("message"));
      }
    }
    return firstFailure.<PollResult>map(reason -> new PollResult.Error(reason, done)).orElseGet(() -> new PollResult.Ok(done));
  }
}
