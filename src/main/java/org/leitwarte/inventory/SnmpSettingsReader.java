package org.leitwarte.inventory;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Secret;
import org.leitwarte.config.YamlMap;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;

/**
 * Reads a device's {@code snmp:} section and checks that its keys fit the SNMP version; discovery reads
 * its credentials ({@code discovery.snmp} in leitwarte.yaml) with it too, so that they have the same keys.
 */
public final class SnmpSettingsReader {

  /** RFC 3414 (USM) requires passwords of at least 8 characters for key localisation. */
  static final int MIN_PASSWORD_LENGTH = 8;

  private static final List<String> V3_KEYS = List.of("user", "auth", "auth_password", "priv", "priv_password", "context");

  private SnmpSettingsReader() {}

  /** The settings, or empty when the version is missing or wrong (already reported). */
  public static Optional<SnmpSettings> read(
      YamlMap snmp, LeitwarteConfig.Polling defaults, Map<String, String> environment) {
    SnmpVersion version = snmp.required("version", SnmpSettingsReader::version);
    int port = snmp.integer("port", 1, 65535, 161);
    Optional<Secret> community = snmp.optionalSecret("community", environment);
    Optional<String> user = snmp.optionalString("user");
    Optional<AuthProtocol> auth = snmp.optional("auth", SnmpSettingsReader::auth);
    Optional<Secret> authPassword = snmp.optionalSecret("auth_password", environment);
    Optional<PrivProtocol> priv = snmp.optional("priv", SnmpSettingsReader::priv);
    Optional<Secret> privPassword = snmp.optionalSecret("priv_password", environment);
    Optional<String> context = snmp.optionalString("context");
    Duration timeout = snmp.duration("timeout", defaults.snmpTimeout(), Duration.ofMillis(10));
    int retries = snmp.integer("retries", 0, 10, defaults.snmpRetries());
    int maxRepetitions = snmp.integer("max_repetitions", 1, 1000, defaults.maxRepetitions());
    if (version == null) {
      return Optional.empty();
    }
    if (version == SnmpVersion.V3) {
      checkV3(snmp, community, user, auth, authPassword, priv, privPassword, environment);
    } else {
      if (community.isEmpty() && !snmp.has("community")) {
        snmp.missing("community", "needed for SNMP version " + version.yamlName());
      }
      for (String key : V3_KEYS) {
        if (snmp.has(key)) {
          snmp.problem(key, "only used with SNMP version 3");
        }
      }
    }
    return Optional.of(
        new SnmpSettings(
            version,
            port,
            community,
            user,
            auth.orElse(AuthProtocol.NONE),
            authPassword,
            priv.orElse(PrivProtocol.NONE),
            privPassword,
            context,
            timeout,
            retries,
            maxRepetitions));
  }

  private static void checkV3(
      YamlMap snmp,
      Optional<Secret> community,
      Optional<String> user,
      Optional<AuthProtocol> auth,
      Optional<Secret> authPassword,
      Optional<PrivProtocol> priv,
      Optional<Secret> privPassword,
      Map<String, String> environment) {
    if (community.isPresent()) {
      snmp.problem("community", "not used with SNMP version 3 (give user, auth and priv instead)");
    }
    if (!snmp.has("user")) {
      snmp.missing("user", "needed for SNMP version 3");
    }
    boolean authSet = auth.filter(a -> a != AuthProtocol.NONE).isPresent();
    boolean privSet = priv.filter(p -> p != PrivProtocol.NONE).isPresent();
    checkPassword(snmp, "auth", auth, authSet, "auth_password", authPassword, environment);
    checkPassword(snmp, "priv", priv, privSet, "priv_password", privPassword, environment);
    // A wrong auth value was reported already; do not add a second message about it.
    boolean authUnreadable = snmp.has("auth") && auth.isEmpty();
    if (privSet && !authSet && !authUnreadable) {
      snmp.problem("priv", "needs auth as well (SNMPv3 has no privacy without authentication)");
    }
  }

  private static void checkPassword(
      YamlMap snmp,
      String protocolKey,
      Optional<?> protocol,
      boolean protocolSet,
      String passwordKey,
      Optional<Secret> password,
      Map<String, String> environment) {
    boolean protocolUnreadable = snmp.has(protocolKey) && protocol.isEmpty();
    if (protocolSet && !snmp.has(passwordKey)) {
      snmp.missing(passwordKey, "needed with " + protocolKey);
    } else if (!protocolSet && !protocolUnreadable && password.isPresent()) {
      snmp.problem(passwordKey, "given, but no " + protocolKey + " protocol is set");
    }
    password
        .filter(secret -> secret.problem(environment).isEmpty())
        .filter(secret -> secret.reveal(environment).length() < MIN_PASSWORD_LENGTH)
        .ifPresent(
            secret ->
                snmp.problem(passwordKey, "must be at least " + MIN_PASSWORD_LENGTH + " characters long (RFC 3414)"));
  }

  private static SnmpVersion version(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "1" -> SnmpVersion.V1;
      case "2c" -> SnmpVersion.V2C;
      case "3" -> SnmpVersion.V3;
      default -> throw new IllegalArgumentException("expected 1, 2c or 3, got '" + text.strip() + "'");
    };
  }

  private static AuthProtocol auth(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    if (name.equals("SHA1") || name.equals("SHA-1")) {
      return AuthProtocol.SHA;
    }
    for (AuthProtocol protocol : AuthProtocol.values()) {
      if (protocol.yamlName().equalsIgnoreCase(name)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(
        "expected none, MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512, got '" + text.strip() + "'");
  }

  private static PrivProtocol priv(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    if (name.equals("AES-128")) {
      return PrivProtocol.AES_128;
    }
    for (PrivProtocol protocol : PrivProtocol.values()) {
      if (protocol.yamlName().equalsIgnoreCase(name)) {
        return protocol;
      }
    }
    throw new IllegalArgumentException(
        "expected none, DES, AES (= AES-128), AES-128, AES-192 or AES-256, got '" + text.strip() + "'");
  }
}
