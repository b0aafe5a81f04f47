package org.leitwarte.incident;

import io.vertx.core.Future;

/** Takes an acknowledgement, whichever channel it came through (web, API, link, e-mail reply). */
public interface Acknowledger {

  /** What came of an acknowledgement. */
  enum Outcome {
    ACKNOWLEDGED,
    ALREADY_ACKNOWLEDGED,
    ALREADY_RESOLVED,
    NOT_FOUND
  }

  /**
   * @param person who acknowledges (a person id)
   * @param channel {@code web}, {@code api}, {@code link}, {@code email}, {@code cli}
   */
  Future<Outcome> acknowledge(long incidentId, String person, String channel);
}
