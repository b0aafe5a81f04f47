package org.leitwarte.inventory;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.AddressLiteral;
import org.leitwarte.config.Suggestions;
import org.leitwarte.config.YamlMap;
import org.leitwarte.config.YamlParsers;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;

/** Reads a device's {@code checks:} list and checks that each check's keys fit its kind. */
final class ServiceCheckReader {

  private static final Duration MIN_TIMEOUT = Duration.ofMillis(10);
  private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private ServiceCheckReader() {}

  /** The checks that could be read; every problem is reported at its line. */
  static List<ServiceCheck> read(List<YamlMap> entries) {
    Map<String, YamlMap> seen = new LinkedHashMap<>();
    List<ServiceCheck> checks = new ArrayList<>();
    for (YamlMap entry : entries) {
      String name = entry.string("name");
      if (name != null) {
        entry.describe(entry.where().replaceFirst("checks\\[\\d+]$", "check '" + name + "'"));
        if (!InventoryLoader.ID.matcher(name).matches()) {
          entry.problem("name", "must match [a-z0-9][a-z0-9._-]* (lower-case letters, digits, '.', '_' and '-')");
        }
        YamlMap earlier = seen.putIfAbsent(name, entry);
        if (earlier != null) {
          entry.problem("name", "this device already has a check '" + name + "' (" + earlier.source() + ")");
        }
      }
      read(entry, name).ifPresent(checks::add);
    }
    return checks;
  }

  private static Optional<ServiceCheck> read(YamlMap entry, String name) {
    Kind kind = entry.required("kind", ServiceCheckReader::kind);
    Optional<Tls> tlsSetting = entry.optional("tls", ServiceCheckReader::tls);
    Optional<Integer> port = entry.optional("port", YamlParsers.integer(1, 65535));
    boolean verifyTls = entry.bool("tls_verify", true);
    Optional<URI> url = entry.optional("url", ServiceCheckReader::url);
    Optional<Integer> expectStatus = entry.optional("expect_status", YamlParsers.integer(100, 599));
    Optional<String> body = entry.optionalString("body");
    Optional<Duration> timeout = entry.optional("timeout", YamlParsers.duration(MIN_TIMEOUT));
    Optional<Duration> interval = entry.optional("interval", YamlParsers.duration(MIN_INTERVAL));
    if (kind == null) {
      return Optional.empty();
    }
    Tls tls = tlsSetting.orElse(Tls.NONE);
    if (!kind.greets() && entry.has("tls")) {
      entry.problem("tls", "only smtp, ftp, imap and pop3 checks take tls (starttls or implicit)"
          + (kind == Kind.HTTP ? "; use kind https" : ""));
    }
    if (!kind.isHttp()) {
      for (String key : List.of("url", "expect_status", "body")) {
        if (entry.has(key)) {
          entry.problem(key, "only http and https checks take " + key);
        }
      }
    }
    boolean usesTls = kind == Kind.HTTPS || tls != Tls.NONE;
    if (entry.has("tls_verify") && !usesTls) {
      entry.problem("tls_verify", "this check does not use TLS");
    }
    if (kind.isHttp()) {
      if (entry.has("port")) {
        entry.problem("port", "an " + kind.yamlName() + " check takes its port from the url");
      }
      if (url.isEmpty()) {
        if (!entry.has("url")) {
          entry.missing("url", "needed for an " + kind.yamlName() + " check");
        }
        return Optional.empty();
      }
      String scheme = url.get().getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals(kind.yamlName())) {
        entry.problem("url", "a " + kind.yamlName() + " check needs a " + kind.yamlName() + ":// url, got '" + url.get() + "'");
        return Optional.empty();
      }
      if (name == null) {
        return Optional.empty();
      }
      int urlPort = url.get().getPort() > 0 ? url.get().getPort() : kind.defaultPort(tls);
      return Optional.of(new ServiceCheck(name, kind, urlPort, tls, verifyTls, url,
          expectStatus, body, timeout, interval));
    }
    if (port.isEmpty() && kind.defaultPort(tls) == 0) {
      if (!entry.has("port")) {
        entry.missing("port", "a " + kind.yamlName() + " check has no usual port");
      }
      return Optional.empty();
    }
    if (name == null || (entry.has("port") && port.isEmpty()) || (entry.has("tls") && tlsSetting.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new ServiceCheck(name, kind, port.orElse(kind.defaultPort(tls)), tls, verifyTls,
        Optional.empty(), Optional.empty(), Optional.empty(), timeout, interval));
  }

  static Kind kind(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    List<String> names = Arrays.stream(Kind.values()).map(Kind::yamlName).toList();
    for (Kind kind : Kind.values()) {
      if (kind.yamlName().equals(wanted)) {
        return kind;
      }
    }
    String hint = Suggestions.closest(wanted, names).map(k -> " (did you mean '" + k + "'?)").orElse("");
    throw new IllegalArgumentException("unknown kind '" + text.strip() + "'" + hint + "; expected one of "
        + String.join(", ", names));
  }

  static Tls tls(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "none", "false", "off", "no" -> Tls.NONE;
      case "starttls" -> Tls.STARTTLS;
      case "implicit", "tls", "ssl" -> Tls.IMPLICIT;
      default -> throw new IllegalArgumentException("expected none, starttls or implicit, got '" + text.strip() + "'");
    };
  }

  /** An absolute http(s) URL with a host; a host that is not an IP literal is sent as Host and SNI only. */
  static URI url(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text.strip() + "' is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("expected an http:// or https:// URL, got '" + text.strip() + "'");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("the URL '" + text.strip() + "' names no host");
    }
    if (uri.getUserInfo() != null) {
      throw new IllegalArgumentException("the URL must not contain a user name or password");
    }
    if (uri.getHost().startsWith("[")) {
      AddressLiteral.parse(uri.getHost().substring(1, uri.getHost().length() - 1));
    }
    return uri;
  }
}
