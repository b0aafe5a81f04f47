package org.leitwarte.testsupport;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;

/**
 * A real {@code snmpsimd} serving the Cisco C3750 recording shipped with snmpsim (59 interfaces,
 * 64-bit counters on 55 of them) on a loopback address 127.0.0.x and a free UDP port. The
 * recording is rewritten so that it moves: every ifHCInOctets/ifInOctets grows by {@value
 * #IN_OCTETS_PER_SECOND} octets per second, every ifHCOutOctets/ifOutOctets by {@value
 * #OUT_OCTETS_PER_SECOND}, and sysUpTime advances. Community {@value #COMMUNITY}. Runs as root
 * with {@code --process-user=nobody}, stopped by its PID. Slow (~25 polls/s of the switch per
 * core): for variety, not for load.
 */
public final class SnmpsimServer implements AutoCloseable {

  public static final String COMMUNITY = "cisco-switch";
  public static final Path CISCO_RECORDING = Path.of("/usr/share/doc/snmpsim/examples/data/cisco_16_switch.snmprec.gz");
  public static final int CISCO_INTERFACES = 59;
  /** A recorded Linux host (two processors in hrProcessorLoad, hrStorage, UCD load) under its own community. */
  public static final String LINUX_COMMUNITY = "linux-host";
  public static final Path LINUX_RECORDING = Path.of("/usr/share/doc/snmpsim/examples/data/recorded/linux-full-walk.snmprec.gz");
  public static final long IN_OCTETS_PER_SECOND = 1_000_000;
  public static final long OUT_OCTETS_PER_SECOND = 250_000;

  private static final String IF_IN_OCTETS = "1.3.6.1.2.1.2.2.1.10.";
  private static final String IF_OUT_OCTETS = "1.3.6.1.2.1.2.2.1.16.";
  private static final String IF_HC_IN_OCTETS = "1.3.6.1.2.1.31.1.1.1.6.";
  private static final String IF_HC_OUT_OCTETS = "1.3.6.1.2.1.31.1.1.1.10.";
  private static final String SYS_UP_TIME = "1.3.6.1.2.1.1.3.0";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

  private final Path directory;
  private final String host;
  private final int port;
  private Process process;

  private SnmpsimServer(Path directory, String host, int port) {
    this.directory = directory;
    this.host = host;
    this.port = port;
  }

  /** Starts snmpsimd with the moving Cisco recording on a free 127.0.0.x address and port. */
  public static SnmpsimServer start() {
    String host = "127.0.0." + ThreadLocalRandom.current().nextInt(2, 250);
    return start(host, SnmpdServer.freeUdpPort(host));
  }

  /** Starts snmpsimd on a given loopback address and port (discovery sweeps several agents on one port). */
  public static SnmpsimServer start(String host, int port) {
    try {
      Path directory = Files.createTempDirectory("leitwarte-snmpsim-");
      SnmpsimServer server = new SnmpsimServer(directory, host, port);
      Path data = Files.createDirectories(directory.resolve("data"));
      Files.createDirectories(directory.resolve("cache"));
      writeMovingRecording(CISCO_RECORDING, data.resolve(COMMUNITY + ".snmprec"));
      writeMovingRecording(LINUX_RECORDING, data.resolve(LINUX_COMMUNITY + ".snmprec"));
      server.handOverToNobody();
      server.launch();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("snmpsimd cannot be started", e);
    }
  }

  /**
   * Writes a gzipped {@code .snmprec} recording uncompressed to {@code target}, with the octet
   * counters turned into snmpsim's {@code numeric} variation so they grow in real time.
   */
  public static void writeMovingRecording(Path gzippedRecording, Path target) throws IOException {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(gzippedRecording)), StandardCharsets.UTF_8));
        Writer writer = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        writer.write(moving(line));
        writer.write('\n');
      }
    }
  }

  private static String moving(String line) {
    String[] parts = line.split("\\|", 3);
    if (parts.length != 3) {
      return line;
    }
    String oid = parts[0];
    String type = parts[1];
    String value = parts[2];
    if (oid.equals(SYS_UP_TIME) && type.equals("67")) {
      return oid + "|67:numeric|rate=100,initial=" + value;
    }
    if (type.equals("70") && oid.startsWith(IF_HC_IN_OCTETS)) {
      return oid + "|70:numeric|rate=" + IN_OCTETS_PER_SECOND + ",initial=" + value;
    }
    if (type.equals("70") && oid.startsWith(IF_HC_OUT_OCTETS)) {
      return oid + "|70:numeric|rate=" + OUT_OCTETS_PER_SECOND + ",initial=" + value;
    }
    if (type.equals("65") && oid.startsWith(IF_IN_OCTETS)) {
      return oid + "|65:numeric|rate=" + IN_OCTETS_PER_SECOND + ",initial=" + value + ",wrap=1";
    }
    if (type.equals("65") && oid.startsWith(IF_OUT_OCTETS)) {
      return oid + "|65:numeric|rate=" + OUT_OCTETS_PER_SECOND + ",initial=" + value + ",wrap=1";
    }
    return line;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String community() {
    return COMMUNITY;
  }

  public Path directory() {
    return directory;
  }

  public long pid() {
    return process.pid();
  }

  /** v2c with a 2 s timeout (snmpsim is slow), 1 retry, 25 repetitions. */
  public SnmpSettings settings() {
    return new SnmpSettings(SnmpVersion.V2C, port, Optional.of(Secret.of(COMMUNITY)), Optional.empty(),
        AuthProtocol.NONE, Optional.empty(), PrivProtocol.NONE, Optional.empty(),
        Optional.empty(), Duration.ofSeconds(2), 1, 25);
  }

  /** The recorded Linux host, same agent, its own community. */
  public SnmpSettings linuxSettings() {
    return new SnmpSettings(SnmpVersion.V2C, port, Optional.of(Secret.of(LINUX_COMMUNITY)), Optional.empty(),
        AuthProtocol.NONE, Optional.empty(), PrivProtocol.NONE, Optional.empty(),
        Optional.empty(), Duration.ofSeconds(2), 1, 25);
  }

  /** The simulated switch as a device: tenant {@code test}, site {@code lab}. */
  public Device device(String id) {
    return SnmpdServer.device(id, host, settings());
  }

  @Override
  public void close() {
    Process running = process;
    if (running != null) {
      Processes.stop(running, Duration.ofSeconds(5));
      process = null;
    }
    SnmpdServer.deleteRecursively(directory);
  }

  /** snmpsimd drops root privileges; the nobody user must read the data and write the cache. */
  private void handOverToNobody() throws IOException {
    if (!isRoot()) {
      return;
    }
    UserPrincipalLookupService lookup = directory.getFileSystem().getUserPrincipalLookupService();
    UserPrincipal nobody = lookup.lookupPrincipalByName("nobody");
    GroupPrincipal nogroup = lookup.lookupPrincipalByGroupName("nogroup");
    try (Stream<Path> paths = Files.walk(directory)) {
      for (Path path : (Iterable<Path>) paths::iterator) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        view.setOwner(nobody);
        view.setGroup(nogroup);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
      }
    }
  }

  private void launch() {
    List<String> command = new ArrayList<>(List.of("snmpsimd",
        "--data-dir=" + directory.resolve("data"),
        "--cache-dir=" + directory.resolve("cache"),
        "--agent-udpv4-endpoint=" + host + ":" + port,
        "--logging-method=file:" + directory.resolve("snmpsimd.log")));
    if (isRoot()) {
      command.add("--process-user=nobody");
      command.add("--process-group=nogroup");
    }
    ProcessBuilder builder = new ProcessBuilder(command)
        .redirectInput(new File("/dev/null"))
        .redirectOutput(directory.resolve("stdout.log").toFile())
        .redirectErrorStream(true);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("snmpsimd cannot be started (is the snmpsim package installed?)", e);
    }
    if (!SnmpdServer.answers(host, port, COMMUNITY, READY_TIMEOUT)) {
      String output = SnmpdServer.readQuietly(directory.resolve("stdout.log"));
      close();
      throw new IllegalStateException("snmpsimd did not answer on " + host + ":" + port + " within " + READY_TIMEOUT + ":\n" + output);
    }
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }
}
