package org.leitwarte.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which audit entries to list; every part left empty matches everything.
 *
 * @param action the start of the action ({@code user.} for every sign-in, user and token change)
 * @param actor exactly this actor
 * @param subject exactly this subject
 * @param since entries at or after this instant
 * @param until entries before this instant
 * @param limit at most this many, the newest ({@value #MIN_LIMIT}..{@value #MAX_LIMIT})
 */
public record AuditFilter(
    Optional<String> action, Optional<String> actor, Optional<String> subject, Optional<Instant> since,
    Optional<Instant> until, int limit) {

  public static final int MIN_LIMIT = 1;
  public static final int MAX_LIMIT = 1000;
  public static final int DEFAULT_LIMIT = 100;

  /** The newest {@value #DEFAULT_LIMIT} entries. */
  public static final AuditFilter NEWEST =
      new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), DEFAULT_LIMIT);

  public AuditFilter {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", not " + limit);
    }
  }

  public AuditFilter withAction(String prefix) {
    return new AuditFilter(Optional.of(prefix), actor, subject, since, until, limit);
  }

  public AuditFilter withActor(String name) {
    return new AuditFilter(action, Optional.of(name), subject, since, until, limit);
  }

  public AuditFilter withSubject(String name) {
    return new AuditFilter(action, actor, Optional.of(name), since, until, limit);
  }

  public AuditFilter withSince(Instant at) {
    return new AuditFilter(action, actor, subject, Optional.of(at), until, limit);
  }

  public AuditFilter withUntil(Instant at) {
    return new AuditFilter(action, actor, subject, since, Optional.of(at), limit);
  }

  public AuditFilter withLimit(int most) {
    return new AuditFilter(action, actor, subject, since, until, most);
  }
}
