package org.leitwarte.collect.snmp;

import java.util.Map;
import org.snmp4j.PDU;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.util.RetrievalEvent;

/**
 * Why a request or walk did not yield data, in words for the device status.
 *
 * @param engineSuspect the cached SNMPv3 engine ID, time or localized keys may be stale: discover
 *     the engine again before the next request
 */
record Failure(Kind kind, String reason, boolean engineSuspect) {

  enum Kind {
    TIMEOUT,
    AUTH,
    ERROR
  }

  /** USM report counters (RFC 3414) and what they mean for a person. */
  private static final Map<OID, Failure> REPORTS = Map.of(
      prefix(SnmpConstants.usmStatsWrongDigests), auth("wrong digest: the auth password or protocol does not match"),
      prefix(SnmpConstants.usmStatsUnknownUserNames), auth("unknown user name"),
      prefix(SnmpConstants.usmStatsUnsupportedSecLevels), auth("unsupported security level for this user"),
      prefix(SnmpConstants.usmStatsDecryptionErrors), auth("decryption error: the priv password or protocol does not match"),
      prefix(SnmpConstants.usmStatsUnknownEngineIDs), new Failure(Kind.ERROR, "unknown engine ID", true),
      prefix(SnmpConstants.usmStatsNotInTimeWindows), new Failure(Kind.ERROR, "not in time window", true));

  static final Failure TIMEOUT = new Failure(Kind.TIMEOUT, "timeout", false);
  static final Failure PRIVACY_SUSPECTED = auth(
      "the agent answered engine discovery but not the encrypted request: wrong priv password or protocol?");

  private static Failure auth(String reason) {
    return new Failure(Kind.AUTH, reason, true);
  }

  private static OID prefix(OID counter) {
    OID trimmed = new OID(counter);
    if (trimmed.size() > 1 && trimmed.last() == 0) {
      trimmed.removeLast();
    }
    return trimmed;
  }

  /** The failure of a single request, or null when the device answered normally. */
  static Failure of(SnmpSession.Reply reply) {
    if (reply.error() != null) {
      return new Failure(Kind.ERROR, describe(reply.error()), false);
    }
    PDU response = reply.response();
    if (response == null) {
      return TIMEOUT;
    }
    if (response.getType() == PDU.REPORT) {
      return ofReport(response);
    }
    int errorStatus = response.getErrorStatus();
    if (errorStatus == SnmpConstants.SNMP_ERROR_AUTHORIZATION_ERROR) {
      return new Failure(Kind.AUTH, "authorization error: the user may not read with this security level", false);
    }
    if (errorStatus != PDU.noError) {
      return new Failure(Kind.ERROR, "agent answered " + response.getErrorStatusText(), false);
    }
    return null;
  }

  /** The failure of a table walk, or null when it completed. */
  static Failure of(String table, TableWalk walk) {
    return switch (walk.status()) {
      case RetrievalEvent.STATUS_OK, RetrievalEvent.STATUS_ROW_LIMIT_REACHED -> null;
      case RetrievalEvent.STATUS_TIMEOUT -> new Failure(Kind.ERROR, "walk of " + table + " timed out", false);
      case RetrievalEvent.STATUS_REPORT -> {
        Failure report = ofReport(walk.report());
        yield new Failure(report.kind(), "walk of " + table + ": " + report.reason(), report.engineSuspect());
      }
      case RetrievalEvent.STATUS_WRONG_ORDER -> new Failure(Kind.ERROR, "walk of " + table + ": agent returned OIDs out of order", false);
      default -> new Failure(Kind.ERROR, "walk of " + table + " failed: " + describe(walk.exception()), false);
    };
  }

  private static Failure ofReport(PDU report) {
    if (report == null || report.size() == 0) {
      return new Failure(Kind.ERROR, "empty report", true);
    }
    VariableBinding first = report.get(0);
    for (Map.Entry<OID, Failure> known : REPORTS.entrySet()) {
      if (first.getOid().startsWith(known.getKey())) {
        return known.getValue();
      }
    }
    return new Failure(Kind.ERROR, "report " + first.getOid().toDottedString(), false);
  }

  private static String describe(Exception error) {
    if (error == null) {
      return "unknown error";
    }
    return error.getMessage() == null ? error.getClass().getSimpleName() : error.getClass().getSimpleName() + ": " + error.getMessage();
  }

  /** The {@code status} field value for this failure. */
  String status() {
    return switch (kind) {
      case TIMEOUT -> "timeout";
      case AUTH -> "auth_failure";
      case ERROR -> "error";
    };
  }
}
