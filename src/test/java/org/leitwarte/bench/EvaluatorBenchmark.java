package org.leitwarte.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;
import org.leitwarte.alerting.AlertEvaluator;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.DependencySuppressor;
import org.leitwarte.alerting.DeviceDirectory;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.EvaluatorStats;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.Severity;
import org.leitwarte.alerting.Suppressor;
import org.leitwarte.alerting.rules.RuleLoader;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.ConfigException;
import java.nio.file.Path;

/**
 * Throughput of {@link AlertEvaluator#accept} on a fleet of 10,000 switches with 60 interfaces each
 * (68 samples per device and round: icmp, snmp, 60 interfaces, 2 cpus, 3 storages, load) through 15
 * rules with simple lambda conditions, the real {@link DependencySuppressor} and 1 % of interfaces
 * down, 0.1 % flapping. Samples are made fresh every round, as the collectors do; only the time spent
 * inside {@code accept} is counted (per device batch). Also times {@code tick} over all series.
 *
 * <pre>
 * mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath
 * java -Xmx3g -cp "target/test-classes:target/classes:$(cat target/benchmark.classpath)" \
 *   -Dlogback.configurationFile=src/test/sh/benchmark-logback.xml org.leitwarte.bench.EvaluatorBenchmark \
 *   [devices=10000] [rounds=6] [previous] [shipped]
 * </pre>
 *
 * <p>{@code previous} makes every rule claim to read the previous sample, so that every series keeps
 * one: the heap that {@link Rule.Condition#usesPrevious()} saves.
 *
 * <pre>
 * </pre>
 */
public final class EvaluatorBenchmark {

  private static final int INTERFACES = 60;
  private static final long INTERVAL_MILLIS = 60_000;
  private static final long T0 = Instant.parse("2026-11-28T08:00:00Z").toEpochMilli();
  private static boolean keepPrevious;
  private static final String[] TENANTS = java.util.stream.IntStream.range(0, 40).mapToObj(t -> "t" + t).toArray(String[]::new);
  private static String[] DEVICES;
  private static String[] SITES;

  public static void main(String[] args) {
    int deviceCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    DEVICES = java.util.stream.IntStream.range(0, deviceCount).mapToObj(EvaluatorBenchmark::device).toArray(String[]::new);
    SITES = java.util.stream.IntStream.range(0, deviceCount / 50 + 1).mapToObj(s -> "s" + s).toArray(String[]::new);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 6;
    // "previous": every condition claims to read the previous sample, so every series keeps one.
    List<String> flags = List.of(args).subList(Math.min(2, args.length), args.length);
    keepPrevious = flags.contains("previous");
    // "shipped": the rule files of alert-rules/, compiled with CEL, instead of lambda conditions.
    RuleSet ruleSet;
    try {
      ruleSet = flags.contains("shipped") ? RuleLoader.load(Path.of("alert-rules")) : rules();
    } catch (ConfigException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    System.out.printf("%d rules (%s)%n", ruleSet.size(), flags.contains("shipped") ? "alert-rules/, CEL" : "lambdas");
    Map<String, DeviceDirectory.DeviceInfo> inventory = new HashMap<>();
    for (int d = 0; d < deviceCount; d++) {
      String id = DEVICES[d];
      String upstream = d % 50 == 0 ? null : DEVICES[d - d % 50];
      inventory.put(id, new DeviceDirectory.DeviceInfo(id, TENANTS[d % 40], SITES[d / 50],
          Map.of("role", d % 50 == 0 ? "router" : "access", "service", "lan"), Duration.ofMillis(INTERVAL_MILLIS),
          Optional.ofNullable(upstream)));
    }
    DeviceDirectory devices = id -> Optional.ofNullable(inventory.get(id));
    AlertEvaluator[] holder = new AlertEvaluator[1];
    Suppressor dependencies = (labels, now) ->
        new DependencySuppressor(devices, holder[0].reachability()).suppressedBy(labels, now);
    AlertEvaluator evaluator = new AlertEvaluator(ruleSet, devices, dependencies);
    holder[0] = evaluator;

    long warmupRounds = Math.min(2, rounds - 1);
    long measuredSamples = 0;
    long measuredNanos = 0;
    long changes = 0;
    for (int round = 0; round < rounds; round++) {
      long roundNanos = 0;
      long roundSamples = 0;
      for (int d = 0; d < deviceCount; d++) {
        List<Sample> batch = poll(d, round, T0 + round * INTERVAL_MILLIS + d * (INTERVAL_MILLIS / deviceCount));
        long start = System.nanoTime();
        for (Sample sample : batch) {
          changes += evaluator.accept(sample).size();
        }
        roundNanos += System.nanoTime() - start;
        roundSamples += batch.size();
      }
      long tickStart = System.nanoTime();
      changes += evaluator.tick(Instant.ofEpochMilli(T0 + (round + 1) * INTERVAL_MILLIS - 1)).size();
      long tickNanos = System.nanoTime() - tickStart;
      System.out.printf("round %d%s: %,d samples in %.2f s of accept() = %,.0f samples/s; tick over all series %.1f ms%n",
          round, round < warmupRounds ? " (warm-up)" : "", roundSamples, roundNanos / 1e9, roundSamples / (roundNanos / 1e9),
          tickNanos / 1e6);
      if (round >= warmupRounds) {
        measuredSamples += roundSamples;
        measuredNanos += roundNanos;
      }
    }
    EvaluatorStats stats = evaluator.stats();
    System.gc();
    long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    if (Boolean.getBoolean("histogram")) {
      printHeapHistogram();
    }
    java.lang.ref.Reference.reachabilityFence(evaluator);
    System.out.printf("%nmeasured: %,.0f samples/s on one thread (%.2f µs per sample), %,d evaluations in all%n",
        measuredSamples / (measuredNanos / 1e9), measuredNanos / 1e3 / measuredSamples, stats.evaluations());
    System.out.printf("series %,d; alerts pending %,d, firing %,d (suppressed %,d); changes announced %,d; heap after GC %,d MiB%n",
        stats.series(), stats.alerts(AlertState.PENDING), stats.alerts(AlertState.FIRING), stats.suppressed(), changes,
        heap >> 20);
  }

  /** The biggest classes on the heap ({@code -Dhistogram=true}), to see what a series costs. */
  private static void printHeapHistogram() {
    try {
      Object histogram = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      histogram.toString().lines().limit(25).forEach(System.out::println);
    } catch (javax.management.JMException e) {
      System.out.println("no heap histogram: " + e);
    }
  }

  private static String device(int d) {
    return "sw" + d;
  }

  /** What one poll of switch {@code d} yields in {@code round}. */
  private static List<Sample> poll(int d, int round, long at) {
    // Tenant, site and device names come from the inventory, shared by every sample of a device.
    String device = DEVICES[d];
    Map<String, String> tags = Map.of("tenant", TENANTS[d % 40], "site", SITES[d / 50], "device", device);
    List<Sample> samples = new ArrayList<>(68);
    samples.add(new Sample("icmp", tags, Map.of("sent", 3L, "received", 3L, "loss_pct", 0.0, "rtt_avg_ms", 1.5), at));
    samples.add(new Sample("snmp", tags, Map.of("reachable", 1L, "status", "ok", "response_ms", 4.0,
        "uptime_s", 86_400L + round * 60L), at));
    for (int i = 1; i <= INTERFACES; i++) {
      int key = d * INTERFACES + i;
      boolean down = key % 100 == 0 || (key % 1000 == 7 && round % 2 == 1);
      Map<String, String> interfaceTags = new HashMap<>(tags);
      interfaceTags.put("if_index", Integer.toString(i));
      interfaceTags.put("if_name", "Gi1/0/" + i);
      Map<String, Object> fields = new HashMap<>(16);
      fields.put("alias", "uplink " + i);
      fields.put("oper_status", down ? 2L : 1L);
      fields.put("admin_status", 1L);
      fields.put("speed_bps", 1_000_000_000L);
      fields.put("in_octets", 1_000_000L * round + key);
      fields.put("out_octets", 2_000_000L * round + key);
      fields.put("in_errors", 0L);
      fields.put("out_errors", 0L);
      fields.put("in_bps", 1e6 + key % 1000);
      fields.put("out_bps", 2e6);
      fields.put("util_in_pct", (key % 97) * 1.0);
      fields.put("util_out_pct", 12.5);
      fields.put("in_errors_ps", 0.0);
      fields.put("out_errors_ps", 0.0);
      samples.add(new Sample("interface", interfaceTags, fields, at));
    }
    for (int cpu = 0; cpu < 2; cpu++) {
      samples.add(new Sample("cpu", Map.of("tenant", TENANTS[d % 40], "site", SITES[d / 50], "device", device,
          "cpu", Integer.toString(cpu)), Map.of("load_pct", (d % 100) * 1.0), at));
    }
    for (String storage : List.of("/", "/var", "Physical memory")) {
      samples.add(new Sample("storage", Map.of("tenant", TENANTS[d % 40], "site", SITES[d / 50], "device", device,
          "storage", storage, "type", storage.startsWith("/") ? "disk" : "ram"),
          Map.of("size_bytes", 1L << 34, "used_bytes", 1L << 32, "used_pct", 25.0), at));
    }
    samples.add(new Sample("load", tags, Map.of("load1", 0.5, "load5", 0.4, "load15", 0.3), at));
    return samples;
  }

  private static RuleSet rules() {
    return new RuleSet(List.of(
        rule("InterfaceDown", "interface", e -> longField(e, "oper_status") == 2 && longField(e, "admin_status") == 1,
            Duration.ofMinutes(1), Optional.of(3), Rule.Flapping.DEFAULT, List.of()),
        rule("InterfaceErrors", "interface", e -> doubleField(e, "in_errors_ps") > 10, Duration.ZERO, Optional.empty(),
            Rule.Flapping.OFF, List.of()),
        rule("InterfaceInUtilHigh", "interface", e -> doubleField(e, "util_in_pct") > 95, Duration.ofMinutes(5),
            Optional.empty(), Rule.Flapping.OFF, List.of()),
        rule("InterfaceOutUtilHigh", "interface", e -> doubleField(e, "util_out_pct") > 95, Duration.ofMinutes(5),
            Optional.empty(), Rule.Flapping.OFF, List.of()),
        rule("InterfaceDiscards", "interface", e -> doubleField(e, "out_bps") < 0, Duration.ZERO, Optional.empty(),
            Rule.Flapping.OFF, List.of()),
        rule("RouterUplinkDown", "interface", e -> longField(e, "oper_status") == 2, Duration.ZERO, Optional.empty(),
            Rule.Flapping.OFF, List.of(Matcher.equal("role", "router"))),
        rule("DeviceDown", "icmp", e -> longField(e, "received") == 0, Duration.ofMinutes(1), Optional.empty(),
            Rule.Flapping.DEFAULT, List.of()),
        rule("PacketLoss", "icmp", e -> doubleField(e, "loss_pct") > 20, Duration.ofMinutes(5), Optional.empty(),
            Rule.Flapping.OFF, List.of()),
        rule("RoundTripHigh", "icmp", e -> doubleField(e, "rtt_avg_ms") > 100, Duration.ofMinutes(5), Optional.empty(),
            Rule.Flapping.OFF, List.of()),
        rule("SnmpUnreachable", "snmp", e -> longField(e, "reachable") == 0, Duration.ofMinutes(2), Optional.of(3),
            Rule.Flapping.OFF, List.of()),
        rule("CpuHigh", "cpu", e -> doubleField(e, "load_pct") > 98, Duration.ofMinutes(5), Optional.empty(),
            Rule.Flapping.OFF, List.of()),
        rule("DiskFull", "storage", e -> doubleField(e, "used_pct") > 95, Duration.ZERO, Optional.empty(),
            Rule.Flapping.OFF, List.of(Matcher.equal("type", "disk"))),
        rule("DiskAlmostFull", "storage", e -> doubleField(e, "used_pct") > 85, Duration.ofMinutes(30), Optional.empty(),
            Rule.Flapping.OFF, List.of(Matcher.equal("type", "disk"))),
        rule("MemoryFull", "storage", e -> doubleField(e, "used_pct") > 95, Duration.ofMinutes(10), Optional.empty(),
            Rule.Flapping.OFF, List.of(Matcher.equal("type", "ram"))),
        rule("LoadHigh", "load", e -> doubleField(e, "load5") > 8, Duration.ofMinutes(10), Optional.empty(),
            Rule.Flapping.OFF, List.of())));
  }

  private static long longField(Evaluation e, String name) {
    return e.sample().field(name) instanceof Long value ? value : Long.MIN_VALUE;
  }

  private static double doubleField(Evaluation e, String name) {
    return e.sample().field(name) instanceof Double value ? value : Double.NaN;
  }

  private static Rule rule(String name, String measurement, Predicate<Evaluation> condition, Duration forDuration,
      Optional<Integer> noData, Rule.Flapping flapping, List<Matcher> matchers) {
    Rule.Condition compiled = new Rule.Condition() {
      @Override
      public Verdict test(Evaluation evaluation) {
        return condition.test(evaluation) ? Verdict.TRUE : Verdict.FALSE;
      }

      @Override
      public String expression() {
        return name;
      }

      @Override
      public boolean usesPrevious() {
        return keepPrevious;
      }
    };
    Rule.ValueExpression value = new Rule.ValueExpression() {
      @Override
      public OptionalDouble value(Evaluation evaluation) {
        return OptionalDouble.empty();
      }

      @Override
      public boolean usesPrevious() {
        return keepPrevious;
      }
    };
    Rule.Annotations annotations = (language, context) -> Map.of("summary", name + " " + context.labels().get("device"));
    return new Rule(name, "bench.yaml:1", measurement, matchers, compiled, Optional.empty(), forDuration, Duration.ZERO,
        Severity.WARNING, Map.of(), annotations, Optional.of(value), noData, flapping);
  }
}
