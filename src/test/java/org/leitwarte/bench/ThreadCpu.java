package org.leitwarte.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/** Where a benchmark's CPU goes: its threads by role, the JVM's GC and JIT threads, allocation, collections. */
final class ThreadCpu {

  private ThreadCpu() {}

  /** CPU seconds of the live Java threads by role: the trap socket's listen thread, event loops, workers, the rest. */
  static Map<String, Double> threadCpu() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Double> roles = new TreeMap<>();
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info == null || cpu <= 0) {
        continue;
      }
      roles.merge(role(info.getThreadName()), cpu / 1e9, Double::sum);
    }
    return roles;
  }

  private static String role(String thread) {
    if (thread.startsWith("leitwarte-traps-")) {
      return "listen thread (decode)";
    }
    if (thread.startsWith("vert.x-eventloop")) {
      return "event loops";
    }
    if (thread.startsWith("vert.x-worker") || thread.startsWith("vert.x-internal-blocking")) {
      return "workers (JDBC)";
    }
    if (thread.startsWith("H2") || thread.startsWith("MVStore")) {
      return "H2 background";
    }
    return "other threads";
  }

  static long gcCount() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
  }

  static long gcMillis() {
    return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
  }

  /**
   * CPU seconds of the JVM's own threads (garbage collector, JIT compilers), which the ThreadMXBean does
   * not list, from Linux's {@code /proc/self/task}; empty elsewhere.
   */
  static Map<String, Double> nativeThreadCpu() {
    Map<String, Double> roles = new TreeMap<>();
    Path tasks = Path.of("/proc/self/task");
    if (!Files.isDirectory(tasks)) {
      return roles;
    }
    try (var list = Files.list(tasks)) {
      for (Path task : list.toList()) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          String role = name.startsWith("GC Thread") || name.startsWith("G1 ") ? "GC"
              : name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler") ? "JIT" : null;
          if (role == null) {
            continue;
          }
          String stat = Files.readString(task.resolve("stat"));
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          // utime and stime are fields 14 and 15 of stat, in clock ticks of 1/100 s.
          roles.merge(role, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0, Double::sum);
        } catch (java.io.IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (java.io.IOException e) {
      return roles;
    }
    return roles;
  }

  /** Bytes allocated so far by the live Java threads. */
  static long allocatedBytes() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (long bytes : threads.getThreadAllocatedBytes(threads.getAllThreadIds())) {
      sum += Math.max(0, bytes);
    }
    return sum;
  }
}
