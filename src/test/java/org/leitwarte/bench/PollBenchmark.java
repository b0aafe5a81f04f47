package org.leitwarte.bench;

import com.sun.management.OperatingSystemMXBean;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.collect.PollMetrics;
import org.leitwarte.collect.SchedulerVerticle;
import org.leitwarte.collect.snmp.SnmpCollector;
import org.leitwarte.config.Durations;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.inventory.Device;
import org.leitwarte.metrics.MetricsWriterVerticle;
import org.leitwarte.testsupport.InfluxDbServer;
import org.leitwarte.testsupport.SnmpsimServer;

/**
 * The hot path as it runs in production — scheduler, SNMP collector, metrics writer, a real InfluxDB
 * — polling a fleet of simulated Cisco C3750 switches (59 interfaces each) that answer from memory
 * in a separate JVM on 127.0.x.y. Prints CPU milliseconds per device poll, polls per second,
 * schedule lag p50/p99, completeness (points in InfluxDB ÷ points expected) and heap.
 *
 * <p>Not a test; run {@code bash src/test/sh/benchmark.sh [devices] [interval] [intervals measured]},
 * e.g. {@code 10000 60s 2}. Every loop is bounded by the measured window; traffic stays on loopback.
 */
public final class PollBenchmark {

  private PollBenchmark() {}

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    Duration interval = args.length > 1 ? Durations.parse(args[1]) : Duration.ofSeconds(20);
    int intervals = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    System.out.printf("Polling %d simulated switches every %s; warm-up 1 interval, then %d measured%n",
        devices, Durations.format(interval), intervals);

    Path spool = Files.createTempDirectory("leitwarte-bench-spool-");
    try (InfluxDbServer influx = InfluxDbServer.start();
        AgentProcess agent = AgentProcess.start(devices, SnmpsimServer.CISCO_RECORDING, 1_000_000)) {
      Vertx vertx = Vertx.vertx();
      try {
        run(vertx, influx, agent, spool, interval, intervals);
      } finally {
        await(vertx.close());
      }
    }
  }

  private static void run(Vertx vertx, InfluxDbServer influx, AgentProcess agent, Path spool, Duration interval,
      int intervals) throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    LeitwarteConfig.Influx influxConfig = influx.config("bench");
    String writer = await(vertx.deployVerticle(
        new MetricsWriterVerticle(influxConfig, new LeitwarteConfig.Spool(spool, 1L << 30), registry)));
    SnmpCollector collector = await(SnmpCollector.start(vertx, "127.0.0.1/0"));
    List<Device> fleet = new ArrayList<>();
    for (String address : agent.addresses()) {
      fleet.add(device("sim-" + address, address, agent.port(), interval));
    }
    PollMetrics metrics = new PollMetrics(registry, interval);
    SchedulerVerticle scheduler = new SchedulerVerticle(fleet, List.of(collector), 1000, new DeviceStates(), metrics,
        Clock.systemUTC(), Long.MAX_VALUE);
    String polling = await(vertx.deployVerticle(scheduler));

    long intervalMillis = interval.toMillis();
    // Measure whole intervals on the wall clock, so that every device has exactly `intervals` slots.
    long windowStart = (System.currentTimeMillis() / intervalMillis + 2) * intervalMillis;
    long windowEnd = windowStart + intervals * intervalMillis;
    sleepUntil(windowStart);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuBefore = os.getProcessCpuTime();
    double pollsBefore = polls(registry);
    sleepUntil(windowEnd);
    long cpuNanos = os.getProcessCpuTime() - cpuBefore;
    double polls = polls(registry) - pollsBefore;
    Map<Double, Double> lag = lagPercentiles(metrics);
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();

    // The scheduler finishes the polls in flight, the writer flushes them: then count the points.
    await(vertx.undeploy(polling));
    await(vertx.undeploy(writer));
    long expected = (long) fleet.size() * intervals;
    long written = count(influx, "SELECT count(reachable) FROM snmp WHERE time >= " + windowStart + "ms AND time < " + windowEnd + "ms");
    long interfacesWritten = count(influx, "SELECT count(oper_status) FROM interface WHERE time >= " + windowStart
        + "ms AND time < " + windowEnd + "ms");

    double seconds = (windowEnd - windowStart) / 1000.0;
    System.out.printf("device polls in window:     %.0f (%.1f per second)%n", polls, polls / seconds);
    System.out.printf("CPU per device poll:        %.3f ms (process CPU %.1f s in %.0f s = %.2f cores)%n",
        cpuNanos / 1e6 / Math.max(1, polls), cpuNanos / 1e9, seconds, cpuNanos / 1e9 / seconds);
    System.out.printf("schedule lag p50 / p99:     %.1f ms / %.1f ms%n", lag.get(0.5), lag.get(0.99));
    System.out.printf("completeness:               %d of %d snmp points (%.2f %%), %d interface points (%.1f per poll)%n",
        written, expected, 100.0 * written / expected, interfacesWritten, (double) interfacesWritten / Math.max(1, written));
    System.out.printf("heap used after GC:         %.0f MiB of %.0f MiB max%n", heap.getUsed() / 1048576.0,
        heap.getMax() / 1048576.0);
    await(collector.close());
  }

  private static Device device(String id, String address, int port, Duration interval) {
    Device base = BenchDevices.device(id, address, port);
    return new Device(base.id(), base.tenant(), base.site(), base.address(), base.snmp(), false, interval,
        Optional.empty(), Map.of(), List.of(), base.source());
  }

  private static double polls(SimpleMeterRegistry registry) {
    return registry.find("leitwarte_polls").counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static Map<Double, Double> lagPercentiles(PollMetrics metrics) {
    Map<Double, Double> result = new java.util.HashMap<>();
    for (ValueAtPercentile value : metrics.lag().takeSnapshot().percentileValues()) {
      result.put(value.percentile(), value.value(TimeUnit.MILLISECONDS));
    }
    return result;
  }

  private static long count(InfluxDbServer influx, String query) {
    List<Map<String, Object>> rows = influx.query("bench", query);
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("count")).longValue();
  }

  private static void sleepUntil(long epochMillis) throws InterruptedException {
    long wait = epochMillis - System.currentTimeMillis();
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }
}
