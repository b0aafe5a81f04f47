package org.leitwarte.alerting.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numbers as annotations show them: at most two decimals, no trailing zeros, no grouping, a decimal
 * comma in German ({@code 93,46}) and a point in English ({@code 93.46}).
 */
final class Numbers {

  private Numbers() {}

  static String format(double value, String language) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    // From the shortest decimal that reads back as this double, so 93.455 rounds up as a person expects.
    String text = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    return Annotations.EN.equals(language) ? text : text.replace('.', ',');
  }
}
