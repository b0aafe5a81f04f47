package org.leitwarte.collect;

import java.util.List;

/**
 * What one collector's poll of one device produced. Every outcome may carry samples: a device that
 * does not answer still yields {@code snmp reachable=0}, so the history shows the outage.
 */
public sealed interface PollResult {

  List<Sample> samples();

  /** The device answered; some values may still have been skipped (noSuchObject, odd types). */
  record Ok(List<Sample> samples) implements PollResult {
    public Ok {
      samples = List.copyOf(samples);
    }
  }

  /** The device did not answer within timeout and retries. */
  record Timeout(List<Sample> samples) implements PollResult {
    public Timeout {
      samples = List.copyOf(samples);
    }
  }

  /** The device answered but refused our credentials (SNMPv3 USM report, wrong user or key). */
  record AuthFailure(String reason, List<Sample> samples) implements PollResult {
    public AuthFailure {
      samples = List.copyOf(samples);
    }
  }

  /** Anything else that went wrong; {@code reason} is meant for a person reading the device status. */
  record Error(String reason, List<Sample> samples) implements PollResult {
    public Error {
      samples = List.copyOf(samples);
    }
  }

  /** A short word for logs, metrics and the device status. */
  default String status() {
    if (this instanceof Ok) {
      return "ok";
    } else if (this instanceof Timeout) {
      return "timeout";
    } else if (this instanceof AuthFailure) {
      return "auth_failure";
    }
    return "error";
  }
}
