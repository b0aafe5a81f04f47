package org.leitwarte.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.Snmp;
import org.snmp4j.Target;
import org.snmp4j.UserTarget;
import org.snmp4j.mp.CounterSupport;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.MPv3;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModels;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * Senders of SNMP traps (SNMP4J) in a JVM of their own, so that encoding and encrypting them is not
 * counted as the receiver's CPU. Each sender is a "device" with its own socket on 127.0.x.y (see {@link
 * RecordedAgent#loopbackAddresses}) and, for v3, its own engine ID. {@link #main} is the child: it
 * reads commands from stdin, {@code go <traps per sender>}, sends them round-robin over the senders
 * (linkDown and linkUp of ifIndex 1–48, four varbinds) at the offered rate and answers {@code sent
 * <traps> <seconds> <cpu seconds>}; it exits when stdin closes, so it never outlives the benchmark.
 */
public final class TrapSenderProcess implements AutoCloseable {

  public static final String COMMUNITY = "bench-traps";
  public static final String USER = "benchuser";
  public static final String AUTH_PASSWORD = "bench-auth-pass";
  public static final String PRIV_PASSWORD = "bench-priv-pass";

  private static final OID LINK_DOWN = new OID("1.3.6.1.6.3.1.1.5.3");
  private static final OID LINK_UP = new OID("1.3.6.1.6.3.1.1.5.4");

  private final Process process;
  private final BufferedReader out;
  private final PrintWriter in;

  private TrapSenderProcess(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
  }

  /** What one {@code go} sent. */
  public record Sent(long traps, double seconds, double cpuSeconds) {}

  /**
   * @param version {@code 2c} or {@code 3} (authPriv, SHA-256 and AES-128)
   * @param offeredPerSecond traps per second of all senders together; 0: as fast as they go
   */
  public static TrapSenderProcess start(int port, List<String> addresses, String version, int offeredPerSecond) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), TrapSenderProcess.class.getName(),
        Integer.toString(port), Integer.toString(addresses.size()), version, Integer.toString(offeredPerSecond)));
    TrapSenderProcess sender = new TrapSenderProcess(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
    String line = sender.out.readLine();
    if (line == null || !line.equals("ready")) {
      sender.process.destroyForcibly();
      throw new IOException("the trap senders did not start: " + line);
    }
    return sender;
  }

  /** Sends {@code perSender} traps from each sender; blocks until they are out. */
  public Sent send(int perSender) throws IOException {
    in.println("go " + perSender);
    String line = out.readLine();
    if (line == null || !line.startsWith("sent ")) {
      throw new IOException("the trap senders failed: " + line);
    }
    String[] parts = line.split(" ");
    return new Sent(Long.parseLong(parts[1]), Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
  }

  @Override
  public void close() throws InterruptedException {
    in.close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  /** Child: {@code TrapSenderProcess <port> <senders> <2c|3> <offered per second>}. */
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    List<String> addresses = RecordedAgent.loopbackAddresses(Integer.parseInt(args[1]));
    boolean v3 = args[2].equals("3");
    int offered = Integer.parseInt(args[3]);
    UdpAddress receiver = new UdpAddress(InetAddress.getByName("127.0.0.1"), port);
    List<Snmp> sessions = new ArrayList<>();
    List<Target<UdpAddress>> targets = new ArrayList<>();
    for (int i = 0; i < addresses.size(); i++) {
      DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress(InetAddress.getByName(addresses.get(i)), 0));
      MessageDispatcherImpl dispatcher = new MessageDispatcherImpl();
      if (v3) {
        OctetString engineId = new OctetString(MPv3.createLocalEngineID(new OctetString("bench-sender-" + i)));
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.none);
        protocols.addAuthenticationProtocol(new AuthHMAC192SHA256());
        protocols.addPrivacyProtocol(new PrivAES128());
        USM usm = new USM(protocols, engineId, 0, new CounterSupport());
        usm.addUser(new OctetString(USER), engineId, new UsmUser(new OctetString(USER), AuthHMAC192SHA256.ID,
            new OctetString(AUTH_PASSWORD), PrivAES128.ID, new OctetString(PRIV_PASSWORD)));
        dispatcher.addMessageProcessingModel(new MPv3(engineId.getValue(), null, protocols,
            new SecurityModels().addSecurityModel(usm), new CounterSupport()));
        UserTarget<UdpAddress> target = new UserTarget<>(receiver, new OctetString(USER), engineId.getValue(),
            SecurityLevel.AUTH_PRIV);
        target.setVersion(SnmpConstants.version3);
        targets.add(target);
      } else {
        dispatcher.addMessageProcessingModel(new MPv2c());
        CommunityTarget<UdpAddress> target = new CommunityTarget<>(receiver, new OctetString(COMMUNITY));
        target.setVersion(SnmpConstants.version2c);
        targets.add(target);
      }
      sessions.add(new Snmp(dispatcher, transport));
    }
    System.out.println("ready");
    System.out.flush();
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long sequence = 0;
    for (String line = commands.readLine(); line != null && line.startsWith("go "); line = commands.readLine()) {
      int perSender = Integer.parseInt(line.substring(3).trim());
      long cpuBefore = os.getProcessCpuTime();
      long start = System.nanoTime();
      long sent = 0;
      for (int round = 0; round < perSender; round++) {
        for (int i = 0; i < sessions.size(); i++) {
          sessions.get(i).send(trap(v3, sequence++), targets.get(i));
          sent++;
          if (offered > 0) {
            pace(start, sent, offered);
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(java.util.Locale.ROOT, "sent %d %.3f %.3f%n", sent, seconds, (os.getProcessCpuTime() - cpuBefore) / 1e9);
      System.out.flush();
    }
    for (Snmp session : sessions) {
      session.close();
    }
  }

  /** A linkDown or linkUp (every other one) of ifIndex 1–48 with ifIndex, ifAdminStatus, ifOperStatus and ifDescr. */
  private static PDU trap(boolean v3, long sequence) {
    PDU pdu = v3 ? new ScopedPDU() : new PDU();
    pdu.setType(PDU.TRAP);
    int ifIndex = 1 + (int) (sequence / 2 % 48);
    boolean down = sequence % 2 == 0;
    pdu.add(new VariableBinding(SnmpConstants.sysUpTime, new TimeTicks(sequence)));
    pdu.add(new VariableBinding(SnmpConstants.snmpTrapOID, down ? LINK_DOWN : LINK_UP));
    pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.1." + ifIndex), new Integer32(ifIndex)));
    pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.7." + ifIndex), new Integer32(1)));
    pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8." + ifIndex), new Integer32(down ? 2 : 1)));
    pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.2." + ifIndex), new OctetString("GigabitEthernet1/0/" + ifIndex)));
    return pdu;
  }

  /** Sleeps while more than {@code sent} traps are ahead of the offered rate. */
  private static void pace(long start, long sent, int perSecond) throws InterruptedException {
    long due = start + sent * 1_000_000_000L / perSecond;
    long ahead = due - System.nanoTime();
    if (ahead > 1_000_000) {
      TimeUnit.NANOSECONDS.sleep(ahead);
    }
  }
}
