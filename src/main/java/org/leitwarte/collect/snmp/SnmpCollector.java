package org.leitwarte.collect.snmp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.leitwarte.collect.Collector;
import org.leitwarte.collect.PollResult;
import org.leitwarte.inventory.Device;

/**
 * Polls devices over SNMP v1, v2c and v3 through one shared, asynchronous SNMP4J session: the
 * system group first (one GET; no answer means unreachable and nothing else is asked), then
 * IF-MIB, HOST-RESOURCES-MIB and UCD-SNMP-MIB tables with GETBULK walks. What is asked comes from
 * the YAML profiles under {@code profiles/}.
 *
 * <p>Measurements: {@code snmp}, {@code interface}, {@code cpu}, {@code storage}, {@code load};
 * every point is tagged {@code tenant}, {@code site}, {@code device} and stamped with the poll's
 * slot. The returned futures complete on the caller's context and never fail for device problems.
 */
public final class SnmpCollector implements Collector {

  private final Vertx vertx;
  private final SnmpPolling polling;
  private final Map<String, DeviceTarget> targets = new ConcurrentHashMap<>();
  private final StatusLog statusLog = new StatusLog();

  private SnmpCollector(Vertx vertx, SnmpPolling polling) {
    this.vertx = vertx;
    this.polling = polling;
  }

  /**
   * Opens the SNMP session and reads the profiles.
   *
   * @param bindAddress the local UDP address in SNMP4J form: {@code 0.0.0.0/0} in production,
   *     {@code 127.0.0.1/0} in tests ({@code /0}: any free port)
   */
  public static Future<SnmpCollector> start(Vertx vertx, String bindAddress) {
    return vertx.executeBlocking(() -> {
      MibProfiles profiles = MibProfiles.loadBuiltIn();
      SnmpSession session = SnmpSession.open(bindAddress);
      return new SnmpCollector(vertx, SnmpPolling.create(session, profiles));
    });
  }

  @Override
  public String name() {
    return "snmp";
  }

  @Override
  public boolean appliesTo(Device device) {
    return device.snmp().isPresent();
  }

  @Override
  public Future<PollResult> poll(Device device, long slotMillis) {
    Context context = vertx.getOrCreateContext();
    // Sorted once: every sample copies these, which is linear for a sorted map.
    Map<String, String> tags = Collections.unmodifiableSortedMap(
        new TreeMap<>(Map.of("tenant", device.tenant(), "site", device.site(), "device", device.id())));
    return targetFor(device, context)
        .compose(target -> new DevicePoll(polling, target, context, device.id(), tags, slotMillis).run(),
            problem -> Future.succeededFuture(notPollable(problem, tags, slotMillis)))
        .onSuccess(result -> statusLog.record(device.id(), result));
  }

  /** Forgets a device removed from the inventory: its counters, engine and status. */
  public void forget(String deviceId) {
    targets.remove(deviceId);
    polling.rates().forget(deviceId);
    statusLog.forget(deviceId);
  }

  /** The local UDP port of the session, for diagnostics. */
  public int localPort() {
    return polling.session().localAddress().getPort();
  }

  @Override
  public Future<Void> close() {
    return vertx.executeBlocking(() -> {
      closeSession();
      return null;
    });
  }

  private void closeSession() throws IOException {
    polling.session().close();
  }

  /**
   * The device's target, built on a worker when new or changed: resolving a secret may read a
   * file, and SNMP4J's address parsing must not meet a host name on the event loop.
   */
  private Future<DeviceTarget> targetFor(Device device, Context context) {
    DeviceTarget known = targets.get(device.id());
    if (known != null && known.matches(device)) {
      return Future.succeededFuture(known);
    }
    return context.executeBlocking(() -> {
      DeviceTarget created = DeviceTarget.of(device, polling.session());
      targets.put(device.id(), created);
      return created;
    }, false);
  }

  /** Bad settings (a missing secret, no community): say so in the status, keep polling others. */
  private static PollResult notPollable(Throwable problem, Map<String, String> tags, long slotMillis) {
    String reason = problem instanceof IllegalStateException || problem instanceof IllegalArgumentException
        ? problem.getMessage()
        : problem.getClass().getSimpleName() + ": " + problem.getMessage();
    return new PollResult.Error(reason, List.of(SystemSamples.notAsked(tags, "error", slotMillis)));
  }
}
