package org.leitwarte.alerting;

import java.util.Locale;

/** How bad an alert is; also its {@code severity} label, for routing. */
public enum Severity {
  CRITICAL,
  WARNING,
  INFO;

  /** The lower-case name used in rule files, labels and the API. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
