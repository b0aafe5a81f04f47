package org.leitwarte.collect.trap;

import java.nio.ByteBuffer;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SNMP4J's message dispatcher with a rate limit per sender before anything is decoded or decrypted,
 * and exactly one {@link TrapOutcome} counted per packet. Packets are decoded one after the other on
 * the transport's listen thread, so the outcome of the packet at hand is a plain field: SNMP4J's
 * counters (parse errors, USM statistics) and the {@link TrapResponder} set it while the packet is
 * processed.
 */
final class GuardedDispatcher extends MessageDispatcherImpl implements CounterListener {

  private static final Logger LOG = LoggerFactory.getLogger(GuardedDispatcher.class);

  /** Decoded packets between two runs of the housekeeping. */
  static final int HOUSEKEEPING_EVERY = 256;

  private final SourceRateLimiter limiter;
  private final TrapCounters counters;
  private final Runnable housekeeping;
  private TrapOutcome outcome;
  private boolean handedOver;
  private long decoded;

  /** @param housekeeping runs on the listen thread every {@value #HOUSEKEEPING_EVERY} decoded packets */
  GuardedDispatcher(SourceRateLimiter limiter, TrapCounters counters, Runnable housekeeping) {
    this.limiter = limiter;
    this.counters = counters;
    this.housekeeping = housekeeping;
  }

  @Override
  public <A extends Address> void processMessage(
      TransportMapping<? super A> sourceTransport, A incomingAddress, ByteBuffer wholeMessage, TransportStateReference tmStateReference) {
    if (!limiter.tryAcquire(TrapResponder.host(incomingAddress))) {
      counters.count(TrapOutcome.RATE_LIMITED);
      return;
    }
    outcome = null;
    handedOver = false;
    try {
      super.processMessage(sourceTransport, incomingAddress, wholeMessage, tmStateReference);
    } catch (RuntimeException e) {
      // SNMP4J should catch its own decoding errors; whatever escapes must not stop the listen thread.
      LOG.debug("Undecodable packet from {}: {}", incomingAddress, e.toString());
      outcome = TrapOutcome.MALFORMED;
    }
    if (!handedOver) {
      counters.count(outcome == null ? TrapOutcome.MALFORMED : outcome);
    }
    if (++decoded % HOUSEKEEPING_EVERY == 0) {
      housekeeping.run();
    }
  }

  /** Only the first verdict on a packet counts: a wrong digest is not also a parse error. */
  void verdict(TrapOutcome verdict) {
    if (outcome == null) {
      outcome = verdict;
    }
  }

  /** The responder's word on a decoded message is final. */
  void decide(TrapOutcome decision) {
    outcome = decision;
  }

  void handedOver() {
    handedOver = true;
  }

  @Override
  public void incrementCounter(CounterEvent event) {
    OID oid = event.getOid();
    if (oid.equals(SnmpConstants.usmStatsUnknownEngineIDs) || oid.equals(SnmpConstants.usmStatsNotInTimeWindows)) {
      verdict(TrapOutcome.DISCOVERY);
    } else if (oid.equals(SnmpConstants.usmStatsWrongDigests) || oid.equals(SnmpConstants.usmStatsUnknownUserNames)
        || oid.equals(SnmpConstants.usmStatsDecryptionErrors) || oid.equals(SnmpConstants.usmStatsUnsupportedSecLevels)
        || oid.equals(SnmpConstants.snmpInBadCommunityNames)) {
      verdict(TrapOutcome.AUTH_FAILED);
    } else if (oid.equals(SnmpConstants.snmpInASNParseErrs) || oid.equals(SnmpConstants.snmpInBadVersions)
        || oid.equals(SnmpConstants.snmpUnknownSecurityModels) || oid.equals(SnmpConstants.snmpInvalidMsgs)
        || oid.equals(SnmpConstants.snmpUnknownPDUHandlers) || oid.equals(SnmpConstants.snmpUnknownContexts)) {
      verdict(TrapOutcome.MALFORMED);
    }
  }
}
