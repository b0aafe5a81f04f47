package org.leitwarte.incident.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perPerson} notifications per person in any sliding {@code window}. What is held back
 * is counted, and the next notification that goes out says how many. Notifications that do not count
 * (an incident is over) pass while there is room but use none of it; when the budget is spent they are
 * held back like the rest, so a storm of recoveries does not page anyone either.
 */
final class RateLimiter {

  /** What to do with a notification. */
  sealed interface Decision {

    /** Send it, and say that {@code suppressedBefore} were held back since the last one. */
    record Send(int suppressedBefore) implements Decision {}

    /** Hold it back; {@code suppressedSoFar} counts this one. */
    record Suppress(int suppressedSoFar) implements Decision {}
  }

  private static final class PersonBudget {
    final Deque<Instant> sent = new ArrayDeque<>();
    int suppressed;
  }

  private final int perPerson;
  private final Duration window;
  private final Clock clock;
  private final Map<String, PersonBudget> budgets = new HashMap<>();

  RateLimiter(int perPerson, Duration window, Clock clock) {
    if (perPerson < 1) {
      throw new IllegalArgumentException("rate limit per person must be at least 1");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rate limit window must be positive");
    }
    this.perPerson = perPerson;
    this.window = window;
    this.clock = clock;
  }

  /**
   * @param counts whether the notification uses the budget (false for RESOLVED)
   */
  synchronized Decision admit(String person, boolean counts) {
    Instant now = clock.instant();
    PersonBudget budget = budgets.computeIfAbsent(person, id -> new PersonBudget());
    Instant oldestInWindow = now.minus(window);
    while (!budget.sent.isEmpty() && !budget.sent.peekFirst().isAfter(oldestInWindow)) {
      budget.sent.removeFirst();
    }
    if (budget.sent.size() >= perPerson) {
      budget.suppressed++;
      return new Decision.Suppress(budget.suppressed);
    }
    if (counts) {
      budget.sent.addLast(now);
    }
    int suppressed = budget.suppressed;
    budget.suppressed = 0;
    if (budget.sent.isEmpty()) {
      budgets.remove(person);
    }
    return new Decision.Send(suppressed);
  }
}
