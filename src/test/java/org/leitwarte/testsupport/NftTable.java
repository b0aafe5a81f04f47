package org.leitwarte.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A uniquely named nftables table ({@code inet} family) with one chain on the output hook, for tests that
 * need packet loss on loopback. Deleted on {@link #close()}; a shutdown hook deletes it too if a test
 * run is cut short. Use only rules that match loopback addresses of your own.
 *
 * <pre>{@code
 * try (NftTable table = NftTable.onOutput("ip daddr 127.0.77.1 icmp type echo-request drop")) { … }
 * }</pre>
 */
public final class NftTable implements AutoCloseable {

  private final String name;
  private final Thread cleanup;
  private boolean closed;

  private NftTable(String name) {
    this.name = name;
    this.cleanup = new Thread(this::delete, "delete nft table " + name);
  }

  /** Creates the table with {@code rules} (one per line) in an output-hook chain that accepts by default. */
  public static NftTable onOutput(String... rules) throws IOException, InterruptedException {
    String name = "leitwarte_test_" + ProcessHandle.current().pid() + "_"
        + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    StringBuilder ruleset = new StringBuilder()
        .append("table inet ").append(name).append(" {\n")
        .append("  chain out {\n")
        .append("    type filter hook output priority 0; policy accept;\n");
    for (String rule : rules) {
      ruleset.append("    ").append(rule).append('\n');
    }
    ruleset.append("  }\n}\n");
    NftTable table = new NftTable(name);
    nft(ruleset.toString(), "-f", "-");
    Runtime.getRuntime().addShutdownHook(table.cleanup);
    return table;
  }

  public String name() {
    return name;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      delete();
      Runtime.getRuntime().removeShutdownHook(cleanup);
      closed = true;
    }
  }

  private void delete() {
    try {
      nft("", "delete", "table", "inet", name);
    } catch (IOException e) {
      throw new IllegalStateException("could not delete nft table " + name + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void nft(String input, String... arguments) throws IOException, InterruptedException {
    String[] command = new String[arguments.length + 1];
    command[0] = "nft";
    System.arraycopy(arguments, 0, command, 1, arguments.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(StandardCharsets.UTF_8));
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("nft " + String.join(" ", arguments) + " did not finish");
    }
    if (process.exitValue() != 0) {
      throw new IOException("nft " + String.join(" ", arguments) + " failed (exit " + process.exitValue() + "): "
          + output + "\nruleset:\n" + input);
    }
  }
}
