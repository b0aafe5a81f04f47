package org.leitwarte.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link RecordedAgent} fleet in a JVM of its own, so that the benchmark measures Leitwarte's CPU
 * alone. {@link #main} is the child; {@link #start} launches it with this JVM's class path and waits
 * for its "ready" line. The child exits when its stdin closes, so it never outlives the benchmark.
 */
public final class AgentProcess implements AutoCloseable {

  private final Process process;
  private final int port;
  private final List<String> addresses;

  private AgentProcess(Process process, int port, List<String> addresses) {
    this.process = process;
    this.port = port;
    this.addresses = addresses;
  }

  /** Child: {@code AgentProcess <devices> <recording.snmprec[.gz]> <octets per second>}. */
  public static void main(String[] args) throws Exception {
    int devices = Integer.parseInt(args[0]);
    Recording recording = Recording.load(Path.of(args[1]), Long.parseLong(args[2]), 1);
    try (RecordedAgent agent = RecordedAgent.start(recording, devices)) {
      System.out.println("ready " + agent.port());
      System.out.flush();
      // Blocks until the parent closes our stdin or dies.
      while (System.in.read() >= 0) {
        // nothing to read, only to notice the end
      }
      System.out.printf("agent answered %d requests with %.1f s of CPU%n", agent.requests(), agent.cpuNanos() / 1e9);
    }
  }

  public static AgentProcess start(int devices, Path recording, long octetsPerSecond) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-cp", System.getProperty("java.class.path"), AgentProcess.class.getName(),
        Integer.toString(devices), recording.toString(), Long.toString(octetsPerSecond)));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("ready ")) {
      process.destroyForcibly();
      throw new IOException("the simulated agents did not start: " + line);
    }
    return new AgentProcess(process, Integer.parseInt(line.substring(6)), RecordedAgent.loopbackAddresses(devices));
  }

  public int port() {
    return port;
  }

  public List<String> addresses() {
    return addresses;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.getOutputStream().close();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
