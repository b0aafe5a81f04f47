package org.leitwarte.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.CommandResponder;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcher;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.MessageException;
import org.snmp4j.PDU;
import org.snmp4j.PDUv1;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.mp.StatusInformation;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

/**
 * A fast simulated SNMP v1/v2c agent answering GET, GETNEXT and GETBULK from a {@link Recording}
 * held in memory, with moving counters and an advancing sysUpTime. One process, one thread, and as
 * many loopback addresses as wanted (127.0.1.1, 127.0.1.2, … all on the same port): a fleet of
 * identical devices for load tests. Any community is accepted; SNMPv3 is not simulated.
 */
public final class RecordedAgent implements CommandResponder, AutoCloseable {

  /** Room for the message and PDU headers around the variable bindings. */
  private static final int HEADER_ROOM = 128;
  private static final int MAX_RESPONSE = 65000;

  private final Recording recording;
  private final List<String> addresses;
  private final int port;
  private final SelectorUdpTransport.Loop loop;
  private final MessageDispatcher dispatcher;
  private final long startedNanos = System.nanoTime();
  private final AtomicLong requests = new AtomicLong();

  private RecordedAgent(Recording recording, List<String> addresses, int port, List<SelectorUdpTransport> transports)
      throws IOException {
    this.recording = recording;
    this.addresses = List.copyOf(addresses);
    this.port = port;
    dispatcher = new MessageDispatcherImpl();
    dispatcher.addMessageProcessingModel(new MPv1());
    dispatcher.addMessageProcessingModel(new MPv2c());
    dispatcher.addCommandResponder(this);
    for (SelectorUdpTransport transport : transports) {
      dispatcher.addTransportMapping(transport);
      transport.addTransportListener(dispatcher);
      transport.listen();
    }
    loop = new SelectorUdpTransport.Loop(transports, "recorded-agent");
    loop.start();
  }

  /**
   * Starts answering on {@code count} loopback addresses (see {@link #loopbackAddresses}) and one
   * port free on the first of them.
   */
  public static RecordedAgent start(Recording recording, int count) throws IOException {
    List<String> addresses = loopbackAddresses(count);
    return start(recording, addresses, freeUdpPort(addresses.get(0)));
  }

  public static RecordedAgent start(Recording recording, List<String> addresses, int port) throws IOException {
    List<SelectorUdpTransport> transports = new ArrayList<>(addresses.size());
    try {
      for (String address : addresses) {
        transports.add(new SelectorUdpTransport(new UdpAddress(InetAddress.getByName(address), port)));
      }
      return new RecordedAgent(recording, addresses, port, transports);
    } catch (IOException | RuntimeException e) {
      for (SelectorUdpTransport transport : transports) {
        transport.close();
      }
      throw e;
    }
  }

  /** 127.0.1.1 … 127.0.1.254, 127.0.2.1 …: {@code count} addresses, none of them 127.0.0.x. */
  public static List<String> loopbackAddresses(int count) {
    if (count < 1 || count > 254 * 254) {
      throw new IllegalArgumentException("between 1 and " + 254 * 254 + " addresses");
    }
    List<String> addresses = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      addresses.add("127.0." + (1 + i / 254) + "." + (1 + i % 254));
    }
    return addresses;
  }

  public List<String> addresses() {
    return addresses;
  }

  public int port() {
    return port;
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.get();
  }

  /** CPU time the agent's thread has used, in nanoseconds. */
  public long cpuNanos() {
    return ManagementFactory.getThreadMXBean().getThreadCpuTime(loop.threadId());
  }

  @Override
  public void close() throws IOException {
    loop.close();
  }

  @Override
  public <A extends Address> void processPdu(CommandResponderEvent<A> event) {
    PDU request = event.getPDU();
    if (request == null) {
      return;
    }
    int type = request.getType();
    boolean v1 = event.getMessageProcessingModel() == org.snmp4j.mp.MessageProcessingModel.MPv1;
    if (type != PDU.GET && type != PDU.GETNEXT && (type != PDU.GETBULK || v1)) {
      return;
    }
    event.setProcessed(true);
    double seconds = (System.nanoTime() - startedNanos) / 1e9;
    PDU response = v1 ? new PDUv1() : new PDU();
    response.setType(PDU.RESPONSE);
    response.setRequestID(request.getRequestID());
    int budget = Math.min(event.getMaxSizeResponsePDU(), MAX_RESPONSE) - HEADER_ROOM;
    if (type == PDU.GETBULK) {
      bulk(request, response, seconds, budget);
    } else {
      single(request, response, type == PDU.GETNEXT, v1, seconds);
    }
    requests.incrementAndGet();
    try {
      dispatcher.returnResponsePdu(event.getMessageProcessingModel(), event.getSecurityModel(), event.getSecurityName(),
          event.getSecurityLevel(), response, event.getMaxSizeResponsePDU(), event.getStateReference(), new StatusInformation());
    } catch (MessageException e) {
      // The manager retries; a simulator keeps serving.
    }
  }

  private void single(PDU request, PDU response, boolean next, boolean v1, double seconds) {
    List<? extends VariableBinding> asked = request.getVariableBindings();
    for (int i = 0; i < asked.size(); i++) {
      VariableBinding binding = asked.get(i);
      int index = next ? recording.indexAfter(binding.getOid()) : recording.indexOf(binding.getOid());
      if (index >= 0 && index < recording.size()) {
        response.add(recording.binding(index, seconds));
      } else if (v1) {
        response.setErrorStatus(SnmpConstants.SNMP_ERROR_NO_SUCH_NAME);
        response.setErrorIndex(i + 1);
        response.clear();
        response.addAll(asked);
        return;
      } else {
        response.add(new VariableBinding(binding.getOid(), next ? Null.endOfMibView : Null.noSuchObject));
      }
    }
  }

  /** GETBULK: non-repeaters once, then the repeaters row by row until the budget is spent. */
  private void bulk(PDU request, PDU response, double seconds, int budget) {
    List<? extends VariableBinding> asked = request.getVariableBindings();
    int nonRepeaters = Math.max(0, Math.min(request.getNonRepeaters(), asked.size()));
    int size = 0;
    for (int i = 0; i < nonRepeaters; i++) {
      size += add(response, asked.get(i), recording.indexAfter(asked.get(i).getOid()), seconds);
    }
    int repeaters = asked.size() - nonRepeaters;
    int[] cursors = new int[repeaters];
    for (int j = 0; j < repeaters; j++) {
      cursors[j] = recording.indexAfter(asked.get(nonRepeaters + j).getOid());
    }
    int maxRepetitions = Math.max(0, request.getMaxRepetitions());
    for (int repetition = 0; repetition < maxRepetitions && repeaters > 0; repetition++) {
      boolean anyLeft = false;
      for (int j = 0; j < repeaters; j++) {
        int added = add(response, asked.get(nonRepeaters + j), cursors[j]++, seconds);
        if (size + added > budget) {
          // Too big: drop this repetition's partial row and stop (RFC 3416 allows fewer rows).
          trimTo(response, nonRepeaters + repetition * repeaters);
          return;
        }
        size += added;
        anyLeft |= cursors[j] < recording.size();
      }
      if (!anyLeft) {
        return;
      }
    }
  }

  private int add(PDU response, VariableBinding asked, int index, double seconds) {
    VariableBinding binding = index < recording.size()
        ? recording.binding(index, seconds)
        : new VariableBinding(asked.getOid(), Null.endOfMibView);
    response.add(binding);
    return binding.getBERLength();
  }

  private static void trimTo(PDU response, int size) {
    while (response.size() > size) {
      response.trim();
    }
  }

  private static int freeUdpPort(String host) throws IOException {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(host), 0))) {
      return socket.getLocalPort();
    }
  }
}
