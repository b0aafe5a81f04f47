package org.leitwarte.collect;

import io.vertx.core.Future;
import org.leitwarte.inventory.Device;

/**
 * A way of collecting data from a device (SNMP, ICMP, service checks). The scheduler calls
 * {@link #poll} once per device and interval; the returned future completes on the caller's Vert.x
 * context and never fails for a device problem: those are {@link PollResult}s. A failed future means a
 * bug or a broken installation (fping missing), which the scheduler logs.
 */
public interface Collector {

  /** Short name used in metrics and logs: {@code snmp}, {@code icmp}. */
  String name();

  boolean appliesTo(Device device);

  /**
   * Polls {@code device} once.
   *
   * @param slotMillis the scheduled time of this poll (epoch milliseconds); every sample carries it as
   *     its timestamp, so a repeated poll of the same slot overwrites instead of duplicating
   */
  Future<PollResult> poll(Device device, long slotMillis);

  /** Releases sockets and processes; called once on shutdown. */
  default Future<Void> close() {
    return Future.succeededFuture();
  }
}
