package org.leitwarte.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A user who signs in, as stored; never carries the password hash.
 *
 * @param name lower-case id; for the cooperative's people the same as their person id in {@code oncall.yaml}
 * @param tenant the municipality of a {@link Role#TENANT} user; empty for every other role
 * @param failedSignIns failed sign-ins in a row
 * @param lockedUntil sign-in refused until then, after too many failures
 */
public record User(
    String name,
    String displayName,
    Optional<String> email,
    Role role,
    Optional<String> tenant,
    Instant created,
    boolean disabled,
    int failedSignIns,
    Optional<Instant> lockedUntil) {

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  public User {
    checkName(name);
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(lockedUntil, "lockedUntil");
    if ((role == Role.TENANT) != tenant.isPresent()) {
      throw new IllegalArgumentException(role == Role.TENANT
          ? "tenant: a user of role tenant needs a tenant" : "tenant: only a user of role tenant belongs to a tenant");
    }
  }

  /** @throws IllegalArgumentException naming the rule when {@code name} is not a user name */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("name: '" + name + "' is not a user name (lower-case letters, digits, '.', '_', '-'; at most 64)");
    }
    return name;
  }

  public Principal principal() {
    return new Principal(name, role, tenant);
  }

  /** Whether sign-in is refused at {@code now} because of failed attempts. */
  public boolean lockedAt(Instant now) {
    return lockedUntil.filter(now::isBefore).isPresent();
  }
}
