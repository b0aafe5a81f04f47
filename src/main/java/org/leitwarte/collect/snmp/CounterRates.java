package org.leitwarte.collect.snmp;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns raw SNMP counters into per-second rates. For every device, row (an interface) and counter
 * it keeps the previous raw value and the {@link System#nanoTime()} at which it was read.
 *
 * <ul>
 *   <li>A 32-bit counter that went down has wrapped when the wrapped delta gives a plausible rate
 *       (at most {@code maxRatePerSecond}, or when that is unknown a delta below 2^31); otherwise
 *       the device reset it and there is no rate this time.
 *   <li>A 64-bit counter that went down was reset: no rate.
 *   <li>When sysUpTime went backwards the device rebooted: no rate for any of its counters in
 *       that interval (never a spike); the raw values become the new baseline.
 *   <li>The first reading of a counter only sets the baseline.
 * </ul>
 *
 * Plain Java without Vert.x; safe for concurrent polls of different devices.
 */
public final class CounterRates {

  /** What {@link Poll#rate} returns when there is no rate this time. */
  public static final double NO_RATE = Double.NaN;

  private static final double TWO_POW_32 = 4294967296.0;
  private static final long HALF_32 = 1L << 31;
  /** Marks a slot that has never been read; nanoTime values can be anything else. */
  private static final long UNSET = Long.MIN_VALUE;

  private final int countersPerRow;
  private final Map<String, DeviceCounters> devices = new ConcurrentHashMap<>();

  /** @param countersPerRow how many counters each row has (slots {@code 0..countersPerRow-1}) */
  public CounterRates(int countersPerRow) {
    if (countersPerRow < 1) {
      throw new IllegalArgumentException("countersPerRow must be positive");
    }
    this.countersPerRow = countersPerRow;
  }

  /**
   * Starts the rate computations of one poll of {@code deviceId}.
   *
   * @param sysUpTimeTicks the device's sysUpTime in hundredths of a second, or a negative number
   *     when it is unknown (then a reboot cannot be detected)
   */
  public Poll begin(String deviceId, long sysUpTimeTicks) {
    DeviceCounters counters = devices.computeIfAbsent(deviceId, id -> new DeviceCounters());
    boolean rebooted;
    long generation;
    synchronized (counters) {
      rebooted = sysUpTimeTicks >= 0 && counters.upTimeTicks >= 0 && sysUpTimeTicks < counters.upTimeTicks;
      if (sysUpTimeTicks >= 0) {
        counters.upTimeTicks = sysUpTimeTicks;
      }
      generation = ++counters.generation;
    }
    return new Poll(counters, rebooted, generation);
  }

  /** Drops everything remembered about {@code deviceId} (removed from the inventory). */
  public void forget(String deviceId) {
    devices.remove(deviceId);
  }

  /** How many devices have state; for tests and metrics. */
  public int deviceCount() {
    return devices.size();
  }

  /** The previous readings of one device. Guarded by its own monitor. */
  private final class DeviceCounters {
    long upTimeTicks = -1;
    long generation;
    /** Per row: {@code [value, nanos, wide(0/1)] × countersPerRow} and the generation last seen. */
    final Map<Long, long[]> rows = new HashMap<>();

    long[] row(long rowKey, long currentGeneration) {
      long[] row = rows.get(rowKey);
      if (row == null) {
        row = new long[countersPerRow * 3 + 1];
        for (int slot = 0; slot < countersPerRow; slot++) {
          row[slot * 3 + 1] = UNSET;
        }
        rows.put(rowKey, row);
      }
      row[countersPerRow * 3] = currentGeneration;
      return row;
    }
  }

  /** The rate computations of one poll of one device. */
  public final class Poll {
    private final DeviceCounters counters;
    private final boolean rebooted;
    private final long generation;

    private Poll(DeviceCounters counters, boolean rebooted, long generation) {
      this.counters = counters;
      this.rebooted = rebooted;
      this.generation = generation;
    }

    /** Whether sysUpTime went backwards since the previous poll: no rates this time. */
    public boolean afterReboot() {
      return rebooted;
    }

    /**
     * Records {@code value} and returns the rate per second since the previous reading, or {@link
     * #NO_RATE}.
     *
     * @param row the row, e.g. the ifIndex
     * @param counter the counter's slot in the row
     * @param value the raw counter (unsigned; a 64-bit counter may use the sign bit)
     * @param wide whether it is a 64-bit counter
     * @param nanos {@link System#nanoTime()} when the response carrying it arrived
     * @param maxRatePerSecond the highest plausible rate (interface speed × 1.5 in the counter's
     *     unit), or {@code NaN}/0 when unknown; decides between a wrap and a reset of a 32-bit
     *     counter
     */
    public double rate(long row, int counter, long value, boolean wide, long nanos, double maxRatePerSecond) {
      if (counter < 0 || counter >= countersPerRow) {
        throw new IllegalArgumentException("counter slot " + counter + " outside 0.." + (countersPerRow - 1));
      }
      synchronized (counters) {
        long[] slots = counters.row(row, generation);
        int at = counter * 3;
        long previous = slots[at];
        long previousNanos = slots[at + 1];
        boolean previousWide = slots[at + 2] == 1;
        slots[at] = value;
        slots[at + 1] = nanos;
        slots[at + 2] = wide ? 1 : 0;
        if (rebooted || previousNanos == UNSET || previousWide != wide) {
          return NO_RATE;
        }
        return rateBetween(previous, value, wide, (nanos - previousNanos) / 1e9, maxRatePerSecond);
      }
    }

    /** Forgets rows (interfaces) that were not read in this poll, so removed ones don't pile up. */
    public void finish() {
      synchronized (counters) {
        int generationAt = countersPerRow * 3;
        Iterator<long[]> rows = counters.rows.values().iterator();
        while (rows.hasNext()) {
          if (rows.next()[generationAt] != generation) {
            rows.remove();
          }
        }
      }
    }
  }

  /** The rate between two readings {@code seconds} apart; {@link #NO_RATE} for a reset. */
  static double rateBetween(long previous, long current, boolean wide, double seconds, double maxRatePerSecond) {
    if (!(seconds > 0)) {
      return NO_RATE;
    }
    if (Long.compareUnsigned(current, previous) >= 0) {
      return unsignedToDouble(current - previous) / seconds;
    }
    if (wide) {
      return NO_RATE;
    }
    long wrappedDelta = (long) (current + TWO_POW_32 - previous);
    if (maxRatePerSecond > 0) {
      double wrappedRate = wrappedDelta / seconds;
      return wrappedRate <= maxRatePerSecond ? wrappedRate : NO_RATE;
    }
    return wrappedDelta < HALF_32 ? wrappedDelta / seconds : NO_RATE;
  }

  private static double unsignedToDouble(long value) {
    return value >= 0 ? value : (value >>> 1) * 2.0 + (value & 1);
  }
}
