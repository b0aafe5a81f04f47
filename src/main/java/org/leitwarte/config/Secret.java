package org.leitwarte.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A password, community or key as written in the configuration: a literal, {@code ${env:NAME}} or
 * {@code ${file:/path}}. The raw form is what is stored; the value is resolved only where it is used.
 * {@link #toString()} never shows either, so a secret cannot end up in a log line or an API answer by
 * accident.
 */
public final class Secret {

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");

  private final String raw;

  private Secret(String raw) {
    this.raw = Objects.requireNonNull(raw, "raw");
  }

  public static Secret of(String raw) {
    return new Secret(raw);
  }

  /** The form written in the configuration, e.g. {@code ${env:WR_AUTH}}; for the store only. */
  public String raw() {
    return raw;
  }

  /** Resolves against the process environment. */
  public String reveal() {
    return reveal(System.getenv());
  }

  /**
   * Resolves the secret.
   *
   * @throws IllegalStateException naming the variable or file (never the value) when it cannot be
   *     resolved
   */
  public String reveal(Map<String, String> environment) {
    Matcher matcher = REFERENCE.matcher(raw);
    if (!matcher.matches()) {
      return raw;
    }
    String source = matcher.group(1);
    String name = matcher.group(2).trim();
    if (source.equals("env")) {
      String value = environment.get(name);
      if (value == null) {
        throw new IllegalStateException("environment variable " + name + " is not set");
      }
      return value;
    }
    try {
      return Files.readString(Path.of(name), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new IllegalStateException("secret file " + name + " cannot be read: " + e.getClass().getSimpleName());
    }
  }

  /** The problem resolving this secret would have, or empty when it resolves. */
  public Optional<String> problem(Map<String, String> environment) {
    try {
      reveal(environment);
      return Optional.empty();
    } catch (IllegalStateException e) {
      return Optional.of(e.getMessage());
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Secret secret && secret.raw.equals(raw);
  }

  @Override
  public int hashCode() {
    return raw.hashCode();
  }

  @Override
  public String toString() {
    return "******";
  }
}
