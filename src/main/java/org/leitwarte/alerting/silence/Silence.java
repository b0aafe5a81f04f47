package org.leitwarte.alerting.silence;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.Matcher;

/**
 * A silence as in Alertmanager: alerts matching all its matchers do not notify from {@code startsAt}
 * (inclusive) to {@code endsAt} (exclusive), unless it is expired earlier.
 *
 * @param id assigned by the store
 * @param matchers at least one, and not all of them matching an alert without labels
 * @param expiredAt when it was ended early; a silence is never deleted
 */
public record Silence(
    long id,
    List<Matcher> matchers,
    Instant startsAt,
    Instant endsAt,
    String author,
    String comment,
    Instant createdAt,
    Optional<Instant> expiredAt) {

  public Silence {
    matchers = MatcherChecks.requireSelective(matchers, "matchers");
    Objects.requireNonNull(startsAt, "startsAt");
    Objects.requireNonNull(endsAt, "endsAt");
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("endsAt: must be after startsAt (" + startsAt + "), got " + endsAt);
    }
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("author: must not be blank");
    }
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("comment: must not be blank (say why)");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiredAt, "expiredAt");
  }

  public boolean matches(Map<String, String> labels) {
    return Matcher.all(matchers, labels);
  }

  public boolean isExpired(Instant now) {
    return expiredAt.isPresent() && !now.isBefore(expiredAt.get());
  }

  /** In effect now: started, not ended, not expired. */
  public boolean isActive(Instant now) {
    return !isExpired(now) && !now.isBefore(startsAt) && now.isBefore(endsAt);
  }

  /** Expired, or its end has passed. */
  public boolean isOver(Instant now) {
    return isExpired(now) || !now.isBefore(endsAt);
  }
}
