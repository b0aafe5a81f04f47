package org.leitwarte.collect.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.apache.commons.net.MalformedServerReplyException;
import org.apache.commons.net.SocketClient;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;
import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.imap.IMAPSClient;
import org.apache.commons.net.pop3.POP3Client;
import org.apache.commons.net.pop3.POP3SClient;
import org.apache.commons.net.smtp.SMTPClient;
import org.apache.commons.net.smtp.SMTPReply;
import org.apache.commons.net.smtp.SMTPSClient;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.inventory.ServiceCheck.Tls;

/**
 * Connects to an SMTP, FTP, IMAP or POP3 server with Apache Commons Net, reads its greeting, optionally
 * secures the connection (STARTTLS, or TLS from the start) and says goodbye. Reports the reply code (SMTP,
 * FTP), the greeting as the message and, over TLS, the days the server's certificate has left. Blocking:
 * runs on a worker thread; every read waits at most what is left of the check's timeout.
 */
final class GreetingProbe {

  /** Greetings are ASCII by the standards; UTF-8 shows a German server's umlauts as they are. */
  private static final String UTF_8 = "UTF-8";

  private final ServiceCheck check;
  private final String address;
  private final Duration timeout;
  private final Clock clock;
  private final ServerCertificates certificates;
  private long started;

  private GreetingProbe(ServiceCheck check, String address, Duration timeout, Clock clock) {
    this.check = check;
    this.address = address;
    this.timeout = timeout;
    this.clock = clock;
    this.certificates = ServerCertificates.recording(check.verifyTls());
  }

  static CheckResult run(ServiceCheck check, String address, Duration timeout, Clock clock) {
    return new GreetingProbe(check, address, timeout, clock).run();
  }

  private CheckResult run() {
    SocketClient client = client();
    client.setConnectTimeout((int) timeout.toMillis());
    client.setDefaultTimeout((int) timeout.toMillis());
    started = System.nanoTime();
    // connect() also reads the greeting (and, for implicit TLS, shakes hands first).
    String stage = "waiting for the greeting";
    try {
      client.connect(InetAddress.getByName(address), check.port());
      stage = "waiting for an answer after the greeting";
      client.setSoTimeout(remainingMillis());
      return withCertificate(converse(client));
    } catch (SocketTimeoutException e) {
      boolean connecting = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("connect timed out");
      return CheckResult.failed(elapsed(), Map.of(), "timed out after " + timeout.toMillis() + " ms "
          + (connecting ? "connecting to port " + check.port() : stage));
    } catch (MalformedServerReplyException e) {
      return CheckResult.failed(elapsed(), Map.of(), "unexpected greeting: " + e.getMessage());
    } catch (SSLException e) {
      return withCertificate(CheckResult.failed(elapsed(), Map.of(), "TLS failed: " + e.getMessage()));
    } catch (IOException e) {
      if (String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("timed out")) {
        // FTPClient reports a silent server this way rather than as a SocketTimeoutException.
        return CheckResult.failed(elapsed(), Map.of(), "timed out after " + timeout.toMillis() + " ms: " + e.getMessage());
      }
      return CheckResult.failed(elapsed(), Map.of(), describe(e));
    } finally {
      disconnect(client);
    }
  }

  private SocketClient client() {
    boolean implicit = check.tls() == Tls.IMPLICIT;
    boolean secured = check.tls() != Tls.NONE;
    SocketClient client = switch (check.kind()) {
      case SMTP -> secured ? new SMTPSClient("TLS", implicit, UTF_8) : new SMTPClient(UTF_8);
      case FTP -> implicit ? new FTPSClient(true) : secured ? new AuthTlsFtpClient() : new FTPClient();
      case IMAP -> secured ? new IMAPSClient(implicit) : new IMAPClient();
      case POP3 -> secured ? new POP3SClient(implicit) : new POP3Client();
      default -> throw new IllegalArgumentException("not a greeting check: " + check.kind());
    };
    if (client instanceof FTPClient ftp) {
      ftp.setControlEncoding(UTF_8);
    }
    if (client instanceof SMTPSClient smtps) {
      smtps.setTrustManager(certificates);
    } else if (client instanceof FTPSClient ftps) {
      ftps.setTrustManager(certificates);
    } else if (client instanceof IMAPSClient imaps) {
      imaps.setTrustManager(certificates);
    } else if (client instanceof POP3SClient pop3s) {
      pop3s.setTrustManager(certificates);
    }
    return client;
  }

  /** The dialogue after connecting (and, for implicit TLS and FTP's AUTH TLS, after the handshake). */
  private CheckResult converse(SocketClient client) throws IOException {
    return switch (check.kind()) {
      case SMTP -> smtp((SMTPClient) client);
      case FTP -> ftp((FTPClient) client);
      case IMAP -> imap((IMAPClient) client);
      case POP3 -> pop3((POP3Client) client);
      default -> throw new IllegalStateException(check.kind().toString());
    };
  }

  private CheckResult smtp(SMTPClient smtp) throws IOException {
    int code = smtp.getReplyCode();
    String greeting = smtp.getReplyString();
    if (!SMTPReply.isPositiveCompletion(code)) {
      return coded(false, code, "unexpected greeting: " + greeting);
    }
    if (check.tls() == Tls.STARTTLS) {
      smtp.sendCommand("EHLO", "leitwarte.invalid");
      if (!((SMTPSClient) smtp).execTLS()) {
        return coded(false, smtp.getReplyCode(), "STARTTLS refused: " + smtp.getReplyString());
      }
    }
    smtp.logout();
    return coded(true, code, greeting);
  }

  private CheckResult ftp(FTPClient ftp) throws IOException {
    int code = ftp.getReplyCode();
    String greeting = ftp.getReplyString();
    if (ftp instanceof AuthTlsFtpClient secured) {
      // AUTH TLS was sent while connecting: report the greeting before it, not AUTH's 234.
      code = secured.greetingCode;
      greeting = secured.greeting;
    }
    if (!FTPReply.isPositiveCompletion(code)) {
      return coded(false, code, "unexpected greeting: " + greeting);
    }
    ftp.logout();
    return coded(true, code, greeting);
  }

  private CheckResult imap(IMAPClient imap) throws IOException {
    String greeting = imap.getReplyString();
    if (!greeting.startsWith("* OK") && !greeting.startsWith("* PREAUTH")) {
      return plain(false, "unexpected greeting: " + greeting);
    }
    if (check.tls() == Tls.STARTTLS && !((IMAPSClient) imap).execTLS()) {
      return plain(false, "STARTTLS refused: " + imap.getReplyString());
    }
    imap.logout();
    return plain(true, greeting);
  }

  private CheckResult pop3(POP3Client pop3) throws IOException {
    String greeting = pop3.getReplyString();
    if (!greeting.startsWith("+OK")) {
      return plain(false, "unexpected greeting: " + greeting);
    }
    if (check.tls() == Tls.STARTTLS && !((POP3SClient) pop3).execTLS()) {
      return plain(false, "STLS refused: " + pop3.getReplyString());
    }
    pop3.logout();
    return plain(true, greeting);
  }

  private CheckResult coded(boolean ok, int code, String message) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reply_code", (long) code);
    return ok ? CheckResult.passed(elapsedMillis(), fields, message) : CheckResult.failed(elapsed(), fields, message);
  }

  private CheckResult plain(boolean ok, String message) {
    return ok ? CheckResult.passed(elapsedMillis(), Map.of(), message) : CheckResult.failed(elapsed(), Map.of(), message);
  }

  private CheckResult withCertificate(CheckResult result) {
    return certificates.seen()
        .map(certificate -> result.with("cert_days_left", ServerCertificates.daysLeft(certificate, clock.instant())))
        .orElse(result);
  }

  private int remainingMillis() {
    long left = timeout.toMillis() - (System.nanoTime() - started) / 1_000_000;
    return (int) Math.max(1, left);
  }

  private double elapsedMillis() {
    return (System.nanoTime() - started) / 1e6;
  }

  private Optional<Double> elapsed() {
    return Optional.of(elapsedMillis());
  }

  private String describe(IOException e) {
    String what = e.getClass().getSimpleName();
    String message = e.getMessage() == null ? "" : ": " + e.getMessage();
    if (e instanceof java.net.ConnectException) {
      return "connection refused on port " + check.port() + message;
    }
    if (e instanceof org.apache.commons.net.io.CopyStreamException || e instanceof java.io.EOFException) {
      return "the server closed the connection" + message;
    }
    return what + message;
  }

  private static void disconnect(SocketClient client) {
    try {
      if (client.isConnected()) {
        client.disconnect();
      }
    } catch (IOException ignored) {
      // The check is over either way.
    }
  }

  /** FTPS with AUTH TLS that remembers the greeting it read before asking for TLS. */
  private static final class AuthTlsFtpClient extends FTPSClient {
    private int greetingCode;
    private String greeting = "";

    AuthTlsFtpClient() {
      super(false);
    }

    @Override
    protected void execAUTH() throws IOException {
      greetingCode = getReplyCode();
      greeting = getReplyString();
      super.execAUTH();
    }
  }
}
