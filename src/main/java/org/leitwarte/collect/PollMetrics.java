package org.leitwarte.collect;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** The scheduler's self-observation: polls, their outcome and duration, schedule lag. */
public final class PollMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> polls = new ConcurrentHashMap<>();
  private final Map<String, Timer> durations = new ConcurrentHashMap<>();
  private final Timer lag;
  private final Counter skippedBusy;
  private final Counter droppedLate;
  private final ArrayDeque<Long> recentPolls = new ArrayDeque<>();
  private final ArrayDeque<CollectorPoll> recentCollectorPolls = new ArrayDeque<>();
  private final long windowMillis;
  private volatile int pollsInWindow;

  /**
   * The collector polls finished in the last polling interval, for Leitwarte's own sample: how many
   * timed out, how many failed otherwise (authentication, error), and how long they took.
   *
   * @param polls collector polls finished (a device polled by SNMP and ICMP counts twice)
   * @param averageMillis their mean duration, 0 when there were none
   */
  public record Window(int polls, int timeouts, int errors, double averageMillis, double maxMillis) {
    static final Window EMPTY = new Window(0, 0, 0, 0, 0);
  }

  private record CollectorPoll(long atMillis, String status, double millis) {}

  public PollMetrics(MeterRegistry registry, Duration window) {
    this.registry = registry;
    this.windowMillis = window.toMillis();
    this.lag = Timer.builder("leitwarte_schedule_lag")
        .description("How late a poll started after its slot")
        .publishPercentiles(0.5, 0.99)
        .register(registry);
    this.skippedBusy = Counter.builder("leitwarte_polls_skipped")
        .description("Slots skipped because the device's previous poll was still running")
        .register(registry);
    this.droppedLate = Counter.builder("leitwarte_polls_dropped_late")
        .description("Polls dropped because they waited a whole interval for a free place")
        .register(registry);
    Gauge.builder("leitwarte_polls_last_interval", this, m -> m.pollsInWindow)
        .description("Device polls completed in the last polling interval")
        .register(registry);
  }

  /** Counts one collector's poll of one device. */
  public void recordPoll(String collector, String status, long nanos) {
    polls.computeIfAbsent(collector + "/" + status, key -> Counter.builder("leitwarte_polls")
            .description("Polls by collector and outcome (ok, timeout, auth_failure, error)")
            .tag("collector", collector)
            .tag("status", status)
            .register(registry))
        .increment();
    durations.computeIfAbsent(collector, key -> Timer.builder("leitwarte_poll_duration")
            .description("Duration of one collector's poll of one device")
            .tag("collector", collector)
            .publishPercentiles(0.5, 0.99)
            .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** {@link #recordPoll(String, String, long)}, and keeps it for {@link #window()} until it is an interval old. */
  public void recordPoll(String collector, String status, long nanos, long nowMillis) {
    recordPoll(collector, status, nanos);
    synchronized (recentCollectorPolls) {
      recentCollectorPolls.addLast(new CollectorPoll(nowMillis, status, nanos / 1e6));
    }
    trimCollectorPolls(nowMillis);
  }

  /** Counts one finished device poll, for {@link #pollsInWindow()}. Called on one thread. */
  public void recordDevicePoll(long nowMillis) {
    recentPolls.addLast(nowMillis);
    trim(nowMillis);
  }

  public void recordLag(long millis) {
    lag.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /** Brings the skip counters up to the plan's totals. */
  public void syncSkips(long skippedBusyTotal, long droppedLateTotal) {
    skippedBusy.increment(skippedBusyTotal - skippedBusy.count());
    droppedLate.increment(droppedLateTotal - droppedLate.count());
  }

  /** Called on the scheduler's thread from time to time so the gauge stays right without polls. */
  public void trim(long nowMillis) {
    while (!recentPolls.isEmpty() && recentPolls.peekFirst() <= nowMillis - windowMillis) {
      recentPolls.pollFirst();
    }
    pollsInWindow = recentPolls.size();
    trimCollectorPolls(nowMillis);
  }

  private void trimCollectorPolls(long nowMillis) {
    synchronized (recentCollectorPolls) {
      while (!recentCollectorPolls.isEmpty() && recentCollectorPolls.peekFirst().atMillis() <= nowMillis - windowMillis) {
        recentCollectorPolls.pollFirst();
      }
    }
  }

  /**
   * The collector polls of the last interval, as of the last poll or housekeeping tick. Summed up when
   * asked (every few seconds, for Leitwarte's own sample), not on every poll.
   */
  public Window window() {
    synchronized (recentCollectorPolls) {
      int timeouts = 0;
      int errors = 0;
      double sum = 0;
      double max = 0;
      for (CollectorPoll poll : recentCollectorPolls) {
        if ("timeout".equals(poll.status())) {
          timeouts++;
        } else if (!"ok".equals(poll.status())) {
          errors++;
        }
        sum += poll.millis();
        max = Math.max(max, poll.millis());
      }
      int polls = recentCollectorPolls.size();
      return polls == 0 ? Window.EMPTY : new Window(polls, timeouts, errors, sum / polls, max);
    }
  }

  public int pollsInWindow() {
    return pollsInWindow;
  }

  public Timer lag() {
    return lag;
  }
}
