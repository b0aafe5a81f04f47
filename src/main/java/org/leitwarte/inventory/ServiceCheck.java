package org.leitwarte.inventory;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One service check of a device ({@code checks:} in the inventory): an NTP server, a mail or FTP
 * server, a TCP port or a web page on the device's address.
 *
 * @param name unique per device; the {@code check} tag of its samples
 * @param port the port connected to (for HTTP(S) the URL's port)
 * @param tls how the connection is secured; only SMTP, FTP, IMAP and POP3 use STARTTLS or implicit
 *     TLS, HTTPS always uses TLS
 * @param verifyTls whether a TLS certificate must be valid and trusted (the check still reports the
 *     days left of one that is not)
 * @param url for HTTP(S): the page asked for; its host is sent as Host and SNI, the connection goes to
 *     the device's address
 * @param expectStatus for HTTP(S): the status that counts as success (else any status below 400)
 * @param body for HTTP(S): text the answer must contain
 * @param timeout how long the check may take; empty: {@code service_checks.timeout} of the config
 * @param interval how often the check runs; empty: every poll of the device
 */
public record ServiceCheck(
    String name,
    Kind kind,
    int port,
    Tls tls,
    boolean verifyTls,
    Optional<URI> url,
    Optional<Integer> expectStatus,
    Optional<String> body,
    Optional<Duration> timeout,
    Optional<Duration> interval) {

  /** What is checked, with the ports it uses unless the inventory says otherwise. */
  public enum Kind {
    NTP(123, 123),
    SMTP(25, 465),
    FTP(21, 990),
    IMAP(143, 993),
    POP3(110, 995),
    TCP(0, 0),
    HTTP(80, 80),
    HTTPS(443, 443);

    private final int defaultPort;
    private final int implicitTlsPort;

    Kind(int defaultPort, int implicitTlsPort) {
      this.defaultPort = defaultPort;
      this.implicitTlsPort = implicitTlsPort;
    }

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The usual port; 0 when there is none (TCP). */
    public int defaultPort(Tls tls) {
      return tls == Tls.IMPLICIT ? implicitTlsPort : defaultPort;
    }

    /** SMTP, FTP, IMAP and POP3: a greeting line and an optional STARTTLS. */
    public boolean greets() {
      return this == SMTP || this == FTP || this == IMAP || this == POP3;
    }

    public boolean isHttp() {
      return this == HTTP || this == HTTPS;
    }
  }

  /** Transport security of a mail or FTP check. */
  public enum Tls {
    NONE,
    STARTTLS,
    IMPLICIT;

    public String yamlName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public ServiceCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(expectStatus, "expectStatus");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(interval, "interval");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("check '" + name + "': port " + port + " is not 1–65535");
    }
    if (kind.isHttp() && url.isEmpty()) {
      throw new IllegalArgumentException("check '" + name + "': an HTTP check needs a url");
    }
  }

  /** The {@code target} tag: {@code address:port}, or the URL of an HTTP(S) check. */
  public String target(String address) {
    if (url.isPresent()) {
      return url.get().toString();
    }
    return (address.contains(":") ? "[" + address + "]" : address) + ":" + port;
  }
}
