package org.leitwarte.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An API token as stored: never the token itself, which is shown once when it is made.
 *
 * @param name a label for people ("backup script")
 */
public record ApiToken(long id, String user, String name, Instant created, Optional<Instant> lastUsed, Optional<Instant> revoked) {

  public ApiToken {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lastUsed, "lastUsed");
    Objects.requireNonNull(revoked, "revoked");
  }

  /** A token just made: {@code secret} ({@code lw_…}) is shown once and never stored. */
  public record Created(ApiToken token, String secret) {}
}
