package org.leitwarte.collect.snmp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings;
import org.snmp4j.PDU;
import org.snmp4j.Target;
import org.snmp4j.smi.VariableBinding;

/**
 * Asks an address once for the system group (sysName, sysDescr, sysObjectID, sysUpTime) with given
 * settings, and nothing else: what discovery needs to tell whether a credential works and what answers.
 * Its own SNMP4J session; SNMPv3 engine discovery as in a poll. Futures complete on the caller's
 * context and never fail: the outcome is a {@link PollResult} whose {@code snmp} sample carries
 * {@code sys_name}, {@code sys_descr} and {@code sys_object_id} when the agent answered.
 */
public final class SystemProbe {

  private final Vertx vertx;
  private final SnmpSession session;
  private final SystemSamples system;

  private SystemProbe(Vertx vertx, SnmpSession session, SystemSamples system) {
    this.vertx = vertx;
    this.session = session;
    this.system = system;
  }

  /** @param bindAddress the local UDP address in SNMP4J form, {@code 127.0.0.1/0} */
  public static Future<SystemProbe> open(Vertx vertx, String bindAddress) {
    return vertx.executeBlocking(() ->
        new SystemProbe(vertx, SnmpSession.open(bindAddress), new SystemSamples(MibProfiles.loadBuiltIn())));
  }

  /** One GET of the system group at {@code address} with {@code settings} (timeout and retries as they say). */
  public Future<PollResult> probe(String address, SnmpSettings settings) {
    Context context = vertx.getOrCreateContext();
    Map<String, String> tags = Map.of("device", address);
    Device device = new Device("probe", "-", Device.NO_SITE, address, Optional.of(settings), false, Duration.ofMinutes(1),
        Optional.empty(), Map.of(), List.of(), "discovery");
    return context.executeBlocking(() -> DeviceTarget.of(device, session), false)
        .compose(target -> engineReady(context, target).compose(ready -> ready
            ? ask(context, target, tags)
            : Future.succeededFuture(new PollResult.Timeout(List.of()))))
        .recover(problem -> Future.succeededFuture(new PollResult.Error(
            problem.getMessage() == null ? problem.getClass().getSimpleName() : problem.getMessage(), List.of())));
  }

  /** Closes the session; blocking on a worker. */
  public Future<Void> close() {
    return vertx.executeBlocking(() -> {
      session.close();
      return null;
    });
  }

  private Future<Boolean> engineReady(Context context, DeviceTarget target) {
    if (!target.needsEngineId()) {
      return Future.succeededFuture(true);
    }
    long timeoutMillis = Math.max(1, target.settings().timeout().toMillis());
    return session.discoverEngineId(context, target.address(), timeoutMillis, Math.max(0, target.settings().retries()))
        .compose(engineId -> engineId == null
            ? Future.succeededFuture(false)
            : context.executeBlocking(() -> {
              session.addUser(engineId, target.user());
              target.engineDiscovered(engineId);
              return true;
            }, false));
  }

  private Future<PollResult> ask(Context context, DeviceTarget target, Map<String, String> tags) {
    Target<?> snmpTarget = target.target();
    PDU request = system.request(target);
    return session.send(context, request, snmpTarget).map(reply -> {
      Failure failure = Failure.of(reply);
      if (failure == null) {
        VariableBinding[] values = system.values(reply.response());
        Sample answered = system.answered(tags, values, reply.roundTripNanos(), "ok", System.currentTimeMillis());
        return new PollResult.Ok(List.of(answered));
      }
      return switch (failure.kind()) {
        case TIMEOUT -> new PollResult.Timeout(List.of());
        case AUTH -> new PollResult.AuthFailure(failure.reason(), List.of());
        case ERROR -> new PollResult.Error(failure.reason(), List.of());
      };
    });
  }
}
