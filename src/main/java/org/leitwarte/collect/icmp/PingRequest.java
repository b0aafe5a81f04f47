package org.leitwarte.collect.icmp;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import org.leitwarte.collect.PollResult;
import org.leitwarte.inventory.Device;

/**
 * One {@code poll(device, slot)} waiting for its batch.
 *
 * @param context the Vert.x context poll() was called on, where the result is delivered
 */
record PingRequest(Device device, long slotMillis, IcmpAddress address, Context context, Promise<PollResult> promise) {

  void complete(PollResult result) {
    context.runOnContext(v -> promise.complete(result));
  }
}
