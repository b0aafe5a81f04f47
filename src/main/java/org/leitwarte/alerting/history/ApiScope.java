package org.leitwarte.alerting.history;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.leitwarte.alerting.Matcher;

/**
 * Whose objects an API request may see and change. Today every request sees everything; once users
 * sign in, a tenant user's requests carry their tenant, and an object of another tenant answers exactly
 * as a missing one does. Every API method takes one, so that change is made where the scope is built.
 *
 * <p>Used by the alert, silence and maintenance APIs alike; it lives here, beside the first of them,
 * until a shared home for request concerns exists.
 *
 * @param tenant empty: every tenant
 */
public record ApiScope(Optional<String> tenant) {

  /** No restriction: what every request gets until sign-in exists. */
  public static final ApiScope EVERYTHING = new ApiScope(Optional.empty());

  public ApiScope {
    Objects.requireNonNull(tenant, "tenant");
    if (tenant.isPresent() && tenant.get().isBlank()) {
      throw new IllegalArgumentException("tenant: must not be blank");
    }
  }

  public static ApiScope ofTenant(String tenant) {
    return new ApiScope(Optional.of(tenant));
  }

  /** Whether an object of {@code objectTenant} ("" when it has none) is visible. */
  public boolean sees(String objectTenant) {
    return tenant.isEmpty() || tenant.get().equals(objectTenant);
  }

  /** Whether an object limited to {@code objectTenant} (empty: to none, i.e. global) is visible. */
  public boolean sees(Optional<String> objectTenant) {
    return tenant.isEmpty() || tenant.equals(objectTenant);
  }

  /**
   * The tenant that label {@code matchers} are limited to by a {@code tenant="…"} matcher, if they are:
   * what makes a silence or maintenance window visible to that tenant.
   */
  public static Optional<String> tenantOf(List<Matcher> matchers) {
    return matchers.stream()
        .filter(matcher -> matcher.name().equals("tenant") && matcher.op() == Matcher.Op.EQUAL)
        .map(Matcher::value)
        .findFirst();
  }

  /**
   * {@code matchers} limited to this scope's tenant: unchanged for an unrestricted scope; for a tenant,
   * with a {@code tenant="…"} matcher added if there is none.
   *
   * @param field the request field the matchers came from, for the message
   * @throws InvalidInputException when the matchers name the tenant label in any other way
   */
  public List<Matcher> limit(List<Matcher> matchers, String field) {
    if (tenant.isEmpty()) {
      return matchers;
    }
    Matcher own = Matcher.equal("tenant", tenant.get());
    List<Matcher> tenantMatchers = matchers.stream().filter(matcher -> matcher.name().equals("tenant")).toList();
    if (tenantMatchers.isEmpty()) {
      return Stream.concat(matchers.stream(), Stream.of(own)).toList();
    }
    if (tenantMatchers.stream().allMatch(own::equals)) {
      return matchers;
    }
    throw new InvalidInputException(field, "may only name your own tenant (tenant=\"" + tenant.get() + "\")");
  }
}
