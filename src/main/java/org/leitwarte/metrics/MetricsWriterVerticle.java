package org.leitwarte.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.MessageConsumer;
import org.leitwarte.EventAddresses;
import org.leitwarte.collect.SampleBatch;
import org.leitwarte.config.LeitwarteConfig;

/**
 * Feeds the {@link SampleBatch}es published at {@link EventAddresses#SAMPLES} to a {@link MetricsWriter}.
 * Undeploying it (or closing Vertx) flushes what is buffered before the undeployment completes.
 */
public final class MetricsWriterVerticle extends VerticleBase {

  private final LeitwarteConfig.Influx influx;
  private final LeitwarteConfig.Spool spool;
  private final MeterRegistry registry;
  private volatile MetricsWriter writer;
  private MessageConsumer<SampleBatch> consumer;

  public MetricsWriterVerticle(LeitwarteConfig.Influx influx, LeitwarteConfig.Spool spool, MeterRegistry registry) {
    this.influx = influx;
    this.spool = spool;
    this.registry = registry;
  }

  @Override
  public Future<?> start() {
    SampleBatch.registerCodec(vertx);
    MetricsWriter started = new MetricsWriter(vertx, influx, spool, registry);
    return started.start().compose(v -> {
      writer = started;
      consumer = vertx.eventBus().localConsumer(EventAddresses.SAMPLES,
          message -> started.accept(message.body().samples()));
      return consumer.completion();
    });
  }

  @Override
  public Future<?> stop() {
    return consumer.unregister().eventually(() -> writer.stop());
  }

  /**
   * The writer's status, for health checks.
   *
   * @throws IllegalStateException before the verticle has started
   */
  public MetricsWriterStatus status() {
    MetricsWriter current = writer;
    if (current == null) {
      throw new IllegalStateException("the metrics writer verticle is not deployed");
    }
    return current.status();
  }
}
