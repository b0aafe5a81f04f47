package org.leitwarte.alerting;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether an alert must keep quiet now: a parent device is down, a maintenance window covers
 * it, a silence matches it. Suppressed alerts stay visible; they only do not notify.
 */
public interface Suppressor {

  Suppressor NONE = (labels, now) -> Optional.empty();

  /**
   * @param labels the alert's labels ({@code tenant}, {@code site}, {@code device}, …)
   * @return a short reason naming what suppresses it ({@code parent:wr-router}, {@code
   *     maintenance:12}, {@code silence:7}), or empty
   */
  Optional<String> suppressedBy(Map<String, String> labels, Instant now);

  /** The first of several suppressors that has a reason. */
  static Suppressor firstOf(Suppressor... suppressors) {
    return (labels, now) -> {
      for (Suppressor suppressor : suppressors) {
        Optional<String> reason = suppressor.suppressedBy(labels, now);
        if (reason.isPresent()) {
          return reason;
        }
      }
      return Optional.empty();
    };
  }
}
