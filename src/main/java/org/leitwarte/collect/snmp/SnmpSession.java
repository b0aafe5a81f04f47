package org.leitwarte.collect.snmp;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.transport.DefaultUdpTransportMapping;
import org.snmp4j.util.TableUtils;

/**
 * The one SNMP4J session of the collector: a UDP socket whose listen thread also decodes the
 * responses, and the USM with every supported protocol. Requests are asynchronous; their outcome
 * is handed to the Vert.x context that asked, as a future that never fails.
 *
 * <p>Decoding on the listen thread rather than in a {@code MultiThreadedMessageDispatcher} pool
 * saves a thread hand-over per message: measured with {@code RecordedAgentBenchmark} (200
 * simulated switches), 0.64 instead of 0.73 ms CPU per poll and a third more polls per second.
 */
final class SnmpSession {

  private static final int RECEIVE_BUFFER_BYTES = 4 << 20;

  private final Snmp snmp;
  private final USM usm;
  private final MPv3 mpv3;
  private final DefaultUdpTransportMapping transport;

  private SnmpSession(Snmp snmp, USM usm, MPv3 mpv3, DefaultUdpTransportMapping transport) {
    this.snmp = snmp;
    this.usm = usm;
    this.mpv3 = mpv3;
    this.transport = transport;
  }

  /**
   * Opens the socket; blocking, so call it from a worker.
   *
   * @param bindAddress SNMP4J form, {@code 127.0.0.1/0} (any free port)
   */
  static SnmpSession open(String bindAddress) throws IOException {
    // net-snmp answers a wrong password with an unauthenticated report; SNMP4J drops such reports
    // by default and the poll would look like a timeout instead of an authentication failure.
    SNMP4JSettings.setReportSecurityLevelStrategy(SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
    SecurityProtocols protocols = securityProtocols();
    byte[] localEngineId = MPv3.createLocalEngineID();
    USM usm = new USM(protocols, new OctetString(localEngineId), 0);
    MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    MPv3 mpv3 = new MPv3(localEngineId, null, protocols, new SecurityModels().addSecurityModel(usm), new CounterSupport());
    dispatcher.addMessageProcessingModel(mpv3);
    DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress(bindAddress));
    transport.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
    transport.setThreadName("leitwarte-snmp-" + bindAddress);
    Snmp snmp = new Snmp(dispatcher, transport);
    try {
      snmp.listen();
    } catch (IOException | RuntimeException e) {
      snmp.close();
      throw e;
    }
    return new SnmpSession(snmp, usm, mpv3, transport);
  }

  /** Every protocol of {@code SnmpSettings}; net-snmp's AES-192/256 match PrivAES192/256. */
  static SecurityProtocols securityProtocols() {
    SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
    protocols.addAuthenticationProtocol(new AuthMD5());
    protocols.addAuthenticationProtocol(new AuthSHA());
    protocols.addAuthenticationProtocol(new AuthHMAC128SHA224());
    protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
    protocols.addAuthenticationProtocol(new AuthHMAC256SHA384());
    protocols.addAuthenticationProtocol(new AuthHMAC384SHA512());
    protocols.addPrivacyProtocol(new PrivDES());
    protocols.addPrivacyProtocol(new PrivAES128());
    protocols.addPrivacyProtocol(new PrivAES192());
    protocols.addPrivacyProtocol(new PrivAES256());
    return protocols;
  }

  /** Where our socket listens. */
  UdpAddress localAddress() {
    return transport.getListenAddress();
  }

  /** TableUtils walking with GETBULK of {@code maxRepetitions} rows and all columns in one PDU. */
  TableUtils tableUtils(org.snmp4j.util.PDUFactory pduFactory, int maxRepetitions, int maxColumns) {
    TableUtils tableUtils = new TableUtils(snmp, pduFactory);
    tableUtils.setMaxNumRowsPerPDU(maxRepetitions);
    tableUtils.setMaxNumColumnsPerPDU(maxColumns);
    return tableUtils;
  }

  /** Sends {@code pdu}; the future completes on {@code context} and never fails. */
  Future<Reply> send(Context context, PDU pdu, Target<?> target) {
    Promise<Reply> promise = Promise.promise();
    long sent = System.nanoTime();
    ResponseListener listener = new ResponseListener() {
      @Override
      public <A extends Address> void onResponse(ResponseEvent<A> event) {
        long received = System.nanoTime();
        // SNMP4J keeps the request until it is cancelled, even after the answer came.
        snmp.cancel(event.getRequest(), this);
        Reply reply = new Reply(event.getResponse(), event.getError(), received - sent, received);
        context.runOnContext(ignored -> promise.complete(reply));
      }
    };
    try {
      snmp.send(pdu, target, null, listener);
    } catch (IOException | RuntimeException e) {
      Reply reply = new Reply(null, e, 0, System.nanoTime());
      return Future.succeededFuture(reply);
    }
    return promise.future();
  }

  /**
   * Walks several tables concurrently, the columns of each together. The future completes on
   * {@code context}, once, when the last walk is done (one hand-over instead of one per table),
   * and never fails: each walk carries its own status.
   */
  Future<List<TableWalk>> walk(Context context, TableUtils tableUtils, Target<?> target, List<OID[]> tables) {
    Promise<List<TableWalk>> promise = Promise.promise();
    AtomicInteger remaining = new AtomicInteger(tables.size());
    Runnable oneDone = () -> {
      if (remaining.decrementAndGet() == 0) {
        context.runOnContext(ignored -> promise.complete(null));
      }
    };
    List<TableWalk> walks = new ArrayList<>(tables.size());
    for (int i = 0; i < tables.size(); i++) {
      walks.add(new TableWalk(oneDone));
    }
    for (int i = 0; i < tables.size(); i++) {
      try {
        tableUtils.getTable(target, tables.get(i), walks.get(i), null, null, null);
      } catch (RuntimeException e) {
        walks.get(i).failed(e);
      }
    }
    return promise.future().map(done -> walks);
  }

  /**
   * Asks the SNMPv3 agent at {@code address} for its engine ID, asynchronously: an empty
   * noAuthNoPriv GET, whose usmStatsUnknownEngineIDs report carries the ID (RFC 3414 4.). SNMP4J's
   * own {@code discoverAuthoritativeEngineID} blocks its caller for up to timeout × tries, which
   * would tie up a worker thread per unreachable device and poll. The future completes on {@code
   * context} with null when the device does not answer.
   */
  Future<byte[]> discoverEngineId(Context context, UdpAddress address, long timeoutMillis, int retries) {
    OctetString stale = mpv3.removeEngineID(address);
    if (stale != null) {
      usm.removeEngineTime(stale);
    }
    ScopedPDU probe = new ScopedPDU();
    probe.setType(PDU.GET);
    UserTarget<UdpAddress> anonymous = new UserTarget<>();
    anonymous.setAddress(address);
    anonymous.setVersion(SnmpConstants.version3);
    anonymous.setSecurityLevel(SecurityLevel.NOAUTH_NOPRIV);
    anonymous.setTimeout(timeoutMillis);
    anonymous.setRetries(retries);
    return send(context, probe, anonymous).map(reply -> {
      OctetString engineId = mpv3.getEngineID(address);
      return engineId == null || engineId.length() == 0 ? null : engineId.getValue();
    });
  }

  /**
   * Adds {@code user} localized to one engine, so that devices using the same user name with
   * different passwords do not clash. Hashes the passwords (milliseconds): run it on a worker.
   */
  void addUser(byte[] engineId, UsmUser user) {
    usm.addUser(user, new OctetString(engineId));
  }

  void removeUser(byte[] engineId, OctetString userName) {
    usm.removeAllUsers(userName, new OctetString(engineId));
  }

  /** Closes the socket and stops the threads; blocking. */
  void close() throws IOException {
    snmp.close();
  }

  /**
   * The answer to one request: {@code response} is null on a timeout, {@code error} set when
   * SNMP4J could not send or decode.
   */
  record Reply(PDU response, Exception error, long roundTripNanos, long receivedNanos) {}
}
