package org.leitwarte.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the store lives, from {@code store.url} in leitwarte.yaml: {@code jdbc:h2:…}, {@code
 * postgresql://user[:password]@host[:port]/database} or {@code jdbc:postgresql://…}.
 *
 * <p>H2 URLs get the settings that let the same SQL run on H2 and PostgreSQL (PostgreSQL mode, lower-case
 * identifiers, NULLs sorted last as PostgreSQL does) unless the URL sets them itself. {@link #toString()}
 * never shows a password.
 */
public record StoreUrl(String jdbcUrl, Optional<String> user, Optional<String> password, Dialect dialect) {

  // DB_CLOSE_ON_EXIT=FALSE: Leitwarte closes the store itself on shutdown, after its last writes;
  // H2's own shutdown hook would close it underneath them.
  private static final String[] H2_SETTINGS = {
    "MODE=PostgreSQL", "DATABASE_TO_LOWER=TRUE", "DEFAULT_NULL_ORDERING=HIGH", "DB_CLOSE_ON_EXIT=FALSE"
  };
  private static final Pattern PASSWORD_SETTING = Pattern.compile("(?i)(password=)[^;&]*");

  public StoreUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(dialect, "dialect");
  }

  /**
   * Parses a store URL.
   *
   * @throws IllegalArgumentException naming what is wrong (never echoing a password)
   */
  public static StoreUrl parse(String url) {
    String trimmed = url.strip();
    if (trimmed.startsWith("jdbc:h2:")) {
      return new StoreUrl(withH2Settings(trimmed), Optional.empty(), Optional.empty(), Dialect.H2);
    }
    if (trimmed.startsWith("postgresql://") || trimmed.startsWith("jdbc:postgresql://")) {
      return postgresql(trimmed.substring(trimmed.indexOf("postgresql://")));
    }
    throw new IllegalArgumentException(
        "store URL must start with jdbc:h2:, postgresql:// or jdbc:postgresql:// (e.g. postgresql://leitwarte@127.0.0.1:5432/leitwarte)");
  }

  private static StoreUrl postgresql(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("store URL is not a valid postgresql:// URL: " + e.getReason());
    }
    if (uri.getHost() == null || uri.getRawPath() == null || uri.getRawPath().length() <= 1) {
      throw new IllegalArgumentException("store URL needs a host and a database: postgresql://user@host:5432/database");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon))).filter(u -> !u.isEmpty());
      password = colon < 0 ? Optional.empty() : Optional.of(decode(userInfo.substring(colon + 1)));
    }
    // user and password given as query parameters are taken out too, so that no error message that
    // quotes the JDBC URL can show the password.
    List<String> parameters = new ArrayList<>();
    if (uri.getRawQuery() != null) {
      for (String parameter : uri.getRawQuery().split("&")) {
        String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
        String value = decode(parameter.substring(Math.min(parameter.length(), name.length() + 1)));
        if (name.equalsIgnoreCase("user") && user.isEmpty()) {
          user = Optional.of(value);
        } else if (name.equalsIgnoreCase("password") && password.isEmpty()) {
          password = Optional.of(value);
        } else if (!name.equalsIgnoreCase("user") && !name.equalsIgnoreCase("password")) {
          parameters.add(parameter);
        }
      }
    }
    String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
    String query = parameters.isEmpty() ? "" : "?" + String.join("&", parameters);
    String jdbcUrl = "jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query;
    return new StoreUrl(jdbcUrl, user, password, Dialect.POSTGRESQL);
  }

  private static String withH2Settings(String url) {
    StringBuilder result = new StringBuilder(url);
    String upper = url.toUpperCase(Locale.ROOT);
    for (String setting : H2_SETTINGS) {
      String name = setting.substring(0, setting.indexOf('=') + 1).toUpperCase(Locale.ROOT);
      if (!upper.contains(";" + name)) {
        result.append(';').append(setting);
      }
    }
    // An in-memory database disappears with its last connection; keep it while the JVM runs.
    if (upper.startsWith("JDBC:H2:MEM:") && !upper.contains(";DB_CLOSE_DELAY=")) {
      result.append(";DB_CLOSE_DELAY=-1");
    }
    return result.toString();
  }

  private static String decode(String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "StoreUrl["
        + PASSWORD_SETTING.matcher(jdbcUrl).replaceAll("$1******")
        + ", user="
        + user.orElse("(none)")
        + ", password="
        + (password.isPresent() ? "******" : "(none)")
        + ", "
        + dialect
        + "]";
  }
}
