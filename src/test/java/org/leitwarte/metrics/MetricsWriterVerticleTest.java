package org.leitwarte.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.leitwarte.metrics.WriterTesting.await;
import static org.leitwarte.metrics.WriterTesting.awaitUntil;
import static org.leitwarte.metrics.WriterTesting.count;
import static org.leitwarte.metrics.WriterTesting.randomDatabase;
import static org.leitwarte.metrics.WriterTesting.samples;
import static org.leitwarte.metrics.WriterTesting.spool;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.EventAddresses;
import org.leitwarte.collect.SampleBatch;
import org.leitwarte.testsupport.InfluxDbExtension;
import org.leitwarte.testsupport.InfluxDbServer;

@ExtendWith(InfluxDbExtension.class)
class MetricsWriterVerticleTest {

  @TempDir
  Path spoolDir;

  private final InfluxDbServer influx;
  private final String database = randomDatabase();
  private Vertx vertx;

  MetricsWriterVerticleTest(InfluxDbServer influx) {
    this.influx = influx;
  }

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    await(vertx.close());
    influx.query("DROP DATABASE \"" + database + "\"");
  }

  @Test
  void sample_batches_published_on_the_event_bus_reach_influxdb() {
    MetricsWriterVerticle verticle = verticle(Duration.ofMillis(100));
    await(vertx.deployVerticle(verticle));

    vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch("sw-01", samples(0, 12, 1)));
    vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch("sw-02", samples(12, 20, 1)));

    awaitUntil(Duration.ofSeconds(30), () -> verticle.status().linesWritten() == 20, verticle::status);
    assertThat(count(influx, database, "SELECT count(seq) FROM load")).isEqualTo(20);
  }

  @Test
  void undeploying_writes_what_is_buffered_before_it_completes() {
    MetricsWriterVerticle verticle = verticle(Duration.ofHours(1));
    String deployment = await(vertx.deployVerticle(verticle));
    vertx.eventBus().publish(EventAddresses.SAMPLES, new SampleBatch("sw-01", samples(0, 30, 1)));

    await(vertx.undeploy(deployment));

    assertThat(count(influx, database, "SELECT count(seq) FROM load")).isEqualTo(30);
  }

  @Test
  void status_before_deployment_is_refused() {
    assertThatThrownBy(() -> verticle(Duration.ofSeconds(1)).status())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not deployed");
  }

  @Test
  void the_sample_batch_codec_can_be_registered_any_number_of_times() {
    SampleBatch.registerCodec(vertx);
    SampleBatch.registerCodec(vertx);
    vertx.eventBus().consumer("test.batches", message -> message.reply(((SampleBatch) message.body()).deviceId()));

    Object reply = await(vertx.eventBus().request("test.batches", new SampleBatch("sw-07", samples(0, 1, 1)))).body();

    assertThat(reply).isEqualTo("sw-07");
  }

  private MetricsWriterVerticle verticle(Duration flushInterval) {
    return new MetricsWriterVerticle(WriterTesting.influx(influx, database, 5_000, flushInterval),
        spool(spoolDir, 1_000_000), new SimpleMeterRegistry());
  }
}
