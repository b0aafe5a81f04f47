package org.leitwarte.user;

import java.time.Duration;
import java.util.Objects;

/**
 * How sign-in resists guessing.
 *
 * @param lockAfter failed sign-ins in a row after which an account is locked
 * @param lockFor how long a locked account (or a blocked address) stays so
 * @param addressLimit failed sign-ins from one client address within {@code lockFor} after which that
 *     address may not sign in for {@code lockFor}; higher than {@code lockAfter} because a
 *     municipality's people may share one address
 * @param delayStep the answer to a failed sign-in waits {@code delayStep × 2^(n-3)} from the third failure
 *     in a row (of the user or of the address), at most {@code maxDelay}
 */
public record SignInPolicy(int lockAfter, Duration lockFor, int addressLimit, Duration delayStep, Duration maxDelay) {

  public static final SignInPolicy DEFAULT =
      new SignInPolicy(10, Duration.ofMinutes(15), 50, Duration.ofMillis(250), Duration.ofSeconds(5));

  public SignInPolicy {
    Objects.requireNonNull(lockFor, "lockFor");
    Objects.requireNonNull(delayStep, "delayStep");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (lockAfter < 1 || addressLimit < 1) {
      throw new IllegalArgumentException("lockAfter and addressLimit must be positive");
    }
  }

  /** The same lock-out, answered at once (for tests and tools that wait otherwise). */
  public SignInPolicy withoutDelay() {
    return new SignInPolicy(lockAfter, lockFor, addressLimit, Duration.ZERO, Duration.ZERO);
  }

  /** How long the answer to the {@code failures}-th failure in a row waits. */
  public Duration delay(int failures) {
    if (failures < 3 || delayStep.isZero()) {
      return Duration.ZERO;
    }
    long factor = 1L << Math.min(20, failures - 3);
    Duration delay = delayStep.multipliedBy(factor);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
