package org.leitwarte.incident.notify;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.leitwarte.testsupport.FreePorts;

/**
 * GreenMail in the test JVM: SMTP, SMTPS and IMAP on free loopback ports, one user (the reply mailbox
 * {@code leitwarte@localhost}, password {@link #PASSWORD}). SMTPS presents a certificate made for
 * 127.0.0.1 by keytool, so the client verifies it like a real server's; {@link #trust()} trusts it.
 * GreenMail has no STARTTLS, so TLS is tested as implicit TLS (SMTPS).
 */
final class MailServer implements AutoCloseable {

  static final String USER = "leitwarte@localhost";
  static final String PASSWORD = "s3cret-Pass";
  private static final String STORE_PASSWORD = "changeit";

  private static Path certificate;

  final int smtpPort = FreePorts.tcp();
  final int smtpsPort = FreePorts.tcp();
  final int imapPort = FreePorts.tcp();
  final GreenMail greenMail;

  MailServer() {
    ensureCertificate();
    greenMail = new GreenMail(new ServerSetup[] {
        new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
        new ServerSetup(smtpsPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS),
        new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)})
        .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
    greenMail.start();
  }

  /** Trusts the certificate of this JVM's GreenMail servers (and nothing else but the JVM's defaults). */
  static TrustOptions trust() {
    ensureCertificate();
    return new PemTrustOptions().addCertPath(certificate.toString());
  }

  /**
   * A key pair for 127.0.0.1, made once per JVM; GreenMail reads the keystore when it first creates a
   * TLS server socket, so the properties are set before any server starts.
   */
  private static synchronized void ensureCertificate() {
    if (certificate != null) {
      return;
    }
    try {
      Path dir = Files.createTempDirectory("greenmail-tls");
      Path keystore = dir.resolve("greenmail.p12");
      Path pem = dir.resolve("greenmail.pem");
      keytool("-genkeypair", "-alias", "greenmail", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
          "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-keystore", keystore.toString(), "-storetype", "PKCS12", "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
      keytool("-exportcert", "-rfc", "-alias", "greenmail", "-keystore", keystore.toString(),
          "-storepass", STORE_PASSWORD, "-file", pem.toString());
      keystore.toFile().deleteOnExit();
      pem.toFile().deleteOnExit();
      dir.toFile().deleteOnExit();
      System.setProperty("greenmail.tls.keystore.file", keystore.toString());
      System.setProperty("greenmail.tls.keystore.password", STORE_PASSWORD);
      System.setProperty("greenmail.tls.key.password", STORE_PASSWORD);
      certificate = pem;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void keytool(String... arguments) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    List<String> command = new ArrayList<>(List.of(keytool.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException("keytool " + arguments[0] + " failed: " + new String(process.getInputStream().readAllBytes()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IOException("interrupted while running keytool", e);
    }
  }

  @Override
  public void close() {
    greenMail.stop();
  }
}
