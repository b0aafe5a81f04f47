package org.leitwarte.collect.trap;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.LeitwarteConfig.Traps.TrapUser;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.Snmp;
import org.snmp4j.TransportMapping;
import org.snmp4j.TransportStateReference;
import org.snmp4j.event.CounterEvent;
import org.snmp4j.event.CounterListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNMP4J side of the trap receiver: one UDP socket, v1, v2c and v3 (USM) message processing, and a
 * responder that checks the community or user, answers informs and hands each trap on as a {@link
 * ReceivedTrap}. Every packet gets exactly one {@link TrapOutcome}: packets are read and decoded one
 * after the other on SNMP4J's listen thread, so the outcome of the packet at hand is a plain field.
 * A source over its rate is dropped before anything is decoded or decrypted.
 */
final class TrapReceiver implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(TrapReceiver.class);
  private static final int RECEIVE_BUFFER_BYTES = 4 << 20;
  private static final int MAX_SOURCES = 10_000;
  private static final OID SNMP_TRAP_OID = SnmpConstants.snmpTrapOID;
  private static final OID SYS_UP_TIME = SnmpConstants.sysUpTime;

  private final Snmp snmp;
  private final DefaultUdpTransportMapping transport;

  private TrapReceiver(Snmp snmp, DefaultUdpTransportMapping transport) {
    this.snmp = snmp;
    this.transport = transport;
  }

  /**
   * Opens the socket and starts listening; blocking, so call it from a worker.
   *
   * @param sink gets each accepted trap, on SNMP4J's listen thread: hand it over, don't work there
   */
  static TrapReceiver open(LeitwarteConfig.Traps config, TrapCounters counters, Consumer<ReceivedTrap> sink, Clock clock,
      LongSupplier nanoTime) throws IOException {
    SecurityProtocols protocols = securityProtocols();
    byte[] engineId = config.engineId().map(HexFormat.of()::parseHex).orElseGet(TrapReceiver::hostEngineId);
    CounterSupport counterSupport = new CounterSupport();
    USM usm = new USM(protocols, new OctetString(engineId), 0, counterSupport);
    config.users().forEach(user -> UsmUsers.add(usm, user));
    SourceRateLimiter limiter = new SourceRateLimiter(config.ratePerSource(), config.burst(), MAX_SOURCES, nanoTime);
    GuardedDispatcher dispatcher = new GuardedDispatcher(limiter, counters);
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(engineId, null, protocols, new SecurityModels().addSecurityModel(usm), counterSupport));
    dispatcher.addCounterListener(dispatcher);
    counterSupport.addCounterListener(dispatcher);
    UdpAddress listen = new UdpAddress(InetAddress.getByName(config.address()), config.port());
    DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(listen);
    transport.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
    transport.setThreadName("leitwarte-traps-" + listen);
    Snmp snmp = new Snmp(dispatcher, transport);
    snmp.addCommandResponder(new Responder(config, dispatcher, sink, clock));
    try {
      snmp.listen();
    } catch (IOException | RuntimeException e) {
      snmp.close();
      throw e;
    }
    return new TrapReceiver(snmp, transport);
  }

  /** Where the socket listens (the actual port when 0 was configured). */
  UdpAddress localAddress() {
    return transport.getListenAddress();
  }

  @Override
  public void close() throws IOException {
    snmp.close();
  }

  /** Every protocol a trap user may have; net-snmp's AES-192/256 match PrivAES192/256. */
  private static SecurityProtocols securityProtocols() {
    SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    protocols.addAuthenticationProtocol(new org.snmp4j.security.AuthMD5());
    protocols.addAuthenticationProtocol(new org.snmp4j.security.AuthSHA());
    protocols.addAuthenticationProtocol(new org.snmp4j.security.AuthHMAC128SHA224());
    protocols.addAuthenticationProtocol(new org.snmp4j.security.AuthHMAC192SHA256());
    protocols.addAuthenticationProtocol(new org.snmp4j.security.AuthHMAC256SHA384());
    protocols.addAuthenticationProtocol(new org.snmp4j.security.AuthHMAC384SHA512());
    protocols.addPrivacyProtocol(new org.snmp4j.security.PrivDES());
    protocols.addPrivacyProtocol(new org.snmp4j.security.PrivAES128());
    protocols.addPrivacyProtocol(new org.snmp4j.security.PrivAES192());
    protocols.addPrivacyProtocol(new org.snmp4j.security.PrivAES256());
    return protocols;
  }

  /** Stable across restarts of the same host, so that senders of informs keep their entry for us. */
  private static byte[] hostEngineId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      host = "localhost";
    }
    return MPv3.createLocalEngineID(new OctetString("leitwarte@" + host));
  }

  /** Rate limit before decoding, and one outcome per packet. */
  private static final class GuardedDispatcher extends MessageDispatcherImpl implements CounterListener {

    private final SourceRateLimiter limiter;
    private final TrapCounters counters;
    private TrapOutcome outcome;
    private boolean handedOver;

    GuardedDispatcher(SourceRateLimiter limiter, TrapCounters counters) {
      this.limiter = limiter;
      this.counters = counters;
    }

    @Override
    public <A extends Address> void processMessage(
        TransportMapping<? super A> sourceTransport, A incomingAddress, ByteBuffer wholeMessage, TransportStateReference tmStateReference) {
      if (!limiter.tryAcquire(host(incomingAddress))) {
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

  static String host(Address address) {
    if (address instanceof IpAddress ip) {
      return ip.getInetAddress().getHostAddress();
    }
    return String.valueOf(address);
  }

  /** Checks who sent a notification, answers informs and hands the trap on. */
  private static final class Responder implements CommandResponder {

    private final List<byte[]> communities;
    private final Map<String, TrapUser> users;
    private final GuardedDispatcher dispatcher;
    private final Consumer<ReceivedTrap> sink;
    private final Clock clock;

    Responder(LeitwarteConfig.Traps config, GuardedDispatcher dispatcher, Consumer<ReceivedTrap> sink, Clock clock) {
      this.clock = clock;
      this.communities = config.communities().stream().map(secret -> secret.reveal().getBytes(StandardCharsets.UTF_8)).toList();
      this.users = config.users().stream().collect(Collectors.toMap(TrapUser::user, user -> user, (first, second) -> first));
      this.dispatcher = dispatcher;
      this.sink = sink;
    }

    @Override
    public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
      event.setProcessed(true);
      PDU pdu = event.getPDU();
      if (pdu == null || !(pdu.getType() == PDU.TRAP || pdu.getType() == PDU.V1TRAP || pdu.getType() == PDU.INFORM)) {
        dispatcher.decide(TrapOutcome.MALFORMED);
        return;
      }
      Optional<String> version = authenticated(event);
      if (version.isEmpty()) {
        dispatcher.decide(TrapOutcome.AUTH_FAILED);
        return;
      }
      Optional<ReceivedTrap> trap = received(pdu, host(event.getPeerAddress()), version.get(), clock.millis());
      if (trap.isEmpty()) {
        dispatcher.decide(TrapOutcome.MALFORMED);
        return;
      }
      if (pdu.getType() == PDU.INFORM) {
        acknowledge(event);
      }
      dispatcher.handedOver();
      sink.accept(trap.get());
    }

    /** The version, when the community is one of ours or the v3 user sent with at least its configured level. */
    private <A extends Address> Optional<String> authenticated(CommandResponderEvent<A> event) {
      byte[] securityName = event.getSecurityName() == null ? new byte[0] : event.getSecurityName();
      return switch (event.getMessageProcessingModel()) {
        case MessageProcessingModel.MPv1 -> knownCommunity(securityName) ? Optional.of("1") : Optional.empty();
        case MessageProcessingModel.MPv2c -> knownCommunity(securityName) ? Optional.of("2c") : Optional.empty();
        case MessageProcessingModel.MPv3 -> {
          TrapUser user = users.get(new String(securityName, StandardCharsets.UTF_8));
          yield user != null && event.getSecurityLevel() >= UsmUsers.securityLevel(user) ? Optional.of("3") : Optional.empty();
        }
        default -> Optional.empty();
      };
    }

    private boolean knownCommunity(byte[] community) {
      boolean known = false;
      for (byte[] ours : communities) {
        // Compare with every community in constant time, so timing tells nothing about them.
        known |= MessageDigest.isEqual(ours, community);
      }
      return known;
    }

    private static <A extends Address> void acknowledge(CommandResponderEvent<A> event) {
      PDU response = (PDU) event.getPDU().clone();
      response.setType(PDU.RESPONSE);
      response.setErrorStatus(PDU.noError);
      response.setErrorIndex(0);
      try {
        event.getMessageDispatcher().returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(),
            event.getSecurityName(), event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(), event.getStateReference(),
            new StatusInformation());
      } catch (MessageException e) {
        LOG.debug("Could not acknowledge an inform from {}: {}", event.getPeerAddress(), e.getMessage());
      }
    }
  }

  /** The trap in plain values; empty when a v2 notification lacks snmpTrapOID.0 or a v1 trap has an unknown generic number. */
  static Optional<ReceivedTrap> received(PDU pdu, String source, String version, long now) {
    List<ReceivedTrap.Binding> bindings = new ArrayList<>();
    String trapOid = null;
    if (pdu instanceof PDUv1 v1) {
      String enterprise = v1.getEnterprise() == null ? "" : v1.getEnterprise().toDottedString();
      trapOid = TrapNames.v1TrapOid(enterprise, v1.getGenericTrap(), v1.getSpecificTrap()).orElse(null);
    }
    for (VariableBinding binding : pdu.getVariableBindings()) {
      OID oid = binding.getOid();
      if (oid.equals(SNMP_TRAP_OID) && binding.getVariable() instanceof OID value) {
        trapOid = value.toDottedString();
      } else if (!oid.equals(SYS_UP_TIME)) {
        bindings.add(new ReceivedTrap.Binding(oid.toDottedString(), text(binding.getVariable()), number(binding.getVariable())));
      }
    }
    if (trapOid == null) {
      return Optional.empty();
    }
    return Optional.of(new ReceivedTrap(source, version, pdu.getType() == PDU.INFORM, trapOid, bindings, now));
  }

  private static String text(Variable variable) {
    return variable instanceof OID oid ? oid.toDottedString() : variable.toString();
  }

  private static OptionalLong number(Variable variable) {
    if (variable instanceof Integer32 || variable instanceof UnsignedInteger32 || variable instanceof Counter64) {
      return OptionalLong.of(variable.toLong());
    }
    return OptionalLong.empty();
  }
}
