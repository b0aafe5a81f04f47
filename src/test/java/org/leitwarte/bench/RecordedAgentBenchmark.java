package org.leitwarte.bench;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.snmp.SnmpCollector;
import org.leitwarte.inventory.Device;
import org.leitwarte.testsupport.SnmpsimServer;

/**
 * Polls a fleet of simulated Cisco switches ({@link RecordedAgent}) with the real {@link
 * SnmpCollector} as fast as it goes for a while and prints polls per second, the agent's CPU per
 * poll and the collector's CPU per poll. Not a test: run it by hand,
 * {@code java -cp target/test-classes:target/classes:<deps> org.leitwarte.bench.RecordedAgentBenchmark
 * [devices] [in-flight] [seconds]}. Traffic stays on 127.0.1.x; the loop is bounded in time.
 */
public final class RecordedAgentBenchmark {

  private RecordedAgentBenchmark() {}

  public static void main(String[] args) throws Exception {
    int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Path recordingFile = args.length > 3 ? Path.of(args[3]) : SnmpsimServer.CISCO_RECORDING;

    Recording recording = Recording.load(recordingFile, 1_000_000, 1);
    Vertx vertx = Vertx.vertx();
    try (RecordedAgent agent = RecordedAgent.start(recording, devices)) {
      SnmpCollector collector = SnmpCollector.start(vertx, "127.0.0.1/0").toCompletionStage().toCompletableFuture().get();
      List<Device> fleet = new ArrayList<>();
      for (String address : agent.addresses()) {
        fleet.add(BenchDevices.device("sim-" + address, address, agent.port()));
      }
      System.out.printf("%d simulated switches (%d OIDs each) on port %d, %d polls in flight%n",
          devices, recording.size(), agent.port(), inFlight);
      run(vertx, collector, fleet, inFlight, Math.max(3, seconds / 2), agent, "warm-up");
      run(vertx, collector, fleet, inFlight, seconds, agent, "measured");
      collector.close().toCompletionStage().toCompletableFuture().get();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private static void run(Vertx vertx, SnmpCollector collector, List<Device> fleet, int inFlight, int seconds,
      RecordedAgent agent, String label) throws Exception {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicLong interfaces = new AtomicLong();
    long agentCpuBefore = agent.cpuNanos();
    long javaThreadsCpuBefore = javaThreadsCpu();
    long processCpuBefore = os.getProcessCpuTime();
    long requestsBefore = agent.requests();
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(seconds);
    Context context = vertx.getOrCreateContext();
    Promise<Void> done = Promise.promise();
    AtomicLong next = new AtomicLong();
    AtomicLong running = new AtomicLong(inFlight);
    context.runOnContext(ignored -> {
      for (int i = 0; i < inFlight; i++) {
        pollNext(collector, fleet, next, deadline, ok, failed, interfaces, running, done);
      }
    });
    done.future().toCompletionStage().toCompletableFuture().get(seconds + 60L, TimeUnit.SECONDS);
    double elapsed = (System.nanoTime() - start) / 1e9;
    long polls = ok.get() + failed.get();
    double agentCpu = (agent.cpuNanos() - agentCpuBefore) / 1e9;
    double processCpu = (os.getProcessCpuTime() - processCpuBefore) / 1e9;
    double javaThreadsCpu = (javaThreadsCpu() - javaThreadsCpuBefore) / 1e9;
    System.out.printf(
        "%-8s %6d polls in %.1f s = %6.0f polls/s (%d not ok), %d interfaces/poll, %.1f requests/poll; "
            + "agent CPU %.3f ms/poll (= %.0f polls/s per core); collector CPU %.3f ms/poll "
            + "(%.3f in its Java threads, the rest GC and JIT)%n",
        label, polls, elapsed, polls / elapsed, failed.get(), polls == 0 ? 0 : interfaces.get() / Math.max(1, ok.get()),
        (agent.requests() - requestsBefore) / (double) Math.max(1, polls),
        agentCpu * 1000 / Math.max(1, polls), polls / Math.max(1e-9, agentCpu),
        (processCpu - agentCpu) * 1000 / Math.max(1, polls), (javaThreadsCpu - agentCpu) * 1000 / Math.max(1, polls));
  }

  /** CPU time of all live Java threads (not GC or JIT threads). */
  private static long javaThreadsCpu() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long cpu = threads.getThreadCpuTime(id);
      if (cpu > 0) {
        sum += cpu;
      }
    }
    return sum;
  }

  private static void pollNext(SnmpCollector collector, List<Device> fleet, AtomicLong next, long deadline,
      AtomicLong ok, AtomicLong failed, AtomicLong interfaces, AtomicLong running, Promise<Void> done) {
    if (System.nanoTime() >= deadline) {
      if (running.decrementAndGet() == 0) {
        done.complete();
      }
      return;
    }
    Device device = fleet.get((int) (next.getAndIncrement() % fleet.size()));
    collector.poll(device, System.currentTimeMillis()).onComplete(outcome -> {
      if (outcome.succeeded() && outcome.result() instanceof PollResult.Ok result) {
        ok.incrementAndGet();
        interfaces.addAndGet(result.samples().stream().filter(s -> s.measurement().equals("interface")).count());
      } else {
        failed.incrementAndGet();
      }
      pollNext(collector, fleet, next, deadline, ok, failed, interfaces, running, done);
    });
  }
}
