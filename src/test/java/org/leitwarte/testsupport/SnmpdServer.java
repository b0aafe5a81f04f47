package org.leitwarte.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;
import org.snmp4j.CommunityTarget;
import org.snmp4j.PDU;
import org.snmp4j.Snmp;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A real net-snmp {@code snmpd} on 127.0.0.1 and a free UDP port, in a temporary directory, with
 * the community {@value #COMMUNITY} (v1 and v2c) and the SNMPv3 users of {@link #USERS}. Stopped
 * by its PID. {@link #restart()} keeps the directory and port: the engine ID and users stay,
 * engineBoots goes up. Use it through {@link SnmpdExtension} (one agent per test run) or start a
 * private one with {@link #start()} / {@link #start(List)} and close it.
 */
public final class SnmpdServer implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final String COMMUNITY = "testcomm";
  public static final String SYS_NAME = "snmpd-test";
  /** A v2c community whose view hides sysName and ifAlias: the agent answers noSuchObject for them. */
  public static final String RESTRICTED_COMMUNITY = "restricted";

  /** One SNMPv3 user of the agent; {@code priv} NONE is authNoPriv, {@code auth} NONE noAuthNoPriv. */
  public record User(String name, AuthProtocol auth, String authPassword, PrivProtocol priv, String privPassword) {

    /** The same user with other passwords, e.g. wrong ones. */
    public User withPasswords(String newAuthPassword, String newPrivPassword) {
      return new User(name, auth, newAuthPassword, priv, newPrivPassword);
    }

    String level() {
      return auth == AuthProtocol.NONE ? "noauth" : priv == PrivProtocol.NONE ? "auth" : "priv";
    }
  }

  /** The default user: SHA-256 / AES-256, authPriv. */
  public static final User MONUSER = new User("monuser", AuthProtocol.SHA_256, "authpass123", PrivProtocol.AES_256, "privpass123");

  /** Every auth × priv combination worth testing, including short auth keys that need extending. */
  public static final List<User> USERS = List.of(
      MONUSER,
      new User("md5des", AuthProtocol.MD5, "authpass123", PrivProtocol.DES, "privpass123"),
      new User("shaaes", AuthProtocol.SHA, "authpass123", PrivProtocol.AES_128, "privpass123"),
      new User("sha224auth", AuthProtocol.SHA_224, "authpass123", PrivProtocol.NONE, null),
      new User("sha384aes192", AuthProtocol.SHA_384, "authpass123", PrivProtocol.AES_192, "privpass123"),
      new User("sha512aes192", AuthProtocol.SHA_512, "authpass123", PrivProtocol.AES_192, "privpass123"),
      new User("sha512aes256", AuthProtocol.SHA_512, "authpass123", PrivProtocol.AES_256, "privpass123"),
      new User("md5aes256", AuthProtocol.MD5, "authpass123", PrivProtocol.AES_256, "privpass123"),
      new User("shaaes192", AuthProtocol.SHA, "authpass123", PrivProtocol.AES_192, "privpass123"),
      new User("sha224aes256", AuthProtocol.SHA_224, "authpass123", PrivProtocol.AES_256, "privpass123"),
      new User("noauth", AuthProtocol.NONE, null, PrivProtocol.NONE, null));

  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final String host;
  private final int port;
  private final List<User> users;
  private Process process;

  private SnmpdServer(Path directory, String host, int port, List<User> users) {
    this.directory = directory;
    this.host = host;
    this.port = port;
    this.users = List.copyOf(users);
  }

  /** Starts an agent with {@link #USERS}. */
  public static SnmpdServer start() {
    return start(USERS);
  }

  /** Starts an agent with the given SNMPv3 users. */
  public static SnmpdServer start(List<User> users) {
    return start(HOST, freeUdpPort(HOST), users);
  }

  /**
   * Starts an agent on another loopback address and a given port (discovery sweeps several agents on one
   * port); it answers the community from 127.0.0.1, where the tests' requests come from.
   */
  public static SnmpdServer start(String host, int port, List<User> users) {
    try {
      Path directory = Files.createTempDirectory("leitwarte-snmpd-");
      SnmpdServer server = new SnmpdServer(directory, host, port, users);
      server.writeConfiguration();
      server.launch();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("snmpd cannot be started", e);
    }
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public Path directory() {
    return directory;
  }

  public List<User> users() {
    return users;
  }

  public User user(String name) {
    return users.stream().filter(u -> u.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("snmpd has no user " + name));
  }

  /** The PID of the running agent. */
  public long pid() {
    return process.pid();
  }

  /** Stops the agent (it saves engineBoots) and starts it again on the same port and directory. */
  public void restart() {
    stopProcess();
    launch();
  }

  @Override
  public void close() {
    stopProcess();
    deleteRecursively(directory);
  }

  public SnmpSettings v2cSettings() {
    return communitySettings(SnmpVersion.V2C, COMMUNITY);
  }

  public SnmpSettings v1Settings() {
    return communitySettings(SnmpVersion.V1, COMMUNITY);
  }

  /** Settings for {@code user}: 1 s timeout, 1 retry, 10 repetitions. */
  public SnmpSettings v3Settings(User user) {
    return new SnmpSettings(SnmpVersion.V3, port, Optional.empty(), Optional.of(user.name()),
        user.auth(), Optional.ofNullable(user.authPassword()).map(Secret::of),
        user.priv(), Optional.ofNullable(user.privPassword()).map(Secret::of),
        Optional.empty(), Duration.ofSeconds(1), 1, 10);
  }

  public SnmpSettings communitySettings(SnmpVersion version, String community) {
    return new SnmpSettings(version, port, Optional.of(Secret.of(community)), Optional.empty(),
        AuthProtocol.NONE, Optional.empty(), PrivProtocol.NONE, Optional.empty(),
        Optional.empty(), Duration.ofSeconds(1), 1, 10);
  }

  /** A device at this agent: tenant {@code test}, site {@code lab}. */
  public Device device(String id, SnmpSettings settings) {
    return device(id, host, settings);
  }

  /** A device with SNMP settings at {@code address}, tenant {@code test}, site {@code lab}. */
  public static Device device(String id, String address, SnmpSettings settings) {
    return new Device(id, "test", "lab", address, Optional.of(settings), false, Duration.ofMinutes(1),
        Optional.empty(), Map.of(), List.of(), "test:" + id);
  }

  private void writeConfiguration() throws IOException {
    Path persist = directory.resolve("persist");
    Files.createDirectories(persist);
    StringBuilder config = new StringBuilder()
        .append("agentAddress udp:").append(host).append(':').append(port).append('\n')
        .append("rocommunity ").append(COMMUNITY).append(' ').append(HOST).append('\n')
        .append("view restrictedView included .1\n")
        .append("view restrictedView excluded .1.3.6.1.2.1.1.5\n")
        .append("view restrictedView excluded .1.3.6.1.2.1.31.1.1.1.18\n")
        .append("rocommunity ").append(RESTRICTED_COMMUNITY).append(' ').append(HOST).append(" -V restrictedView\n")
        .append("sysName ").append(SYS_NAME).append('\n')
        .append("dontLogTCPWrappersConnects yes\n");
    StringBuilder createUsers = new StringBuilder();
    for (User user : users) {
      config.append("rouser ").append(user.name()).append(' ').append(user.level()).append('\n');
      createUsers.append("createUser ").append(user.name());
      if (user.auth() != AuthProtocol.NONE) {
        createUsers.append(' ').append(user.auth().yamlName()).append(" \"").append(user.authPassword()).append('"');
        if (user.priv() != PrivProtocol.NONE) {
          createUsers.append(' ').append(user.priv().yamlName()).append(" \"").append(user.privPassword()).append('"');
        }
      }
      createUsers.append('\n');
    }
    Files.writeString(directory.resolve("snmpd.conf"), config, StandardCharsets.UTF_8);
    Files.writeString(directory.resolve("snmp.conf"), "mibs :\n", StandardCharsets.UTF_8);
    Files.writeString(persist.resolve("snmpd.conf"), createUsers, StandardCharsets.UTF_8);
  }

  private void launch() {
    Path persist = directory.resolve("persist");
    ProcessBuilder builder = new ProcessBuilder("snmpd", "-f", "-Lf", directory.resolve("snmpd.log").toString(), "-I", "-smux")
        .redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()))
        .redirectErrorStream(true);
    builder.environment().put("SNMPCONFPATH", directory + ":" + persist);
    builder.environment().put("SNMP_PERSISTENT_DIR", persist.toString());
    builder.environment().put("MIBS", "");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("snmpd cannot be started (is the snmpd package installed?)", e);
    }
    if (!answers(host, port, COMMUNITY, READY_TIMEOUT)) {
      String log = readQuietly(directory.resolve("snmpd.log"));
      stopProcess();
      throw new IllegalStateException("snmpd did not answer on " + host + ":" + port + " within " + READY_TIMEOUT + ":\n" + log);
    }
  }

  private void stopProcess() {
    Process running = process;
    if (running == null) {
      return;
    }
    Processes.stop(running, Duration.ofSeconds(5));
    process = null;
  }

  // --- helpers shared with SnmpsimServer ---

  /** A UDP port free on {@code host} right now. */
  static int freeUdpPort(String host) {
    return FreePorts.udp(host);
  }

  /** Whether an SNMP v2c agent answers a GET of sysUpTime at host:port within {@code timeout}. */
  static boolean answers(String host, int port, String community, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try (DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping(new UdpAddress(HOST + "/0"));
        Snmp snmp = new Snmp(transport)) {
      snmp.listen();
      CommunityTarget<UdpAddress> target = new CommunityTarget<>(new UdpAddress(host + "/" + port), new OctetString(community));
      target.setVersion(SnmpConstants.version2c);
      target.setTimeout(200);
      target.setRetries(0);
      while (System.nanoTime() < deadline) {
        PDU pdu = new PDU();
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.1.3.0")));
        ResponseEvent<UdpAddress> event = snmp.send(pdu, target);
        if (event.getResponse() != null) {
          return true;
        }
        Thread.sleep(50);
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  static String readQuietly(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "(no " + file.getFileName() + ")";
    } catch (IOException e) {
      return "(" + file + " unreadable: " + e.getMessage() + ")";
    }
  }

  static void deleteRecursively(Path directory) {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(directory)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temp directory is harmless.
    }
  }
}
