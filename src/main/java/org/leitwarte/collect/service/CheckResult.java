package org.leitwarte.collect.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one service check found: whether it passed, how long the answer took, the kind's own fields
 * ({@code offset_ms}, {@code stratum}, {@code reply_code}, {@code status_code}, {@code cert_days_left})
 * and a short text for people: the banner or status line, or what went wrong.
 */
record CheckResult(boolean ok, Optional<Double> responseMs, Map<String, Object> fields, String message) {

  /** Longer texts (a web page sent as a banner) are cut, so a sample stays small. */
  static final int MAX_MESSAGE = 300;

  CheckResult {
    Objects.requireNonNull(responseMs, "responseMs");
    fields = Map.copyOf(fields);
    message = shorten(Objects.requireNonNullElse(message, ""));
  }

  static CheckResult passed(double responseMs, Map<String, Object> fields, String message) {
    return new CheckResult(true, Optional.of(responseMs), fields, message);
  }

  static CheckResult failed(Optional<Double> responseMs, Map<String, Object> fields, String message) {
    return new CheckResult(false, responseMs, fields, message);
  }

  static CheckResult failed(String message) {
    return new CheckResult(false, Optional.empty(), Map.of(), message);
  }

  /** This result with one more field. */
  CheckResult with(String field, Object value) {
    Map<String, Object> more = new LinkedHashMap<>(fields);
    more.put(field, value);
    return new CheckResult(ok, responseMs, more, message);
  }

  /** One line, printable, at most {@link #MAX_MESSAGE} characters. */
  static String shorten(String text) {
    String line = text.strip().replaceAll("[\\r\\n]+", " | ").replaceAll("\\p{Cntrl}", "?");
    return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE - 1) + "…";
  }
}
