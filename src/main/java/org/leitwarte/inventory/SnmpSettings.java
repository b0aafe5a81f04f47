package org.leitwarte.inventory;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.config.Secret;

/**
 * How to talk SNMP to one device. For v1 and v2c only {@code community} counts; for v3 {@code user},
 * the protocols and their passwords. Timeout, retries and max-repetitions are already merged with
 * the defaults of {@code polling.snmp}.
 */
public record SnmpSettings(
    SnmpVersion version,
    int port,
    Optional<Secret> community,
    Optional<String> user,
    AuthProtocol auth,
    Optional<Secret> authPassword,
    PrivProtocol priv,
    Optional<Secret> privPassword,
    Optional<String> context,
    Duration timeout,
    int retries,
    int maxRepetitions) {

  public SnmpSettings {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(auth, "auth");
    Objects.requireNonNull(priv, "priv");
    Objects.requireNonNull(timeout, "timeout");
  }

  public enum SnmpVersion {
    V1("1"),
    V2C("2c"),
    V3("3");

    private final String yamlName;

    SnmpVersion(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }

  public enum AuthProtocol {
    NONE("none"),
    MD5("MD5"),
    SHA("SHA"),
    SHA_224("SHA-224"),
    SHA_256("SHA-256"),
    SHA_384("SHA-384"),
    SHA_512("SHA-512");

    private final String yamlName;

    AuthProtocol(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }

  public enum PrivProtocol {
    NONE("none"),
    DES("DES"),
    AES_128("AES"),
    AES_192("AES-192"),
    AES_256("AES-256");

    private final String yamlName;

    PrivProtocol(String yamlName) {
      this.yamlName = yamlName;
    }

    public String yamlName() {
      return yamlName;
    }
  }
}
