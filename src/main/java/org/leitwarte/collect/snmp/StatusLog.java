package org.leitwarte.collect.snmp;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.leitwarte.collect.PollResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs a device's SNMP status when it changes (ok → timeout → ok), once, never per poll. */
final class StatusLog {

  private static final Logger LOG = LoggerFactory.getLogger(SnmpCollector.class);
  private static final String OK = "ok";

  private final Map<String, String> lastStatus = new ConcurrentHashMap<>();

  void record(String deviceId, PollResult result) {
    String status = result.status();
    String previous = lastStatus.put(deviceId, status);
    if (status.equals(previous) || (previous == null && status.equals(OK))) {
      return;
    }
    String reason = reason(result);
    if (status.equals(OK)) {
      LOG.info("SNMP device {} answers again (was {})", deviceId, previous);
    } else {
      LOG.warn("SNMP device {}: {}{}", deviceId, status, reason.isEmpty() ? "" : " (" + reason + ")");
    }
  }

  void forget(String deviceId) {
    lastStatus.remove(deviceId);
  }

  private static String reason(PollResult result) {
    if (result instanceof PollResult.AuthFailure failure) {
      return failure.reason();
    }
    if (result instanceof PollResult.Error error) {
      return error.reason();
    }
    return "";
  }
}
