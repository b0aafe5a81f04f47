package org.leitwarte.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The parsed {@code leitwarte.yaml}: plain values, validated, every path already resolved against the
 * directory of the config file. Live objects (pools, sessions, verticles) are built from it elsewhere.
 *
 * @param rules the folder of alert rule files ({@code rules: ../alert-rules}); empty: no rules
 * @param grafana where the Grafana dashboards are; empty: no links to them
 */
public record LeitwarteConfig(
    Path file,
    Http http,
    Store store,
    Influx influx,
    Spool spool,
    List<Path> inventory,
    Polling polling,
    Icmp icmp,
    Optional<Path> rules,
    Incidents incidents,
    Notify notifications,
    Optional<Grafana> grafana,
    ServiceChecks serviceChecks,
    Optional<Traps> traps) {

  public LeitwarteConfig {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(influx, "influx");
    Objects.requireNonNull(spool, "spool");
    inventory = List.copyOf(inventory);
    Objects.requireNonNull(polling, "polling");
    Objects.requireNonNull(icmp, "icmp");
    Objects.requireNonNull(incidents, "incidents");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(grafana, "grafana");
    Objects.requireNonNull(serviceChecks, "serviceChecks");
    Objects.requireNonNull(traps, "traps");
  }

  /**
   * {@code grafana: {url: https://grafana.example/}}: where the dashboards of {@code dashboards/} are
   * served; a device's page in the web UI links to its dashboard there.
   */
  public record Grafana(URI url) {
    public Grafana {
      Objects.requireNonNull(url, "url");
    }
  }

  /**
   * {@code http: {host: 127.0.0.1, port: 8080, secure_cookies: false}}; the host defaults to loopback.
   *
   * @param secureCookies mark the session cookie Secure although requests arrive over plain HTTP: set it
   *     when a reverse proxy in front of Leitwarte terminates TLS
   */
  public record Http(String host, int port, boolean secureCookies) {

    public Http(String host, int port) {
      this(host, port, false);
    }
  }

  /**
   * {@code store: {url: …}}: {@code jdbc:h2:file:./data/leitwarte} (relative paths already resolved) or
   * {@code postgresql://user@host:5432/db}; {@code password} optional.
   */
  public record Store(String url, Optional<Secret> password) {}

  /**
   * {@code influx: {url, database, retention_policy, retention, username, password, batch_size,
   * flush_interval}}. The retention policy is created when missing, with {@code retention} as its
   * duration ({@link Duration#ZERO} means infinite).
   */
  public record Influx(
      URI url,
      String database,
      String retentionPolicy,
      Duration retention,
      Optional<String> username,
      Optional<Secret> password,
      int batchSize,
      Duration flushInterval) {}

  /** {@code spool: {dir, max_bytes}}: where lines wait while InfluxDB is away, and how much at most. */
  public record Spool(Path dir, long maxBytes) {}

  /**
   * {@code polling: {interval, max_concurrent, snmp: {timeout, retries, max_repetitions,
   * source_address}}}: defaults for every device, which a device may override; {@code
   * snmpSourceAddress} is the local address SNMP requests leave from ({@code 0.0.0.0}: any).
   */
  public record Polling(
      Duration interval,
      int maxConcurrent,
      Duration snmpTimeout,
      int snmpRetries,
      int maxRepetitions,
      String snmpSourceAddress) {}

  /**
   * {@code icmp: {fping, count, period, timeout, gap, batch_size}}: one fping process pings up to
   * {@code batchSize} hosts with {@code count} packets each, {@code period} apart per host, {@code gap}
   * between any two packets, waiting {@code timeout} for each reply.
   */
  public record Icmp(Path fping, int count, Duration period, Duration timeout, Duration gap, int batchSize) {}

  /**
   * {@code incidents: {public_url, link_secret, link_validity}}: acknowledge links point at {@code
   * publicUrl} (default: the HTTP server's own address) and are signed with {@code linkSecret}
   * (default: a random key made once and kept in the store).
   */
  public record Incidents(Optional<URI> publicUrl, Optional<Secret> linkSecret, Duration linkValidity) {}

  /**
   * {@code notify:}: how people are reached. Each channel is optional; a person is notified on every
   * channel that is configured here and for which they have an address.
   */
  public record Notify(
      Optional<Email> email,
      Optional<Secret> webhookSecret,
      Optional<Sms> sms,
      RateLimit rateLimit,
      Retries retries,
      Optional<Imap> imap) {

    /** {@code email: {host, port, tls, starttls, username, password, from}}. */
    public record Email(
        String host, int port, boolean tls, StartTls startTls, Optional<String> username, Optional<Secret> password, String from) {}

    /** Whether to use STARTTLS on a plain connection. */
    public enum StartTls {
      DISABLED,
      OPTIONAL,
      REQUIRED
    }

    /**
     * {@code sms: {url, method, body, headers}}: an HTTP SMS gateway; {@code url} and {@code body} are
     * templates with {@code {{phone}}} and {@code {{text}}}.
     */
    public record Sms(String url, String method, Optional<String> body, Map<String, String> headers, Optional<Secret> token) {
      public Sms {
        headers = Map.copyOf(headers);
      }
    }

    /** {@code rate_limit: {per_person, window}}: at most so many notifications per person and window. */
    public record RateLimit(int perPerson, Duration window) {}

    /** {@code retries: {attempts, first_delay, max_delay}}: exponential backoff per delivery. */
    public record Retries(int attempts, Duration firstDelay, Duration maxDelay) {}

    /**
     * {@code imap: {host, port, tls, username, password, folder, poll}}: replies to notifications that
     * start with ACK (or ok) acknowledge the incident.
     */
    public record Imap(String host, int port, boolean tls, String username, Secret password, String folder, Duration poll) {}
  }

  /**
   * {@code service_checks: {concurrency, timeout}}: how many checks with blocking clients (NTP, SMTP,
   * FTP, IMAP, POP3) run at once, and how long a check may take unless its inventory entry says otherwise.
   */
  public record ServiceChecks(int concurrency, Duration timeout) {

    public static final ServiceChecks DEFAULT = new ServiceChecks(16, Duration.ofSeconds(5));
  }

  /**
   * {@code traps:}: the SNMP trap and inform receiver ({@code collect.trap}); absent: none. v1 and v2c
   * traps are taken only with one of {@code communities}, v3 only from one of {@code users}. Each source
   * address may send {@code ratePerSource} traps a second, {@code burst} at once; at most {@code
   * keepPerDevice} events per device are kept, none older than {@code keepFor}.
   *
   * @param engineId the receiver's own SNMPv3 engine ID (hex), which informs are sent to; empty: derived
   *     from the host name
   */
  public record Traps(
      String address,
      int port,
      List<Secret> communities,
      List<TrapUser> users,
      Optional<String> engineId,
      int ratePerSource,
      int burst,
      int keepPerDevice,
      Duration keepFor) {

    public Traps {
      Objects.requireNonNull(address, "address");
      communities = List.copyOf(communities);
      users = List.copyOf(users);
      Objects.requireNonNull(engineId, "engineId");
      Objects.requireNonNull(keepFor, "keepFor");
    }

    /**
     * One USM user traps and informs are accepted from. {@code auth} and {@code priv} are the protocol
     * names of a device's {@code snmp:} section ({@code SHA-256}, {@code AES-256}, {@code none}).
     *
     * @param engineId the sender's engine ID (hex) this user is limited to; empty: any engine
     * @param source where the user was defined, {@code leitwarte.yaml:40}
     */
    public record TrapUser(
        String user, String auth, Optional<Secret> authPassword, String priv, Optional<Secret> privPassword,
        Optional<String> engineId, String source) {}
  }
}
