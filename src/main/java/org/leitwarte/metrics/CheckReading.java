package org.leitwarte.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest {@code service_check} point of one check of a device, as written by the service-check
 * collector; the per-kind fields are empty when the point does not carry them.
 *
 * @param check the {@code check} tag: the check's name in the inventory
 * @param message the check's own words (a greeting, a status line or what went wrong): text, never markup
 */
public record CheckReading(
    String check,
    Instant time,
    boolean ok,
    Optional<Double> responseMs,
    Optional<Double> offsetMs,
    Optional<Long> stratum,
    Optional<Long> replyCode,
    Optional<Long> statusCode,
    Optional<Double> certDaysLeft,
    String message) {

  public CheckReading {
    Objects.requireNonNull(check, "check");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(responseMs, "responseMs");
    Objects.requireNonNull(offsetMs, "offsetMs");
    Objects.requireNonNull(stratum, "stratum");
    Objects.requireNonNull(replyCode, "replyCode");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(certDaysLeft, "certDaysLeft");
    message = message == null ? "" : message;
  }

  /**
   * One row of {@code SELECT * FROM service_check … GROUP BY "check"} read with epoch milliseconds;
   * empty when the row has no time or no {@code ok}.
   */
  static Optional<CheckReading> of(String check, List<String> columns, List<Object> row) {
    if (!(value(columns, row, "time") instanceof Number time) || !(value(columns, row, "ok") instanceof Number ok)) {
      return Optional.empty();
    }
    return Optional.of(new CheckReading(check, Instant.ofEpochMilli(time.longValue()), ok.longValue() == 1,
        decimal(columns, row, "response_ms"), decimal(columns, row, "offset_ms"), whole(columns, row, "stratum"),
        whole(columns, row, "reply_code"), whole(columns, row, "status_code"), decimal(columns, row, "cert_days_left"),
        value(columns, row, "message") instanceof String text ? text : ""));
  }

  private static Object value(List<String> columns, List<Object> row, String column) {
    int index = columns.indexOf(column);
    return index < 0 || index >= row.size() ? null : row.get(index);
  }

  private static Optional<Double> decimal(List<String> columns, List<Object> row, String column) {
    return value(columns, row, column) instanceof Number number ? Optional.of(number.doubleValue()) : Optional.empty();
  }

  private static Optional<Long> whole(List<String> columns, List<Object> row, String column) {
    return value(columns, row, column) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
  }
}
