package org.leitwarte.alerting.maintenance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.silence.MatcherChecks;

/**
 * Announced maintenance: while its schedule is active, alerts whose labels match its scope do not
 * notify (they stay visible, suppressed by {@code maintenance:<id>}).
 *
 * @param id assigned by the store
 * @param scope label matchers, all of which an alert must match; at least one, and not all matching an
 *     alert without labels. A window of one tenant has a {@code tenant="…"} matcher (the API adds it for
 *     tenant users), which is what makes it visible to that tenant.
 * @param author who announced it
 * @param comment why: the change, the ticket
 * @param expiredAt when it was ended early; a window is never deleted
 */
public record MaintenanceWindow(
    long id,
    List<Matcher> scope,
    Schedule schedule,
    String author,
    String comment,
    Instant createdAt,
    Optional<Instant> expiredAt) {

  public MaintenanceWindow {
    scope = MatcherChecks.requireSelective(scope, "scope");
    Objects.requireNonNull(schedule, "schedule");
    if (author == null || author.isBlank()) {
      throw new IllegalArgumentException("author: must not be blank");
    }
    if (comment == null || comment.isBlank()) {
      throw new IllegalArgumentException("comment: must not be blank (say what is being done, or the ticket)");
    }
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiredAt, "expiredAt");
  }

  /** Every alert of a tenant. */
  public static List<Matcher> tenantScope(String tenant) {
    return List.of(Matcher.equal("tenant", tenant));
  }

  /** Every alert of a site. */
  public static List<Matcher> siteScope(String site) {
    return List.of(Matcher.equal("site", site));
  }

  /** Every alert of a device ({@code device="wr-router"}). */
  public static List<Matcher> deviceScope(String device) {
    return List.of(Matcher.equal("device", device));
  }

  /** Every alert that has all of these labels, e.g. {@code tenant=wr, role=firewall}. */
  public static List<Matcher> labelScope(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream().map(e -> Matcher.equal(e.getKey(), e.getValue())).toList();
  }

  /** The tenant the scope is limited to by a {@code tenant="…"} matcher, if it is. */
  public Optional<String> tenant() {
    return scope.stream()
        .filter(matcher -> matcher.name().equals("tenant") && matcher.op() == Matcher.Op.EQUAL)
        .map(Matcher::value)
        .findFirst();
  }

  public boolean covers(Map<String, String> labels) {
    return Matcher.all(scope, labels);
  }

  public boolean isExpired(Instant now) {
    return expiredAt.isPresent() && !now.isBefore(expiredAt.get());
  }

  /** In effect now: not expired and its schedule active. */
  public boolean isActive(Instant now) {
    return !isExpired(now) && schedule.isActive(now);
  }

  /** When it next comes into effect after {@code after} (strictly), unless it is expired by then. For the UI. */
  public Optional<Instant> nextStart(Instant after) {
    return schedule.nextStart(after).filter(start -> expiredAt.isEmpty() || start.isBefore(expiredAt.get()));
  }

  /** Expired, or its schedule will never be active again. */
  public boolean isOver(Instant now) {
    return isExpired(now) || (!schedule.isActive(now) && schedule.nextStart(now).isEmpty());
  }
}
