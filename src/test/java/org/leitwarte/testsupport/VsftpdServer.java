package org.leitwarte.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real FTP server: Debian's {@code vsftpd} in the foreground on 127.0.0.1 and a free TCP port, with
 * its own configuration in a temporary directory (anonymous, read-only, an empty root), greeting with
 * {@link #BANNER}; stopped by its PID. {@link #startWithTls(int)} also offers AUTH TLS with a self-signed
 * certificate (made by {@code openssl}) valid for the given number of days.
 */
public final class VsftpdServer implements AutoCloseable {

  public static final String HOST = "127.0.0.1";
  public static final String BANNER = "Leitwarte Test-FTP";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);

  private final Path directory;
  private final int port;
  private Process process;

  private VsftpdServer(Path directory, int port) {
    this.directory = directory;
    this.port = port;
  }

  public static VsftpdServer start() {
    return start(0);
  }

  /** A server that also offers AUTH TLS, with a certificate that expires in {@code days} days. */
  public static VsftpdServer startWithTls(int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be at least 1");
    }
    return start(days);
  }

  private static VsftpdServer start(int certificateDays) {
    try {
      Path directory = Files.createTempDirectory("leitwarte-vsftpd-");
      VsftpdServer server = new VsftpdServer(directory, FreePorts.tcp());
      server.run(certificateDays);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("vsftpd cannot be started", e);
    }
  }

  public int port() {
    return port;
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

  private void run(int certificateDays) throws IOException {
    Path root = Files.createDirectories(directory.resolve("empty"));
    Path config = directory.resolve("vsftpd.conf");
    Files.writeString(config, """
        listen=YES
        listen_ipv6=NO
        listen_address=%s
        listen_port=%d
        background=NO
        anonymous_enable=YES
        local_enable=NO
        write_enable=NO
        anon_root=%s
        secure_chroot_dir=%s
        ftpd_banner=%s
        run_as_launching_user=YES
        pasv_enable=NO
        seccomp_sandbox=NO
        xferlog_enable=NO
        vsftpd_log_file=%s
        """.formatted(HOST, port, root, root, BANNER, directory.resolve("vsftpd.log"))
        + (certificateDays > 0 ? tls(certificateDays) : ""));
    process = new ProcessBuilder(vsftpd(), config.toString())
        .redirectInput(new File("/dev/null"))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("stdout.log").toFile()))
        .redirectErrorStream(true)
        .start();
    if (!listening()) {
      String log = SnmpdServer.readQuietly(directory.resolve("stdout.log"));
      close();
      throw new IllegalStateException("vsftpd did not listen on " + HOST + ":" + port + ":\n" + log);
    }
  }

  private String tls(int days) throws IOException {
    Path certificate = directory.resolve("cert.pem");
    Path key = directory.resolve("key.pem");
    Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-days", Integer.toString(days), "-subj", "/CN=127.0.0.1", "-keyout", key.toString(), "-out",
        certificate.toString())
        .redirectErrorStream(true)
        .start();
    String output = new String(openssl.getInputStream().readAllBytes());
    try {
      if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
        openssl.destroyForcibly();
        throw new IllegalStateException("openssl could not make a certificate: " + output);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while making a certificate", e);
    }
    return """
        ssl_enable=YES
        allow_anon_ssl=YES
        force_anon_logins_ssl=NO
        force_anon_data_ssl=NO
        rsa_cert_file=%s
        rsa_private_key_file=%s
        """.formatted(certificate, key);
  }

  private static String vsftpd() {
    return Files.isExecutable(Path.of("/usr/sbin/vsftpd")) ? "/usr/sbin/vsftpd" : "vsftpd";
  }

  private boolean listening() {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline && process.isAlive()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 200);
        return true;
      } catch (IOException e) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }
}
