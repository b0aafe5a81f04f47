package org.leitwarte.collect.trap;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.leitwarte.config.LeitwarteConfig;
import org.snmp4j.Snmp;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SNMP4J side of the trap receiver: one UDP socket, v1, v2c and v3 (USM) message processing, the
 * {@link GuardedDispatcher} (rate limit per sender, one {@link TrapOutcome} per packet) and the {@link
 * TrapResponder}, which checks the community or user, answers informs and hands each trap on as a
 * {@link ReceivedTrap}.
 */
final class TrapReceiver implements AutoCloseable {

  private static final int RECEIVE_BUFFER_BYTES = 4 << 20;
  private static final int MAX_SOURCES = 10_000;
  /** Localised USM user entries kept at most (see {@link UsmUsers#bound}). */
  static final int MAX_USM_ENTRIES = 10_000;
  private static final Logger LOG = LoggerFactory.getLogger(TrapReceiver.class);
  /** The listen thread, which decodes every packet, is {@code leitwarte-traps-127.0.0.1/162}. */
  static final String THREAD_NAME_PREFIX = "leitwarte-traps-";

  private final Snmp snmp;
  private final DefaultUdpTransportMapping transport;
  private final USM usm;

  private TrapReceiver(Snmp snmp, DefaultUdpTransportMapping transport, USM usm) {
    this.snmp = snmp;
    this.transport = transport;
    this.usm = usm;
  }

  /**
   * Opens the socket and starts listening; blocking, so call it from a worker.
   *
   * @param sink gets each accepted trap, on SNMP4J's listen thread: hand it over, don't work there
   */
  static TrapReceiver open(LeitwarteConfig.Traps config, TrapCounters counters, Consumer<ReceivedTrap> sink, Clock clock,
      LongSupplier nanoTime) throws IOException {
    return open(config, counters, sink, clock, nanoTime, MAX_USM_ENTRIES);
  }

  /** @param maxUsmEntries localised USM user entries kept at most */
  static TrapReceiver open(LeitwarteConfig.Traps config, TrapCounters counters, Consumer<ReceivedTrap> sink, Clock clock,
      LongSupplier nanoTime, int maxUsmEntries) throws IOException {
    SecurityProtocols protocols = securityProtocols();
    byte[] engineId = config.engineId().map(HexFormat.of()::parseHex).orElseGet(TrapReceiver::hostEngineId);
    CounterSupport counterSupport = new CounterSupport();
    USM usm = new USM(protocols, new OctetString(engineId), 0, counterSupport);
    config.users().forEach(user -> UsmUsers.add(usm, user));
    SourceRateLimiter limiter = new SourceRateLimiter(config.ratePerSource(), config.burst(), MAX_SOURCES, nanoTime);
    Runnable housekeeping = () -> {
      if (UsmUsers.bound(usm, config.users(), maxUsmEntries)) {
        LOG.warn("SNMPv3 messages from more than {} engines: the USM user table starts again from the configured users",
            maxUsmEntries);
      }
    };
    GuardedDispatcher dispatcher = new GuardedDispatcher(limiter, counters, housekeeping);
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addMessageProcessingModel(new MPv3(engineId, null, protocols, new SecurityModels().addSecurityModel(usm), counterSupport));
    dispatcher.addCounterListener(dispatcher);
    counterSupport.addCounterListener(dispatcher);
    UdpAddress listen = new UdpAddress(InetAddress.getByName(config.address()), config.port());
    DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(listen);
    transport.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
    // With "async processing" SNMP4J allocates a fresh 64 KiB buffer for every packet (most of the
    // garbage per trap); packets are processed on the listen thread and nothing keeps the buffer, so
    // one buffer is reused.
    transport.setAsyncMsgProcessingSupported(false);
    Snmp snmp = new Snmp(dispatcher, transport);
    snmp.addCommandResponder(new TrapResponder(config, dispatcher, sink, clock));
    try {
      snmp.listen();
      // SNMP4J names only a running listen thread: before listen() this would be lost.
      transport.setThreadName(THREAD_NAME_PREFIX + listen);
    } catch (IOException | RuntimeException e) {
      snmp.close();
      throw e;
    }
    return new TrapReceiver(snmp, transport, usm);
  }

  /** Where the socket listens (the actual port when 0 was configured). */
  UdpAddress localAddress() {
    return transport.getListenAddress();
  }

  /** Entries in the USM user table: the configured users and their keys localised per engine. */
  int usmEntries() {
    return usm.getUserTable().getUserEntries().size();
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
}
