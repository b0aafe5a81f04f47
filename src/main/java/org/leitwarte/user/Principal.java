package org.leitwarte.user;

import java.util.Objects;
import java.util.Optional;
import org.leitwarte.alerting.history.ApiScope;

/**
 * Who makes a request: a signed-in user (session cookie) or an API token's user.
 *
 * @param user the user name; for the cooperative's people the same as their person id in {@code oncall.yaml}
 * @param tenant the municipality of a {@link Role#TENANT} user; empty for every other role
 */
public record Principal(String user, Role role, Optional<String> tenant) {

  public Principal {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tenant, "tenant");
    if ((role == Role.TENANT) != tenant.isPresent()) {
      throw new IllegalArgumentException("a tenant user, and only a tenant user, belongs to a tenant");
    }
  }

  /** What this principal may see: everything for the cooperative, one tenant for a tenant user. */
  public ApiScope scope() {
    return tenant.map(ApiScope::ofTenant).orElse(ApiScope.EVERYTHING);
  }

  public boolean is(Role... roles) {
    for (Role candidate : roles) {
      if (candidate == role) {
        return true;
      }
    }
    return false;
  }
}
