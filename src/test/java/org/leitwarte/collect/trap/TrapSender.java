package org.leitwarte.collect.trap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * net-snmp's {@code snmptrap} and {@code snmpinform} (Debian package {@code snmp}), sending to a
 * receiver on loopback, with their own configuration and persistent directory (no MIBs loaded, no
 * state shared with the machine's). Each run waits at most 15 s and is killed after that.
 */
final class TrapSender {

  /** The v3 engine ID of the sending "device" in the tests. */
  static final String ENGINE_ID = "0x8000000001020304";
  static final String COMMUNITY = "trapcomm";
  static final String USER = "trapuser";
  static final String AUTH_PASSWORD = "authpass123";
  static final String PRIV_PASSWORD = "privpass123";

  private final Path directory;
  private final int port;

  TrapSender(Path directory, int port) {
    this.directory = directory;
    this.port = port;
    try {
      Files.createDirectories(directory);
      Files.writeString(directory.resolve("snmp.conf"), "mibs :\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Result(int exitCode, String output) {}

  /** A v2c linkDown of ifIndex {@code ifIndex} with ifAdminStatus up and ifOperStatus down. */
  Result v2cLinkDown(String community, int ifIndex) {
    return run(List.of("snmptrap", "-v2c", "-c", community, target(), "", TrapNames.LINK_DOWN,
        ifIndexOid(ifIndex), "i", Integer.toString(ifIndex), adminOid(ifIndex), "i", "1", operOid(ifIndex), "i", "2"));
  }

  /** A v3 authPriv trap from engine {@code engineId}. */
  Result v3Trap(String engineId, String user, String auth, String authPassword, String priv, String trapOid, int ifIndex,
      String operStatus) {
    return run(List.of("snmptrap", "-v3", "-e", engineId, "-l", "authPriv", "-u", user, "-a", auth, "-A", authPassword,
        "-x", priv, "-X", PRIV_PASSWORD, target(), "", trapOid,
        ifIndexOid(ifIndex), "i", Integer.toString(ifIndex), adminOid(ifIndex), "i", "1", operOid(ifIndex), "i", operStatus));
  }

  Result run(List<String> command) {
    return run(command, List.of());
  }

  /** @param options net-snmp options put right after the tool's name, e.g. {@code --clientaddr=127.0.0.2} */
  Result run(List<String> command, List<String> options) {
    List<String> full = new ArrayList<>();
    full.add(command.get(0));
    full.addAll(options);
    full.addAll(command.subList(1, command.size()));
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().put("SNMPCONFPATH", directory.toString());
    builder.environment().put("SNMP_PERSISTENT_DIR", directory.toString());
    builder.environment().put("MIBS", "");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        return new Result(-1, "timed out: " + String.join(" ", full));
      }
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return new Result(process.exitValue(), output);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + full.get(0) + " (Debian package snmp)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  String target() {
    return "udp:127.0.0.1:" + port;
  }

  static String ifIndexOid(int ifIndex) {
    return "1.3.6.1.2.1.2.2.1.1." + ifIndex;
  }

  static String adminOid(int ifIndex) {
    return "1.3.6.1.2.1.2.2.1.7." + ifIndex;
  }

  static String operOid(int ifIndex) {
    return "1.3.6.1.2.1.2.2.1.8." + ifIndex;
  }
}
