package org.leitwarte.collect.snmp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.leitwarte.collect.PollResult;
import org.leitwarte.collect.Sample;
import org.snmp4j.PDU;
import org.snmp4j.Target;
import org.snmp4j.smi.VariableBinding;

/**
 * One poll of one device: (SNMPv3: engine discovery once) → system GET → if it answered, the table
 * walks, concurrently → samples. Runs on the Vert.x context that called {@code poll}; SNMP4J's
 * answers are handed back to it.
 */
final class DevicePoll {

  private final SnmpPolling polling;
  private final DeviceTarget target;
  private final Context context;
  private final String deviceId;
  private final Map<String, String> tags;
  private final long timestamp;
  /** Whether this poll discovered the engine: then a timeout hints at a wrong privacy key. */
  private boolean discoveredNow;

  DevicePoll(SnmpPolling polling, DeviceTarget target, Context context, String deviceId, Map<String, String> tags, long timestamp) {
    this.polling = polling;
    this.target = target;
    this.context = context;
    this.deviceId = deviceId;
    this.tags = tags;
    this.timestamp = timestamp;
  }

  Future<PollResult> run() {
    return engineReady()
        .compose(ready -> ready ? askSystem() : Future.succeededFuture(failed(Failure.TIMEOUT, null)))
        .recover(unexpected -> Future.succeededFuture(new PollResult.Error(
            "poll failed: " + unexpected.getClass().getSimpleName() + ": " + unexpected.getMessage(),
            List.of(SystemSamples.notAsked(tags, "error", timestamp)))));
  }

  /**
   * SNMPv3: learns the engine ID once per device, asynchronously, then localizes the user's keys
   * to it on a worker (password hashing takes milliseconds of CPU).
   */
  private Future<Boolean> engineReady() {
    if (!target.needsEngineId()) {
      return Future.succeededFuture(true);
    }
    SnmpSession session = polling.session();
    long timeoutMillis = Math.max(1, target.settings().timeout().toMillis());
    int retries = Math.max(0, target.settings().retries());
    return session.discoverEngineId(context, target.address(), timeoutMillis, retries).compose(engineId -> {
      if (engineId == null) {
        return Future.succeededFuture(false);
      }
      return context.executeBlocking(() -> {
        session.addUser(engineId, target.user());
        target.engineDiscovered(engineId);
        return true;
      }, false).onSuccess(discovered -> discoveredNow = discovered);
    });
  }

  private Future<PollResult> askSystem() {
    Target<?> snmpTarget = target.target();
    if (snmpTarget == null) {
      // Another poll of this device just forgot the engine: try again next time.
      return Future.succeededFuture(failed(new Failure(Failure.Kind.ERROR, "engine ID changed during the poll", true), null));
    }
    PDU request = polling.system().request(target);
    return polling.session().send(context, request, snmpTarget).compose(reply -> afterSystem(reply, snmpTarget));
  }

  private Future<PollResult> afterSystem(SnmpSession.Reply reply, Target<?> snmpTarget) {
    Failure failure = Failure.of(reply);
    if (failure != null) {
      return Future.succeededFuture(failed(failure, reply));
    }
    VariableBinding[] system = polling.system().values(reply.response());
    CounterRates.Poll rates = polling.rates().begin(deviceId, polling.system().upTimeTicks(system));
    return polling.session().walk(context, target.tableUtils(), snmpTarget, polling.tables())
        .map(walks -> assemble(reply, system, rates, walks.get(SnmpPolling.INTERFACES), walks.get(SnmpPolling.PROCESSORS),
            walks.get(SnmpPolling.STORAGE), walks.get(SnmpPolling.LOAD)));
  }

  private PollResult assemble(SnmpSession.Reply reply, VariableBinding[] system, CounterRates.Poll rates,
      TableWalk interfaces, TableWalk processors, TableWalk storage, TableWalk load) {
    Failure failure = worst(
        Failure.of("interfaces", interfaces), Failure.of("processors", processors),
        Failure.of("storage", storage), Failure.of("load", load));
    List<Sample> samples = new ArrayList<>(interfaces.rows().size() + processors.rows().size() + storage.rows().size() + 4);
    String status = failure == null ? "ok" : failure.status();
    samples.add(polling.system().answered(tags, system, reply.roundTripNanos(), status, timestamp));
    polling.interfaces().addTo(samples, interfaces.rows(), tags, rates, timestamp);
    if (interfaces.status() == org.snmp4j.util.RetrievalEvent.STATUS_OK) {
      rates.finish();
    }
    polling.hostResources().addCpu(samples, processors.rows(), tags, timestamp);
    polling.hostResources().addStorage(samples, storage.rows(), tags, timestamp);
    polling.load().addTo(samples, load.rows(), tags, timestamp);
    if (failure == null) {
      return new PollResult.Ok(samples);
    }
    if (failure.engineSuspect()) {
      target.forgetEngine();
    }
    return failure.kind() == Failure.Kind.AUTH
        ? new PollResult.AuthFailure(failure.reason(), samples)
        : new PollResult.Error(failure.reason(), samples);
  }

  /** The first authentication failure, else the first failure, else null. */
  private static Failure worst(Failure... failures) {
    Failure worst = null;
    for (Failure failure : failures) {
      if (failure != null && (worst == null || (failure.kind() == Failure.Kind.AUTH && worst.kind() != Failure.Kind.AUTH))) {
        worst = failure;
      }
    }
    return worst;
  }

  /** The result of a device that did not answer the system GET as hoped. */
  private PollResult failed(Failure reported, SnmpSession.Reply reply) {
    Failure failure = reported;
    if (failure.kind() == Failure.Kind.TIMEOUT && discoveredNow) {
      // net-snmp drops a request it cannot decrypt without a report, so a device that has just
      // answered the engine discovery and then ignores us most likely has another privacy key.
      failure = Failure.PRIVACY_SUSPECTED;
    }
    if (failure.engineSuspect()) {
      target.forgetEngine();
    }
    return switch (failure.kind()) {
      case TIMEOUT -> new PollResult.Timeout(List.of(SystemSamples.unreachable(tags, failure.status(), timestamp)));
      case AUTH -> new PollResult.AuthFailure(failure.reason(), List.of(SystemSamples.unreachable(tags, failure.status(), timestamp)));
      case ERROR -> new PollResult.Error(failure.reason(), List.of(errorSample(failure, reply)));
    };
  }

  /** A device that answered with an error is reachable; one we could not ask is of unknown reach. */
  private Sample errorSample(Failure failure, SnmpSession.Reply reply) {
    if (reply != null && reply.response() != null) {
      VariableBinding[] system = polling.system().values(reply.response());
      return polling.system().answered(tags, system, reply.roundTripNanos(), failure.status(), timestamp);
    }
    return SystemSamples.notAsked(tags, failure.status(), timestamp);
  }
}
