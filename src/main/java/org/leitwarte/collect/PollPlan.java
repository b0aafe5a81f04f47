package org.leitwarte.collect;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.zip.CRC32;
import org.leitwarte.inventory.Device;

/**
 * When each device is polled, without any Vert.x: the scheduler verticle asks {@link #due} what to
 * start now and reports {@link #completed} polls.
 *
 * <p>Each device is polled on slots {@code k * interval + offset} of the wall clock, with an offset
 * derived from its id. Offsets spread the devices over the interval (a thousand devices never fire
 * at once), and a restarted Leitwarte keeps every device's phase, so a history has one point per
 * interval even across a restart. At most {@code maxConcurrent} polls run at once; a device is never
 * polled twice at the same time (a slot that finds the previous poll still running is skipped and
 * counted); a poll that waited longer than its interval for a free slot is dropped, so a backlog
 * never builds up.
 */
public final class PollPlan {

  /** A poll to start now: the device and the slot it belongs to. */
  public record Dispatch(Device device, long slotMillis) {}

  private static final class Entry {
    Device device;
    long intervalMillis;
    long offsetMillis;
    long nextSlot;

    Entry(Device device, long now, long catchUpAfter) {
      this.device = device;
      this.intervalMillis = device.interval().toMillis();
      this.offsetMillis = offsetMillis(device.id(), intervalMillis);
      long next = firstSlotAtOrAfter(now, intervalMillis, offsetMillis);
      long previous = next - intervalMillis;
      // A slot missed while Leitwarte was stopped is polled at once, under its own timestamp.
      this.nextSlot = previous > catchUpAfter && previous < now ? previous : next;
    }
  }

  private final int maxConcurrent;
  private final Map<String, Entry> entries = new HashMap<>();
  private final PriorityQueue<Entry> queue =
      new PriorityQueue<>((a, b) -> Long.compare(a.nextSlot, b.nextSlot));
  /** Due polls waiting for a free place, oldest first, at most one per device. */
  private final LinkedHashMap<String, Dispatch> waiting = new LinkedHashMap<>();
  private final Set<String> running = new HashSet<>();
  private long skippedBusy;
  private long droppedLate;

  public PollPlan(int maxConcurrent) {
    if (maxConcurrent < 1) {
      throw new IllegalArgumentException("maxConcurrent must be at least 1, got " + maxConcurrent);
    }
    this.maxConcurrent = maxConcurrent;
  }

  /** The stable offset of a device within its interval. */
  public static long offsetMillis(String deviceId, long intervalMillis) {
    CRC32 crc = new CRC32();
    crc.update(deviceId.getBytes(StandardCharsets.UTF_8));
    // Spread the 32-bit checksum over the interval; multiplication keeps ids that differ in one
    // character far apart instead of neighbours.
    return (crc.getValue() * 2654435761L & 0xffffffffL) % intervalMillis;
  }

  /** The first slot {@code k * interval + offset} that is at or after {@code now}. */
  public static long firstSlotAtOrAfter(long now, long intervalMillis, long offsetMillis) {
    long k = Math.floorDiv(now - offsetMillis, intervalMillis);
    long slot = k * intervalMillis + offsetMillis;
    return slot < now ? slot + intervalMillis : slot;
  }

  /** Adds a device, or replaces it (new interval, new settings) keeping a running poll running. */
  public void put(Device device, long now) {
    put(device, now, Long.MAX_VALUE);
  }

  /**
   * Adds a device; if its most recent slot lies after {@code catchUpAfter} (the time the previous
   * Leitwarte stopped), that slot is polled at once, so a restart shorter than an interval leaves no
   * gap in the history.
   */
  public void put(Device device, long now, long catchUpAfter) {
    Entry existing = entries.get(device.id());
    if (existing != null && existing.intervalMillis == device.interval().toMillis()) {
      existing.device = device;
      return;
    }
    remove(device.id());
    Entry entry = new Entry(device, now, catchUpAfter);
    entries.put(device.id(), entry);
    queue.add(entry);
  }

  /** Stops polling a device; a poll already running finishes and is reported as usual. */
  public void remove(String deviceId) {
    Entry entry = entries.remove(deviceId);
    if (entry != null) {
      queue.remove(entry);
      waiting.remove(deviceId);
    }
  }

  /** The polls to start now, in slot order. */
  public List<Dispatch> due(long now) {
    while (!queue.isEmpty() && queue.peek().nextSlot <= now) {
      Entry entry = queue.poll();
      long slot = entry.nextSlot;
      // After a long pause (suspended VM, GC) jump to the present instead of replaying every slot.
      long next = slot + entry.intervalMillis;
      entry.nextSlot = next > now ? next : firstSlotAtOrAfter(now + 1, entry.intervalMillis, entry.offsetMillis);
      queue.add(entry);
      enqueue(entry.device, slot);
    }
    List<Dispatch> start = new ArrayList<>();
    while (running.size() < maxConcurrent && !waiting.isEmpty()) {
      Iterator<Dispatch> oldest = waiting.values().iterator();
      Dispatch dispatch = oldest.next();
      oldest.remove();
      if (now - dispatch.slotMillis() >= dispatch.device().interval().toMillis()) {
        droppedLate++;
        continue;
      }
      running.add(dispatch.device().id());
      start.add(dispatch);
    }
    return start;
  }

  private void enqueue(Device device, long slot) {
    String id = device.id();
    if (running.contains(id)) {
      skippedBusy++;
      return;
    }
    if (waiting.remove(id) != null) {
      // Still waiting from the previous slot: the newer slot replaces it.
      droppedLate++;
    }
    waiting.put(id, new Dispatch(device, slot));
  }

  /** Reports that the poll of a device has finished, freeing its place. */
  public void completed(String deviceId) {
    running.remove(deviceId);
  }

  /** When the next slot is due, or {@link Long#MAX_VALUE} with no devices. */
  public long nextDueMillis() {
    Entry first = queue.peek();
    return first == null ? Long.MAX_VALUE : first.nextSlot;
  }

  public boolean hasWaiting() {
    return !waiting.isEmpty();
  }

  public int running() {
    return running.size();
  }

  public int waiting() {
    return waiting.size();
  }

  public int devices() {
    return entries.size();
  }

  /** Slots skipped because the device's previous poll was still running. */
  public long skippedBusy() {
    return skippedBusy;
  }

  /** Polls dropped because they waited a whole interval for a free place. */
  public long droppedLate() {
    return droppedLate;
  }
}
