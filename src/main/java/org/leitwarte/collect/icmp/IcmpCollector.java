package org.leitwarte.collect.icmp;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.leitwarte.collect.Collector;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reachability, loss and latency through fping, many devices per process: polls arriving within a short
 * window (or until {@code icmp.batch_size} addresses are pending) are pinged by one fping process, which
 * runs on a worker thread and is killed by its PID if it overruns its deadline. Each poll yields one
 * {@code icmp} sample (tags {@code tenant}, {@code site}, {@code device}; fields {@code sent},
 * {@code received}, {@code loss_pct} and, when a reply came, {@code rtt_min_ms}, {@code rtt_avg_ms},
 * {@code rtt_max_ms}, {@code jitter_ms}). A silent device is {@link PollResult.Ok} with 100 % loss; an
 * address fping cannot ping is {@link PollResult.Error} for that device alone.
 */
public final class IcmpCollector implements Collector {

  private static final Logger LOG = LoggerFactory.getLogger(IcmpCollector.class);
  private static final AtomicInteger INSTANCES = new AtomicInteger();

  /**
   * How polls are gathered into fping processes.
   *
   * @param window how long the first pending poll waits for others to join its batch
   * @param maxConcurrentBatches how many fping processes may run at once; further batches queue
   */
  public record Batching(Duration window, int maxConcurrentBatches) {

    public static final Batching DEFAULT = new Batching(Duration.ofMillis(150), 4);

    public Batching {
      Objects.requireNonNull(window, "window");
      if (window.isNegative() || maxConcurrentBatches < 1) {
        throw new IllegalArgumentException("batching needs a window >= 0 and at least one concurrent batch");
      }
    }
  }

  private final Vertx vertx;
  private final LeitwarteConfig.Icmp config;
  private final FpingInstallation fping;
  private final WorkerExecutor workers;
  private final PingBatcher batcher;
  private final ReachabilityTracker reachability = new ReachabilityTracker();
  private final Set<Process> running = ConcurrentHashMap.newKeySet();
  private final AtomicLong requests = new AtomicLong();
  private final AtomicLong processesStarted = new AtomicLong();
  private final AtomicLong targetsPinged = new AtomicLong();
  private final AtomicInteger largestBatch = new AtomicInteger();
  private final AtomicLong processesKilled = new AtomicLong();
  private final AtomicInteger processesRunning = new AtomicInteger();
  private final AtomicInteger peakProcessesRunning = new AtomicInteger();
  private volatile boolean closed;

  private IcmpCollector(Vertx vertx, LeitwarteConfig.Icmp config, Batching batching, FpingInstallation fping) {
    this.vertx = vertx;
    this.config = config;
    this.fping = fping;
    // fping runs are bounded by their own deadline, so Vert.x need not warn about long worker tasks.
    this.workers = vertx.createSharedWorkerExecutor("leitwarte-fping-" + INSTANCES.incrementAndGet(),
        batching.maxConcurrentBatches(), 1, TimeUnit.HOURS);
    this.batcher = new PingBatcher(vertx, batching.window(), config.batchSize(), this::run);
  }

  /** {@link #create(Vertx, LeitwarteConfig.Icmp, Batching)} with {@link Batching#DEFAULT}. */
  public static Future<IcmpCollector> create(Vertx vertx, LeitwarteConfig.Icmp config) {
    return create(vertx, config, Batching.DEFAULT);
  }

  /**
   * Checks that fping is there and may send ICMP (runs {@code fping -v} and pings 127.0.0.1), then
   * returns a collector. Fails with {@link FpingUnavailableException} (message says how to fix it) or
   * {@link IllegalArgumentException} for unusable settings.
   */
  public static Future<IcmpCollector> create(Vertx vertx, LeitwarteConfig.Icmp config, Batching batching) {
    try {
      validate(config);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(e);
    }
    return vertx.executeBlocking(() -> FpingInstallation.verify(config.fping()), false)
        .map(installation -> {
          LOG.info("fping {} at {}: {} requests per host, {} ms apart, timeout {} ms, gap {} ms, up to {} hosts per "
              + "process", installation.version(), installation.executable(), config.count(),
              FpingCommand.millis(config.period()), FpingCommand.millis(config.timeout()),
              FpingCommand.millis(config.gap()), config.batchSize());
          return new IcmpCollector(vertx, config, batching, installation);
        });
  }

  private static void validate(LeitwarteConfig.Icmp config) {
    Objects.requireNonNull(config, "icmp config");
    if (config.count() < 1) {
      throw new IllegalArgumentException("icmp.count must be at least 1, is " + config.count());
    }
    if (config.batchSize() < 1) {
      throw new IllegalArgumentException("icmp.batch_size must be at least 1, is " + config.batchSize());
    }
    if (config.period().isNegative() || config.timeout().isNegative() || config.gap().isNegative()) {
      throw new IllegalArgumentException("icmp.period, icmp.timeout and icmp.gap must not be negative");
    }
  }

  @Override
  public String name() {
    return "icmp";
  }

  @Override
  public boolean appliesTo(Device device) {
    return device.icmp();
  }

  /**
   * Queues {@code device} for the next fping batch. The future completes on the calling Vert.x context
   * once that batch is done (after at most the batching window plus one fping run, or its deadline) and
   * never fails for a device problem.
   */
  @Override
  public Future<PollResult> poll(Device device, long slotMillis) {
    requests.incrementAndGet();
    IcmpAddress address;
    try {
      address = IcmpAddress.parse(device.address());
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(failed(device, "invalid address for ICMP in " + device.source() + ": "
          + e.getMessage()));
    }
    if (closed) {
      return Future.succeededFuture(new PollResult.Error("the ICMP collector is closed", List.of()));
    }
    Promise<PollResult> promise = Promise.promise();
    batcher.add(new PingRequest(device, slotMillis, address, vertx.getOrCreateContext(), promise));
    return promise.future();
  }

  /** Counters since creation. */
  public IcmpStats stats() {
    return new IcmpStats(requests.get(), processesStarted.get(), targetsPinged.get(), largestBatch.get(),
        peakProcessesRunning.get(), processesKilled.get());
  }

  /** Fails pending polls, kills running fping processes and releases the worker threads. */
  @Override
  public Future<Void> close() {
    closed = true;
    batcher.drain().forEach(request ->
        request.complete(new PollResult.Error("the ICMP collector closed before the ping ran", List.of())));
    running.forEach(Process::destroyForcibly);
    return workers.close();
  }

  private void run(List<List<PingRequest>> batch) {
    List<String> targets = batch.stream().map(group -> group.get(0).address().literal()).toList();
    targetsPinged.addAndGet(targets.size());
    largestBatch.accumulateAndGet(targets.size(), Math::max);
    FpingCommand command = FpingCommand.of(fping.executable(), config, targets);
    // compose() turns a refused task (executor closed) into a failed future, so no poll is left hanging.
    Future.succeededFuture()
        .compose(v -> workers.executeBlocking(() -> runProcess(command), false))
        .map(run -> results(command, run))
        .otherwise(failure -> allFailed(targets, "fping could not be run: " + failure.getMessage()))
        .onSuccess(results -> batch.forEach(group -> deliver(group, results.get(group.get(0).address().literal()))));
  }

  /** Blocking: on a worker thread. */
  private FpingProcess.Run runProcess(FpingCommand command) throws Exception {
    processesStarted.incrementAndGet();
    peakProcessesRunning.accumulateAndGet(processesRunning.incrementAndGet(), Math::max);
    try {
      return FpingProcess.run(command.arguments(), command.deadline(), running);
    } finally {
      processesRunning.decrementAndGet();
    }
  }

  private Map<String, TargetResult> results(FpingCommand command, FpingProcess.Run run) {
    if (run.killed()) {
      processesKilled.incrementAndGet();
      LOG.warn("fping for {} hosts did not finish within {} ms and was killed", command.targets().size(),
          command.deadline().toMillis());
      return allFailed(command.targets(), "fping did not finish within " + command.deadline().toMillis()
          + " ms and was killed");
    }
    FpingOutput output = FpingOutput.parse(run.stderr());
    List<String> general = output.generalLines(command.targets());
    if (!general.isEmpty()) {
      LOG.warn("fping ({}) said: {}", FpingOutput.describe(run.exitCode()), String.join(" / ", general));
    }
    return output.results(command.targets(), run.exitCode());
  }

  private static Map<String, TargetResult> allFailed(List<String> targets, String reason) {
    return targets.stream().collect(Collectors.toMap(t -> t, t -> new TargetResult.Failed(reason), (a, b) -> a));
  }

  private void deliver(List<PingRequest> group, TargetResult result) {
    TargetResult known = Objects.requireNonNullElse(result, new TargetResult.Failed("fping gave no result"));
    for (PingRequest request : group) {
      request.complete(toPollResult(request, known));
    }
  }

  private PollResult toPollResult(PingRequest request, TargetResult result) {
    Device device = request.device();
    if (result instanceof TargetResult.Pinged pinged) {
      PingStatistics statistics = pinged.statistics();
      ReachabilityTracker.State state = statistics.received() > 0
          ? ReachabilityTracker.State.REACHABLE : ReachabilityTracker.State.UNREACHABLE;
      reachability.observe(device.id(), new ReachabilityTracker.Observation(state, ""))
          .ifPresent(change -> logChange(device, change, pinged));
      Map<String, String> tags = Map.of("tenant", device.tenant(), "site", device.site(), "device", device.id());
      return new PollResult.Ok(List.of(new Sample("icmp", tags, statistics.fields(), request.slotMillis())));
    }
    return failed(device, ((TargetResult.Failed) result).reason());
  }

  private PollResult failed(Device device, String reason) {
    reachability.observe(device.id(), new ReachabilityTracker.Observation(ReachabilityTracker.State.FAILED, reason))
        .ifPresent(change -> LOG.warn("device {} ({}): cannot ping it: {}", device.id(), device.address(), reason));
    return new PollResult.Error(reason, List.of());
  }

  private static void logChange(Device device, ReachabilityTracker.Change change, TargetResult.Pinged pinged) {
    PingStatistics statistics = pinged.statistics();
    if (change.now().state() == ReachabilityTracker.State.UNREACHABLE) {
      LOG.warn("device {} ({}) does not answer ICMP echo: {} requests, no reply{}", device.id(), device.address(),
          statistics.sent(), pinged.icmpErrors().isEmpty() ? "" : "; " + pinged.icmpErrors().get(0));
    } else if (change.before().isPresent()) {
      LOG.info("device {} ({}) answers ICMP echo again: {} of {} replies", device.id(), device.address(),
          statistics.received(), statistics.sent());
    } else {
      LOG.debug("device {} ({}) answers ICMP echo", device.id(), device.address());
    }
  }
}
