package org.leitwarte.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the {@code traps:} section of {@code leitwarte.yaml}. The protocol names are those of a
 * device's {@code snmp:} section (the inventory's {@code SnmpSettings}); they are listed here again
 * because the configuration must not depend on the inventory.
 */
final class TrapConfigReader {

  /** RFC 3414 (USM) requires passwords of at least 8 characters for key localisation. */
  private static final int MIN_PASSWORD_LENGTH = 8;
  private static final List<String> AUTH = List.of("none", "MD5", "SHA", "SHA-224", "SHA-256", "SHA-384", "SHA-512");
  private static final List<String> PRIV = List.of("none", "DES", "AES", "AES-192", "AES-256");

  private final Map<String, String> environment;

  TrapConfigReader(Map<String, String> environment) {
    this.environment = environment;
  }

  LeitwarteConfig.Traps traps(YamlMap traps) {
    String address = traps.value("address", AddressLiteral::parse, "0.0.0.0");
    int port = traps.integer("port", 1, 65535, 162);
    List<Secret> communities = new ArrayList<>();
    for (String community : traps.stringList("communities")) {
      Secret secret = Secret.of(community);
      secret.problem(environment).ifPresent(problem -> traps.problem("communities", problem));
      communities.add(secret);
    }
    List<LeitwarteConfig.Traps.TrapUser> users = traps.mapList("users").stream().map(this::user).flatMap(Optional::stream).toList();
    Optional<String> engineId = traps.optional("engine_id", TrapConfigReader::engineId);
    YamlMap limit = traps.map("rate_limit");
    int perSource = limit.integer("per_source", 1, 1_000_000, 100);
    int burst = limit.integer("burst", 1, 1_000_000, Math.max(200, perSource));
    YamlMap events = traps.map("events");
    int keepPerDevice = events.integer("keep_per_device", 1, 1_000_000, 1000);
    Duration keepFor = events.duration("keep_for", Duration.ofDays(30), Duration.ofMinutes(1));
    if (communities.isEmpty() && users.isEmpty()) {
      traps.report("neither communities nor users given: no trap would be accepted");
    }
    return new LeitwarteConfig.Traps(address, port, communities, users, engineId, perSource, burst, keepPerDevice, keepFor);
  }

  private Optional<LeitwarteConfig.Traps.TrapUser> user(YamlMap user) {
    String name = user.string("user");
    String auth = user.value("auth", text -> protocol(text, AUTH, Map.of("SHA1", "SHA", "SHA-1", "SHA")), "none");
    String priv = user.value("priv", text -> protocol(text, PRIV, Map.of("AES-128", "AES", "AES128", "AES")), "none");
    Optional<Secret> authPassword = password(user, "auth", auth, "auth_password");
    Optional<Secret> privPassword = password(user, "priv", priv, "priv_password");
    Optional<String> engineId = user.optional("engine_id", TrapConfigReader::engineId);
    if (!priv.equals("none") && auth.equals("none") && user.has("priv")) {
      user.problem("priv", "needs auth as well (SNMPv3 has no privacy without authentication)");
    }
    if (name == null) {
      return Optional.empty();
    }
    return Optional.of(new LeitwarteConfig.Traps.TrapUser(name, auth, authPassword, priv, privPassword, engineId, user.source()));
  }

  private Optional<Secret> password(YamlMap user, String protocolKey, String protocol, String passwordKey) {
    Optional<Secret> password = user.optionalSecret(passwordKey, environment);
    if (!protocol.equals("none") && !user.has(passwordKey)) {
      user.missing(passwordKey, "needed with " + protocolKey);
    } else if (protocol.equals("none") && password.isPresent() && !user.has(protocolKey)) {
      user.problem(passwordKey, "given, but no " + protocolKey + " protocol is set");
    }
    password.filter(secret -> secret.problem(environment).isEmpty())
        .filter(secret -> secret.reveal(environment).length() < MIN_PASSWORD_LENGTH)
        .ifPresent(secret -> user.problem(passwordKey, "must be at least " + MIN_PASSWORD_LENGTH + " characters long (RFC 3414)"));
    return password;
  }

  private static String protocol(String text, List<String> names, Map<String, String> aliases) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    if (aliases.containsKey(name)) {
      return aliases.get(name);
    }
    return names.stream().filter(known -> known.equalsIgnoreCase(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("expected " + String.join(", ", names) + ", got '" + text.strip() + "'"));
  }

  /** 5 to 32 octets in hex (RFC 3411), {@code 0x8000000001020304} or {@code 80:00:00:00:01}; lower-case hex without 0x. */
  static String engineId(String text) {
    String hex = text.strip().toLowerCase(Locale.ROOT).replace(":", "");
    if (hex.startsWith("0x")) {
      hex = hex.substring(2);
    }
    String expected = "expected an engine ID of 5 to 32 octets in hex, like 0x8000000001020304, got '" + text.strip() + "'";
    if (hex.length() % 2 != 0 || hex.length() < 10 || hex.length() > 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new IllegalArgumentException(expected);
    }
    HexFormat.of().parseHex(hex);
    return hex;
  }
}
