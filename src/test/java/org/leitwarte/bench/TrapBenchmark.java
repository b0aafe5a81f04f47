package org.leitwarte.bench;

import com.sun.management.OperatingSystemMXBean;
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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.leitwarte.EventAddresses;
import org.leitwarte.collect.SampleBatch;
import org.leitwarte.collect.trap.TrapCounters;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.collect.trap.TrapOutcome;
import org.leitwarte.collect.trap.TrapVerticle;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.LeitwarteConfig.Traps.TrapUser;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.store.Store;
import org.leitwarte.testsupport.FreePorts;

/**
 * The trap receiver's hot path as in production — {@link TrapVerticle} with SNMP4J's socket, the
 * guarded dispatcher, the events on the sample bus and batched into the store's {@code trap_event}
 * table (H2 in a temporary directory, in this JVM) — fed by {@link TrapSenderProcess}: senders in a JVM
 * of their own, each on its own 127.0.x.y address and an inventory device of that address. After a
 * warm-up round it sends {@code traps per sender} from every sender and prints traps accepted per
 * second end to end, CPU per trap (the process and its threads by role), loss (sent vs. {@code
 * leitwarte_traps_total} by outcome, samples on the bus and rows stored) and heap.
 *
 * <p>Not a test; run {@code bash src/test/sh/benchmark.sh traps [senders] [traps per sender] [2c|3]
 * [offered traps/s, 0 = flat out] [rate limit: off|default]}. "off" configures a per-source limit
 * far above what arrives, "default" the shipped 100/s with a burst of 200. Every loop is bounded;
 * traffic stays on loopback.
 */
public final class TrapBenchmark {

  private static final long SETTLE_TIMEOUT_MILLIS = 120_000;
  private static final long QUIET_MILLIS = 2_000;

  private TrapBenchmark() {}

  public static void main(String[] args) throws Exception {
    int senders = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    int perSender = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    String version = args.length > 2 ? args[2] : "2c";
    int offered = args.length > 3 ? Integer.parseInt(args[3]) : 0;
    boolean defaultLimit = args.length > 4 && args[4].equals("default");
    if (!version.equals("2c") && !version.equals("3")) {
      throw new IllegalArgumentException("version: 2c or 3, not " + version);
    }
    int ratePerSource = defaultLimit ? 100 : 1_000_000;
    int burst = defaultLimit ? 200 : 1_000_000;
    System.out.printf("%d senders × %d SNMP%s traps, offered %s; rate limit per source %d/s, burst %d%n", senders, perSender,
        version.equals("3") ? "v3 authPriv (SHA-256, AES-128)" : "v2c", offered == 0 ? "flat out" : offered + " traps/s",
        ratePerSource, burst);

    Path dir = Files.createTempDirectory("leitwarte-bench-traps-");
    Vertx vertx = Vertx.vertx();
    try {
      Store store = await(Store.open(vertx, new LeitwarteConfig.Store("jdbc:h2:file:" + dir.resolve("leitwarte"), Optional.empty())));
      try {
        run(vertx, store, senders, perSender, version, offered, ratePerSource, burst);
      } finally {
        await(store.close());
      }
    } finally {
      await(vertx.close());
      deleteTree(dir);
    }
  }

  private static void run(Vertx vertx, Store store, int senders, int perSender, String version, int offered, int ratePerSource,
      int burst) throws Exception {
    int port = FreePorts.udp("127.0.0.1");
    List<String> addresses = RecordedAgent.loopbackAddresses(senders);
    List<Device> inventory = new ArrayList<>();
    for (String address : addresses) {
      inventory.add(BenchDevices.device("sw-" + address, address, 161));
    }
    TrapUser user = new TrapUser(TrapSenderProcess.USER, "SHA-256", Optional.of(Secret.of(TrapSenderProcess.AUTH_PASSWORD)), "AES",
        Optional.of(Secret.of(TrapSenderProcess.PRIV_PASSWORD)), Optional.empty(), "bench");
    // keep_per_device above what a run sends, so that pruning removes nothing that is counted.
    LeitwarteConfig.Traps config = new LeitwarteConfig.Traps("127.0.0.1", port, List.of(Secret.of(TrapSenderProcess.COMMUNITY)),
        List.of(user), Optional.empty(), ratePerSource, burst, 10_000_000, Duration.ofDays(30));
    TrapCounters counters = new TrapCounters(new SimpleMeterRegistry());
    AtomicLong published = new AtomicLong();
    AtomicLong lastPublishedNanos = new AtomicLong();
    SampleBatch.registerCodec(vertx);
    await(vertx.eventBus().<SampleBatch>localConsumer(EventAddresses.SAMPLES, message -> {
      long traps = message.body().samples().stream().filter(sample -> sample.measurement().equals("snmp_trap")).count();
      if (traps > 0) {
        published.addAndGet(traps);
        lastPublishedNanos.set(System.nanoTime());
      }
    }).completion());
    await(vertx.deployVerticle(new TrapVerticle(config, inventory, new TrapEventRepository(store.pool()), counters, Clock.systemUTC())));

    try (TrapSenderProcess sender = TrapSenderProcess.start(port, addresses, version, offered)) {
      Phase warmUp = Phase.run("warm-up", sender, Math.max(1, perSender / 5), store, counters, published, lastPublishedNanos);
      warmUp.print();
      Phase measured = Phase.run("measured", sender, perSender, store, counters, published, lastPublishedNanos);
      measured.print();
    }
    System.gc();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    System.out.printf("heap used after GC:   %.0f MiB of %.0f MiB max%n", heap.getUsed() / 1048576.0, heap.getMax() / 1048576.0);
  }

  /** One round of traps from every sender, and what became of them once the receiver is quiet again. */
  private record Phase(String label, TrapSenderProcess.Sent sent, Map<TrapOutcome, Long> outcomes, long published, long stored,
      double acceptedSeconds, double storedSeconds, double processCpuSeconds, Map<String, Double> threadCpuSeconds, long collections,
      long collectionMillis, long allocated) {

    static Phase run(String label, TrapSenderProcess sender, int perSender, Store store, TrapCounters counters, AtomicLong published,
        AtomicLong lastPublishedNanos) throws Exception {
      OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      Map<TrapOutcome, Long> before = countsOf(counters);
      long publishedBefore = published.get();
      long storedBefore = rows(store);
      Map<String, Double> threadsBefore = ThreadCpu.threadCpu();
      Map<String, Double> nativeBefore = ThreadCpu.nativeThreadCpu();
      long gcCountBefore = ThreadCpu.gcCount();
      long gcMillisBefore = ThreadCpu.gcMillis();
      long allocatedBefore = ThreadCpu.allocatedBytes();
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();

      TrapSenderProcess.Sent sent = sender.send(perSender);
      // Quiet: the counters, the bus and the table have not moved for QUIET_MILLIS (what the kernel
      // dropped never arrives), or everything sent is accounted for and stored.
      long storedAtNanos = System.nanoTime();
      long lastChange = System.nanoTime();
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SETTLE_TIMEOUT_MILLIS);
      String state = "";
      long stored = rows(store) - storedBefore;
      while (System.nanoTime() < deadline) {
        Map<TrapOutcome, Long> now = minus(countsOf(counters), before);
        long rowsNow = rows(store) - storedBefore;
        String current = now + "/" + (published.get() - publishedBefore) + "/" + rowsNow;
        if (!current.equals(state)) {
          state = current;
          lastChange = System.nanoTime();
          if (rowsNow != stored) {
            stored = rowsNow;
            storedAtNanos = lastChange;
          }
        }
        long counted = now.values().stream().mapToLong(Long::longValue).sum();
        boolean allDone = counted == sent.traps() && rowsNow == now.get(TrapOutcome.ACCEPTED)
            && published.get() - publishedBefore == rowsNow;
        if (allDone || System.nanoTime() - lastChange > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
          break;
        }
        Thread.sleep(100);
      }
      long cpu = os.getProcessCpuTime() - cpuBefore;
      Map<String, Double> threads = ThreadCpu.threadCpu();
      threads.replaceAll((name, seconds) -> seconds - threadsBefore.getOrDefault(name, 0.0));
      Map<String, Double> nativeThreads = ThreadCpu.nativeThreadCpu();
      nativeThreads.replaceAll((name, seconds) -> seconds - nativeBefore.getOrDefault(name, 0.0));
      threads.putAll(nativeThreads);
      double acceptedSeconds = Math.max(0, lastPublishedNanos.get() - start) / 1e9;
      return new Phase(label, sent, minus(countsOf(counters), before), published.get() - publishedBefore, stored, acceptedSeconds,
          Math.max(0, storedAtNanos - start) / 1e9, cpu / 1e9, threads, ThreadCpu.gcCount() - gcCountBefore, ThreadCpu.gcMillis() - gcMillisBefore,
          ThreadCpu.allocatedBytes() - allocatedBefore);
    }

    void print() {
      long accepted = outcomes.get(TrapOutcome.ACCEPTED);
      long counted = outcomes.values().stream().mapToLong(Long::longValue).sum();
      System.out.printf("%s: %d traps sent in %.2f s (%.0f/s; sender CPU %.1f µs/trap in its own JVM)%n", label, sent.traps(),
          sent.seconds(), sent.traps() / Math.max(1e-9, sent.seconds()), sent.cpuSeconds() * 1e6 / Math.max(1, sent.traps()));
      System.out.printf("  accepted end to end: %d in %.2f s = %.0f traps/s (last sample on the bus); all %d rows stored after %.2f s%n",
          accepted, acceptedSeconds, accepted / Math.max(1e-9, acceptedSeconds), stored, storedSeconds);
      System.out.printf("  outcomes: %s; never counted (lost before the receiver, e.g. socket buffer): %d%n", outcomes,
          sent.traps() - counted);
      System.out.printf("  loss: sent %d, accepted %d (%.2f %% lost), snmp_trap samples %d, rows in trap_event %d%n", sent.traps(),
          accepted, 100.0 * (sent.traps() - accepted) / Math.max(1, sent.traps()), published, stored);
      double perTrap = 1e6 / Math.max(1, counted);
      System.out.printf("  receiver CPU: %.1f µs per packet counted, %.1f µs per trap accepted (process %.2f s = %.2f cores over %.2f s)%n",
          processCpuSeconds * perTrap, processCpuSeconds * 1e6 / Math.max(1, accepted), processCpuSeconds,
          processCpuSeconds / Math.max(1e-9, storedSeconds), storedSeconds);
      double jit = threadCpuSeconds.getOrDefault("JIT", 0.0);
      System.out.printf("  without the JIT compiler (still busy after a short warm-up): %.1f µs per trap accepted = %.2f cores"
          + " at %.0f traps/s%n",
          (processCpuSeconds - jit) * 1e6 / Math.max(1, accepted), (processCpuSeconds - jit) / Math.max(1e-9, storedSeconds),
          accepted / Math.max(1e-9, storedSeconds));
      double javaThreads = threadCpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
      StringBuilder roles = new StringBuilder();
      threadCpuSeconds.forEach((role, seconds) -> roles.append(String.format("%s %.1f, ", role, seconds * perTrap)));
      System.out.printf("  µs per packet by thread: %sthe rest (ended threads, VM) %.1f%n", roles,
          (processCpuSeconds - javaThreads) * perTrap);
      System.out.printf("  GC: %d collections, %d ms; %.1f KiB allocated per packet (live threads)%n", collections, collectionMillis,
          allocated / 1024.0 / Math.max(1, counted));
    }
  }

  private static Map<TrapOutcome, Long> countsOf(TrapCounters counters) {
    Map<TrapOutcome, Long> result = new EnumMap<>(TrapOutcome.class);
    for (TrapOutcome outcome : TrapOutcome.values()) {
      result.put(outcome, counters.total(outcome));
    }
    return result;
  }

  private static Map<TrapOutcome, Long> minus(Map<TrapOutcome, Long> now, Map<TrapOutcome, Long> before) {
    Map<TrapOutcome, Long> result = new EnumMap<>(TrapOutcome.class);
    now.forEach((outcome, count) -> result.put(outcome, count - before.get(outcome)));
    return result;
  }

  private static long rows(Store store) throws Exception {
    return await(store.pool().query("SELECT COUNT(*) FROM trap_event").execute()).iterator().next().getLong(0);
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(2, TimeUnit.MINUTES);
  }
}
