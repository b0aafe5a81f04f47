package org.leitwarte.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problem;
import org.leitwarte.inventory.ServiceCheck.Kind;
import org.leitwarte.inventory.ServiceCheck.Tls;

/** The {@code checks:} of a device in the inventory: what is read, and what is refused where. */
class ServiceCheckInventoryTest {

  /** The checks snippet documented in the README. */
  static final String DOCUMENTED = """
      tenants:
        - {id: wernigerode, name: Stadt Wernigerode}
      devices:
        - id: wr-app1
          tenant: wernigerode
          address: 127.0.0.1
          checks:
            - {name: zeit, kind: ntp}                        # port 123
            - {name: mail, kind: smtp, port: 25, tls: starttls}
            - {name: mail-tls, kind: smtp, tls: implicit, timeout: 10s}   # port 465
            - {name: ablage, kind: ftp, interval: 5m}
            - {name: postfach, kind: imap, tls: implicit, tls_verify: false}
            - {name: abruf, kind: pop3}
            - {name: portal, kind: https, url: "https://portal.wernigerode.de:8443/login", expect_status: 200, body: Anmeldung}
            - {name: intranet, kind: http, url: "http://127.0.0.1/"}
            - {name: datenbank, kind: tcp, port: 5432}
      """;

  /** Bad cases are appended to this; the first check is on line 7. */
  private static final String HEADER = """
      tenants: [{id: harz}]
      devices:
        - id: x
          tenant: harz
          address: 127.0.0.1
          checks:
      """;

  @TempDir Path dir;

  @Test
  void the_documented_checks_load_with_their_defaults_and_a_device_with_only_checks_is_valid() throws Exception {
    Inventory inventory = load(DOCUMENTED);

    Device device = inventory.device("wr-app1").orElseThrow();
    assertThat(device.snmp()).isEmpty();
    assertThat(device.icmp()).isFalse();
    assertThat(device.checks()).containsExactly(
        check("zeit", Kind.NTP, 123, Tls.NONE),
        check("mail", Kind.SMTP, 25, Tls.STARTTLS),
        new ServiceCheck("mail-tls", Kind.SMTP, 465, Tls.IMPLICIT, true, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(Duration.ofSeconds(10)), Optional.empty()),
        new ServiceCheck("ablage", Kind.FTP, 21, Tls.NONE, true, Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.of(Duration.ofMinutes(5))),
        new ServiceCheck("postfach", Kind.IMAP, 993, Tls.IMPLICIT, false, Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), Optional.empty()),
        check("abruf", Kind.POP3, 110, Tls.NONE),
        new ServiceCheck("portal", Kind.HTTPS, 8443, Tls.NONE, true,
            Optional.of(URI.create("https://portal.wernigerode.de:8443/login")), Optional.of(200),
            Optional.of("Anmeldung"), Optional.empty(), Optional.empty()),
        new ServiceCheck("intranet", Kind.HTTP, 80, Tls.NONE, true, Optional.of(URI.create("http://127.0.0.1/")),
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty()),
        check("datenbank", Kind.TCP, 5432, Tls.NONE));
    assertThat(device.checks().get(6).target(device.address())).isEqualTo("https://portal.wernigerode.de:8443/login");
    assertThat(device.checks().get(8).target(device.address())).isEqualTo("127.0.0.1:5432");
    assertThat(check("zeit", Kind.NTP, 123, Tls.NONE).target("::1")).isEqualTo("[::1]:123");
  }

  static Stream<Arguments> badChecks() {
    return Stream.of(
        arguments("unknown kind with a likely meaning",
            "    - {name: zeit, kind: nntp}",
            List.of("inventory.yaml:7: device 'x': check 'zeit': kind: unknown kind 'nntp' (did you mean 'ntp'?);"
                + " expected one of ntp, smtp, ftp, imap, pop3, tcp, http, https")),
        arguments("port out of range",
            "    - {name: db, kind: tcp, port: 70000}",
            List.of("inventory.yaml:7: device 'x': check 'db': port: expected an integer 1–65535, got '70000'")),
        arguments("tcp without port",
            "    - {name: db, kind: tcp}",
            List.of("inventory.yaml:7: device 'x': check 'db': missing key 'port' (a tcp check has no usual port)")),
        arguments("URL that is none",
            "    - {name: portal, kind: https, url: 'https://exa mple/'}",
            List.of("inventory.yaml:7: device 'x': check 'portal': url: 'https://exa mple/' is not a URL: Illegal character in authority")),
        arguments("URL with the wrong scheme",
            "    - {name: portal, kind: https, url: 'http://127.0.0.1/'}",
            List.of("inventory.yaml:7: device 'x': check 'portal': url: a https check needs a https:// url, got 'http://127.0.0.1/'")),
        arguments("URL of another protocol",
            "    - {name: portal, kind: http, url: 'ftp://127.0.0.1/'}",
            List.of("inventory.yaml:7: device 'x': check 'portal': url: expected an http:// or https:// URL, got 'ftp://127.0.0.1/'")),
        arguments("http without URL, with a port",
            "    - {name: portal, kind: http, port: 80}",
            List.of("inventory.yaml:7: device 'x': check 'portal': port: an http check takes its port from the url",
                "inventory.yaml:7: device 'x': check 'portal': missing key 'url' (needed for an http check)")),
        arguments("the same name twice",
            "    - {name: mail, kind: smtp}\n    - {name: mail, kind: imap}",
            List.of("inventory.yaml:8: device 'x': check 'mail': name: this device already has a check 'mail' (inventory.yaml:7)")),
        arguments("keys of another kind",
            "    - {name: mail, kind: smtp, url: 'http://127.0.0.1/', body: x}\n    - {name: db, kind: tcp, port: 1, tls: starttls}",
            List.of("inventory.yaml:7: device 'x': check 'mail': url: only http and https checks take url",
                "inventory.yaml:7: device 'x': check 'mail': body: only http and https checks take body",
                "inventory.yaml:8: device 'x': check 'db': tls: only smtp, ftp, imap and pop3 checks take tls (starttls or implicit)")),
        arguments("unknown tls mode and misspelt key",
            "    - {name: mail, kind: smtp, tls: always, timeot: 5s}",
            List.of("inventory.yaml:7: device 'x': check 'mail': tls: expected none, starttls or implicit, got 'always'",
                "inventory.yaml:7: device 'x': check 'mail': unknown key 'timeot' (did you mean 'timeout'?)")),
        arguments("check without a name",
            "    - {kind: ntp}",
            List.of("inventory.yaml:7: device 'x': checks[0]: missing key 'name'")),
        arguments("timeout without unit",
            "    - {name: zeit, kind: ntp, timeout: 5}",
            List.of("inventory.yaml:7: device 'x': check 'zeit': timeout: expected a duration with a unit, got '5' (write e.g. 5s or 5m)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badChecks")
  void bad_checks_are_refused_with_every_problem_at_its_line(String name, String checks, List<String> expected) throws Exception {
    Path file = Files.writeString(dir.resolve("inventory.yaml"), HEADER + checks + "\n");

    assertThatThrownBy(() -> InventoryLoader.load(List.of(file), InventoryLoaderTest.DEFAULTS, Map.of()))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected));
  }

  private Inventory load(String yaml) throws Exception {
    Path file = Files.writeString(dir.resolve("inventory.yaml"), yaml);
    return InventoryLoader.load(List.of(file), InventoryLoaderTest.DEFAULTS, Map.of());
  }

  static ServiceCheck check(String name, Kind kind, int port, Tls tls) {
    return new ServiceCheck(name, kind, port, tls, true, Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.empty());
  }
}
