package org.leitwarte.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A real NTP server: Debian's {@code chronyd} on 127.0.0.1 and a free UDP port, serving its local clock
 * at stratum 8, never touching the system clock ({@code -x}), with its own pid and drift files in a
 * temporary directory, stopped by its PID. {@link #startOffBy(Duration)} runs it under libfaketime
 * (package {@code faketime}), so its clock, and the time it serves, is off by that much.
 */
public final class ChronyServer implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final int port;
  private Process process;

  private ChronyServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  /** A server with the machine's own time. */
  public static ChronyServer start() {
    return launch(Optional.empty());
  }

  /** A server whose clock is {@code offset} (whole seconds) ahead (negative: behind) of the machine's. */
  public static ChronyServer startOffBy(Duration offset) {
    return launch(Optional.of(offset));
  }

  public int port() {
    return port;
  }

  public long pid() {
    return process.pid();
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

  private static ChronyServer launch(Optional<Duration> offset) {
    try {
      Path directory = Files.createTempDirectory("leitwarte-chrony-");
      ChronyServer server = new ChronyServer(directory, FreePorts.udp(HOST));
      server.run(offset);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("chronyd cannot be started", e);
    }
  }

  private void run(Optional<Duration> offset) throws IOException {
    Path config = directory.resolve("chrony.conf");
    Files.writeString(config, """
        port %d
        bindaddress %s
        cmdport 0
        local stratum 8
        allow %s
        driftfile %s
        pidfile %s
        """.formatted(port, HOST, HOST, directory.resolve("drift"), directory.resolve("chronyd.pid")));
    ProcessBuilder builder = new ProcessBuilder(chronyd(), "-d", "-x", "-f", config.toString())
        .redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("chronyd.log").toFile()))
        .redirectErrorStream(true);
    if (offset.isPresent()) {
      // libfaketime in the environment rather than the faketime wrapper: the PID is chronyd's own.
      builder.environment().put("LD_PRELOAD", libfaketime().toString());
      long seconds = offset.get().toSeconds();
      builder.environment().put("FAKETIME", (seconds >= 0 ? "+" : "-") + Math.abs(seconds) + "s");
      builder.environment().put("FAKETIME_DONT_RESET", "1");
    }
    process = builder.start();
    if (!answers()) {
      String log = SnmpdServer.readQuietly(directory.resolve("chronyd.log"));
      close();
      throw new IllegalStateException("chronyd did not answer NTP on " + HOST + ":" + port + " within "
          + READY_TIMEOUT + ":\n" + log);
    }
  }

  private static String chronyd() {
    for (String candidate : new String[] {"/usr/sbin/chronyd", "/sbin/chronyd"}) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return "chronyd";
  }

  private static Path libfaketime() throws IOException {
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/usr/lib"))) {
      for (Path dir : dirs) {
        Path library = dir.resolve("faketime/libfaketime.so.1");
        if (Files.exists(library)) {
          return library;
        }
      }
    }
    Path plain = Path.of("/usr/lib/faketime/libfaketime.so.1");
    if (Files.exists(plain)) {
      return plain;
    }
    throw new IllegalStateException("libfaketime.so.1 not found (apt-get install faketime)");
  }

  /** Whether a client request (mode 3) gets an answer; bounded by {@link #READY_TIMEOUT}. */
  private boolean answers() throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
      socket.setSoTimeout(200);
      byte[] request = new byte[48];
      request[0] = 0x23;
      while (System.nanoTime() < deadline) {
        if (!process.isAlive()) {
          return false;
        }
        socket.send(new DatagramPacket(request, request.length, InetAddress.getByName(HOST), port));
        try {
          socket.receive(new DatagramPacket(new byte[512], 512));
          return true;
        } catch (SocketTimeoutException e) {
          // not up yet
        }
      }
      return false;
    }
  }
}
