package org.leitwarte.alerting.silence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.Matcher;

/**
 * A silence as an API request asks for it, before the API settles its times: {@code startsAt} defaults
 * to now, and the end is given either as {@code endsAt} or as {@code duration} from the start.
 */
public record SilenceRequest(
    List<Matcher> matchers,
    Optional<Instant> startsAt,
    Optional<Instant> endsAt,
    Optional<Duration> duration,
    String comment) {

  public SilenceRequest {
    matchers = List.copyOf(matchers);
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(comment, "comment");
  }
}
