package org.leitwarte.metrics;

import java.util.Locale;

/** What InfluxDB made of a request: done, or why not and what to do about it. */
public sealed interface InfluxOutcome {

  /** The request was carried out. */
  record Ok() implements InfluxOutcome {}

  /** InfluxDB cannot be reached or cannot take the request now; the same request may succeed later. */
  record Unavailable(String reason) implements InfluxOutcome {}

  /** The database or its retention policy does not exist: create them, then try again. */
  record DatabaseMissing(String reason) implements InfluxOutcome {}

  /** InfluxDB refused the lines themselves (unparsable line, field type conflict): retrying cannot help. */
  record Rejected(String reason) implements InfluxOutcome {}

  InfluxOutcome OK = new Ok();

  /**
   * Classifies an HTTP answer of the InfluxDB 1.x API (also spoken by the v1 endpoints of 2.x and 3.x).
   *
   * @param message the {@code error} text of the answer, or its body when it has none
   */
  static InfluxOutcome ofHttpStatus(int status, String message) {
    if (status >= 200 && status < 300) {
      return OK;
    }
    String reason = "HTTP " + status + (message == null || message.isBlank() ? "" : ": " + message.strip());
    String lower = message == null ? "" : message.toLowerCase(Locale.ROOT);
    if (lower.contains("database not found") || lower.contains("retention policy not found")) {
      return new DatabaseMissing(reason);
    }
    // 413: the batch is too large for the server; halving it (as for bad lines) makes it fit.
    if (status == 400 || status == 413) {
      return new Rejected(reason);
    }
    // 401/403 are a configuration problem that an operator fixes; the data waits for that.
    return new Unavailable(reason);
  }
}
