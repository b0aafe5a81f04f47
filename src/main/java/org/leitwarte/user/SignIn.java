package org.leitwarte.user;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Signing in with name and password: the hash compared off the event loop, every attempt in the audit
 * log with the client address, a locked account after {@link SignInPolicy#lockAfter()} failures in a row,
 * a blocked address after {@link SignInPolicy#addressLimit()}, and an answer that waits longer with
 * every failure. Whatever went wrong, the caller learns only that it failed: no user enumeration.
 */
public final class SignIn {

  private final Vertx vertx;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final Clock clock;
  private final SignInPolicy policy;
  private final AddressThrottle addresses;

  public SignIn(Vertx vertx, UserRepository users, PasswordHasher hasher, Clock clock, SignInPolicy policy) {
    this.vertx = vertx;
    this.users = users;
    this.hasher = hasher;
    this.clock = clock;
    this.policy = policy;
    this.addresses = new AddressThrottle(clock, policy.addressLimit(), policy.lockFor());
  }

  /**
   * What a browser session starts with: who signed in, and the stamp of the password they signed in
   * with ({@link UserRepository#findForSession}: the session ends once the password is set anew).
   */
  public record SessionGrant(Principal principal, String stamp) {}

  /** The signed-in principal; empty when sign-in failed, for whatever reason. */
  public Future<Optional<Principal>> signIn(String name, String password, Optional<String> address) {
    return signInSession(name, password, address).map(grant -> grant.map(SessionGrant::principal));
  }

  /** Like {@link #signIn}, with the stamp a session keeps. */
  public Future<Optional<SessionGrant>> signInSession(String name, String password, Optional<String> address) {
    String attempted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    String given = password == null ? "" : password;
    String from = address.orElse("unknown");
    if (addresses.blocked(from)) {
      return users.refusedSignIn(attempted, "address blocked after " + policy.addressLimit() + " failed sign-ins", address)
          .compose(v -> failed(addresses.count(from))).map(nobody -> Optional.<SessionGrant>empty());
    }
    return users.findStored(attempted).compose(stored -> vertx.executeBlocking(() -> {
      if (stored.isEmpty()) {
        hasher.matchNothing(given);
        return false;
      }
      return hasher.matches(given, stored.get().passwordHash());
    }, false).compose(matches -> decide(attempted, stored.map(UserRepository.Stored::user), matches, address, from))
        .map(principal -> principal.map(p -> new SessionGrant(p, UserRepository.stamp(stored.orElseThrow().passwordHash())))));
  }

  /** Writes {@code user.sign_out} to the audit log. */
  public Future<Void> signedOut(String name, Optional<String> address) {
    return users.signedOut(name, address);
  }

  private Future<Optional<Principal>> decide(String attempted, Optional<User> found, boolean matches, Optional<String> address, String from) {
    Instant now = clock.instant();
    if (found.isEmpty()) {
      return users.refusedSignIn(attempted, "unknown user", address).compose(v -> failed(addresses.failed(from)));
    }
    User user = found.get();
    if (user.disabled()) {
      return users.refusedSignIn(attempted, "user disabled", address).compose(v -> failed(addresses.failed(from)));
    }
    if (user.lockedAt(now)) {
      return users.refusedSignIn(attempted, "locked until " + user.lockedUntil().orElseThrow(), address)
          .compose(v -> failed(Math.max(addresses.failed(from), user.failedSignIns())));
    }
    if (!matches) {
      int fromAddress = addresses.failed(from);
      return users.failedSignIn(user.name(), "wrong password", policy.lockAfter(), policy.lockFor(), address)
          .compose(inARow -> failed(Math.max(fromAddress, inARow)));
    }
    return users.signedIn(user.name(), address).map(v -> Optional.of(user.principal()));
  }

  /** What became of a user's own change of their password. */
  public sealed interface PasswordChange {
    /** Set; {@code stamp} is the new one for the session that asked (other sessions end). */
    record Changed(String stamp) implements PasswordChange {}
    /** The current password given was wrong: counted like a failed sign-in. */
    record WrongPassword() implements PasswordChange {}
    /** The new password is too short. */
    record TooShort(int minimum) implements PasswordChange {}
  }

  /**
   * A signed-in user sets a new password, giving their current one. A wrong current password counts
   * as a failed sign-in (with its delay and lock-out), so the form cannot be used to guess it.
   */
  public Future<PasswordChange> changePassword(String name, String current, String chosen, Optional<String> address) {
    try {
      PasswordHasher.checkStrength(chosen);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(new PasswordChange.TooShort(PasswordHasher.MIN_LENGTH));
    }
    String from = address.orElse("unknown");
    return users.findStored(name).compose(stored -> vertx.executeBlocking(() -> {
      boolean matches = stored.isPresent() && !stored.get().user().disabled() && hasher.matches(current, stored.get().passwordHash());
      return matches ? Optional.of(hasher.hash(chosen)) : Optional.<String>empty();
    }, false)).compose(hash -> {
      if (hash.isEmpty()) {
        int fromAddress = addresses.failed(from);
        return users.failedSignIn(name, "wrong password when changing it", policy.lockAfter(), policy.lockFor(), address)
            .compose(inARow -> failed(Math.max(fromAddress, inARow)))
            .map(nothing -> (PasswordChange) new PasswordChange.WrongPassword());
      }
      return users.setPassword(name, hash.get(), name, address)
          .map(set -> (PasswordChange) new PasswordChange.Changed(UserRepository.stamp(hash.get())));
    });
  }

  /** Fails after the delay the failures in a row have earned. */
  private Future<Optional<Principal>> failed(int failures) {
    Duration delay = policy.delay(failures);
    if (delay.isZero()) {
      return Future.succeededFuture(Optional.empty());
    }
    Promise<Optional<Principal>> later = Promise.promise();
    vertx.setTimer(delay.toMillis(), id -> later.complete(Optional.empty()));
    return later.future();
  }
}
