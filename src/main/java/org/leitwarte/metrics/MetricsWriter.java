package org.leitwarte.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.LeitwarteConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes samples to InfluxDB without losing any: lines are buffered and flushed every {@code
 * batchSize} lines or {@code flushInterval}; while InfluxDB is away they go to a disk spool that is
 * replayed, oldest first, when it answers again (retries back off from 1 s to 30 s). {@link #stop()}
 * flushes what is buffered — to InfluxDB, or to the spool — before it completes.
 *
 * <p>All InfluxDB and disk work runs in order on one dedicated thread; results come back on the Vert.x
 * context that called {@link #start()}. {@link #accept} may be called from any thread once {@link
 * #start()} has completed; call {@link #stop()} after that too.
 */
public final class MetricsWriter {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsWriter.class);
  private static final int CHUNKS_PER_REPLAY_STEP = 10;

  private enum State { NEW, STARTING, RUNNING, STOPPED }

  private final Vertx vertx;
  private final LeitwarteConfig.Influx influx;
  private final LeitwarteConfig.Spool spoolConfig;
  private final WriterStatistics statistics;
  private final RetryDelay retryDelay;
  private final ExecutorService worker;
  private final Object lock = new Object();

  private State state = State.NEW;
  private List<String> buffer;
  private Context context;
  private SpoolingDelivery delivery;
  private String endpoint;
  private long flushTimer = -1;
  private long replayTimer = -1;
  private boolean replayActive;

  /** A writer for the configured InfluxDB and spool, reporting to {@code registry}; call {@link #start()}. */
  public MetricsWriter(Vertx vertx, LeitwarteConfig.Influx influx, LeitwarteConfig.Spool spool, MeterRegistry registry) {
    this(vertx, influx, spool, registry, Duration.ofSeconds(1), Duration.ofSeconds(30));
  }

  MetricsWriter(Vertx vertx, LeitwarteConfig.Influx influx, LeitwarteConfig.Spool spool, MeterRegistry registry,
      Duration firstRetryDelay, Duration maxRetryDelay) {
    this.vertx = Objects.requireNonNull(vertx, "vertx");
    this.influx = Objects.requireNonNull(influx, "influx");
    this.spoolConfig = Objects.requireNonNull(spool, "spool");
    if (influx.batchSize() <= 0) {
      throw new IllegalArgumentException("influx batch_size must be positive, got " + influx.batchSize());
    }
    if (influx.flushInterval().isNegative() || influx.flushInterval().isZero()) {
      throw new IllegalArgumentException("influx flush_interval must be positive, got " + influx.flushInterval());
    }
    this.statistics = new WriterStatistics(registry);
    this.retryDelay = new RetryDelay(firstRetryDelay, maxRetryDelay);
    this.buffer = new ArrayList<>(influx.batchSize());
    this.worker = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "leitwarte-metrics-writer");
      thread.setDaemon(true);
      return thread;
    });
  }

  /**
   * Opens the spool (resuming a replay left by an earlier run) and creates the database if InfluxDB
   * answers. Fails only when the spool directory cannot be used or the password cannot be resolved; an
   * unreachable InfluxDB is not a failure.
   */
  public Future<Void> start() {
    synchronized (lock) {
      if (state != State.NEW) {
        return Future.failedFuture(new IllegalStateException("the metrics writer was already started"));
      }
      state = State.STARTING;
    }
    context = vertx.getOrCreateContext();
    return onWorker(this::open)
        .compose(spooled -> {
          synchronized (lock) {
            if (state == State.STOPPED) {
              return onWorker(this::closeDelivery)
                  .transform(closed -> Future.<Void>failedFuture("the metrics writer was stopped while starting"));
            }
            state = State.RUNNING;
          }
          flushTimer = vertx.setPeriodic(influx.flushInterval().toMillis(), id -> flush());
          LOG.info("Metrics writer started: InfluxDB {} database {} retention policy {}, spool {}",
              endpoint, influx.database(), influx.retentionPolicy(), spoolConfig.dir());
          if (spooled) {
            startReplay(Duration.ZERO);
          }
          return Future.<Void>succeededFuture();
        })
        .onFailure(e -> {
          synchronized (lock) {
            state = State.STOPPED;
          }
          worker.shutdown();
          statistics.close();
        });
  }

  /** Queues the sample for InfluxDB. Samples whose fields are all NaN or infinite are skipped. */
  public void accept(Sample sample) {
    LineProtocol.line(sample).ifPresent(line -> acceptLines(List.of(line)));
  }

  /** Queues the samples for InfluxDB, in order. */
  public void accept(Collection<Sample> samples) {
    List<String> lines = new ArrayList<>(samples.size());
    for (Sample sample : samples) {
      LineProtocol.line(sample).ifPresent(lines::add);
    }
    acceptLines(lines);
  }

  /** Queues raw line-protocol lines (no line feeds); for tests that need input no {@link Sample} allows. */
  void acceptLines(List<String> lines) {
    synchronized (lock) {
      if (state != State.RUNNING) {
        throw new IllegalStateException("the metrics writer is " + (state == State.STOPPED ? "stopped" : "not started"));
      }
      for (String line : lines) {
        buffer.add(line);
        if (buffer.size() >= influx.batchSize()) {
          submit(takeBuffer());
        }
      }
    }
  }

  /** A snapshot of the writer's counters and state; may be called from any thread. */
  public MetricsWriterStatus status() {
    return statistics.snapshot();
  }

  /**
   * Stops the writer: buffered lines are written to InfluxDB or, when it does not answer, to the spool
   * before the future completes. Lines still in the spool are replayed by the next writer on that
   * directory.
   */
  public Future<Void> stop() {
    List<String> last;
    synchronized (lock) {
      if (state != State.RUNNING) {
        state = State.STOPPED;
        return Future.succeededFuture();
      }
      state = State.STOPPED;
      last = takeBuffer();
    }
    vertx.cancelTimer(flushTimer);
    vertx.cancelTimer(replayTimer);
    return onWorker(() -> {
      try {
        delivery.deliver(last);
      } finally {
        closeDelivery();
      }
      return (Void) null;
    }).andThen(done -> {
      worker.shutdown();
      statistics.close();
      LOG.info("Metrics writer stopped; {} lines wait in spool {}", statistics.snapshot().spoolLines(), spoolConfig.dir());
    });
  }

  private boolean open() throws Exception {
    Spool spool = Spool.open(spoolConfig.dir(), spoolConfig.maxBytes());
    try {
      InfluxClient client = InfluxClient.connect(influx);
      endpoint = client.endpoint();
      Quarantine quarantine = new Quarantine(spoolConfig.dir().resolve("quarantine.lp"), Clock.systemUTC());
      statistics.spool(spool);
      delivery = new SpoolingDelivery(client, spool, quarantine, statistics, influx.batchSize());
      delivery.start();
      return delivery.hasSpooledData();
    } catch (RuntimeException e) {
      spool.close();
      throw e;
    }
  }

  private Void closeDelivery() throws IOException {
    delivery.close();
    return null;
  }

  private void flush() {
    synchronized (lock) {
      if (state == State.RUNNING && !buffer.isEmpty()) {
        submit(takeBuffer());
      }
    }
  }

  private List<String> takeBuffer() {
    List<String> batch = buffer;
    buffer = new ArrayList<>(influx.batchSize());
    return batch;
  }

  /** Hands a batch to the worker; called under the lock, so batches reach it in order. */
  private void submit(List<String> batch) {
    onWorker(() -> delivery.deliver(batch)).onComplete(result -> {
      if (result.failed()) {
        LOG.error("Metrics writer failed to deliver {} lines", batch.size(), result.cause());
        statistics.error("delivery failed: " + result.cause());
      } else if (result.result()) {
        startReplay(retryDelay.first());
      }
    });
  }

  private void startReplay(Duration delay) {
    if (replayActive || stopped()) {
      return;
    }
    replayActive = true;
    scheduleReplay(delay);
  }

  private void scheduleReplay(Duration delay) {
    replayTimer = vertx.setTimer(Math.max(1, delay.toMillis()), id -> replayStep());
  }

  private void replayStep() {
    if (stopped()) {
      replayActive = false;
      return;
    }
    onWorker(() -> delivery.replay(CHUNKS_PER_REPLAY_STEP)).onComplete(result -> {
      if (stopped()) {
        replayActive = false;
        return;
      }
      SpoolingDelivery.ReplayStep step = result.succeeded() ? result.result() : SpoolingDelivery.ReplayStep.FAILED;
      if (result.failed()) {
        LOG.error("Spool replay failed", result.cause());
      }
      switch (step) {
        case DRAINED -> {
          retryDelay.reset();
          replayActive = false;
          if (delivery.hasSpooledData()) {
            startReplay(retryDelay.first());
          }
        }
        case PROGRESS -> {
          retryDelay.reset();
          scheduleReplay(Duration.ZERO);
        }
        case FAILED -> scheduleReplay(retryDelay.next());
      }
    });
  }

  private boolean stopped() {
    synchronized (lock) {
      return state == State.STOPPED;
    }
  }

  /** Runs blocking work on the writer thread, in submission order; the result arrives on the context. */
  private <T> Future<T> onWorker(Callable<T> task) {
    Promise<T> promise = Promise.promise();
    worker.execute(() -> {
      try {
        T value = task.call();
        context.runOnContext(v -> promise.complete(value));
      } catch (Throwable e) {
        context.runOnContext(v -> promise.fail(e));
      }
    });
    return promise.future();
  }
}
