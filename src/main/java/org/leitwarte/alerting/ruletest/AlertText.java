package org.leitwarte.alerting.ruletest;

import java.math.BigDecimal;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.leitwarte.alerting.Alert;

/** How alerts, labels and numbers are written in the runner's messages. */
final class AlertText {

  private AlertText() {}

  /** {@code {device="wr-router", tenant="wr"}}, sorted by name. */
  static String labels(Map<String, String> labels) {
    StringJoiner text = new StringJoiner(", ", "{", "}");
    new TreeMap<>(labels).forEach((name, value) -> text.add(name + "=\"" + value + "\""));
    return text.toString();
  }

  /** {@code 3}, {@code 93.46}: no trailing {@code .0}. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * An active alert as the runner shows it: rule, state, labels without {@code alertname} and
   * {@code severity}, then what suppresses it, whether it flaps, its value and its German summary.
   */
  static String alert(Alert alert) {
    StringBuilder text = new StringBuilder(alert.rule()).append(' ').append(alert.state().label()).append(' ')
        .append(labels(ExpectedAlert.withoutImplied(alert.labels())));
    alert.suppressedBy().ifPresent(reason -> text.append(" suppressed_by=").append(reason));
    if (alert.flapping()) {
      text.append(" flapping");
    }
    alert.value().ifPresent(v -> text.append(" value=").append(number(v)));
    String summary = alert.annotations().getOrDefault("de", Map.of()).get("summary");
    if (summary != null) {
      text.append(" summary=\"").append(summary).append('"');
    }
    return text.toString();
  }
}
