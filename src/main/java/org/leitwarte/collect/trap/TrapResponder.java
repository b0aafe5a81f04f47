package org.leitwarte.collect.trap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.LeitwarteConfig.Traps.TrapUser;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.MessageProcessingModel;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Checks who sent a notification, answers informs and hands the trap on. */
final class TrapResponder implements CommandResponder {

  private static final Logger LOG = LoggerFactory.getLogger(TrapResponder.class);
  private static final OID SNMP_TRAP_OID = SnmpConstants.snmpTrapOID;
  private static final OID SYS_UP_TIME = SnmpConstants.sysUpTime;

  private final List<byte[]> communities;
  private final Map<String, TrapUser> users;
  private final GuardedDispatcher dispatcher;
  private final Consumer<ReceivedTrap> sink;
  private final Clock clock;

  TrapResponder(LeitwarteConfig.Traps config, GuardedDispatcher dispatcher, Consumer<ReceivedTrap> sink, Clock clock) {
    this.communities = config.communities().stream().map(secret -> secret.reveal().getBytes(StandardCharsets.UTF_8)).toList();
    this.users = config.users().stream().collect(Collectors.toMap(TrapUser::user, user -> user, (first, second) -> first));
    this.dispatcher = dispatcher;
    this.sink = sink;
    this.clock = clock;
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

  static String host(Address address) {
    if (address instanceof IpAddress ip) {
      return ip.getInetAddress().getHostAddress();
    }
    return String.valueOf(address);
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
