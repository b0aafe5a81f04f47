package org.leitwarte.incident;

import java.time.Duration;
import java.util.List;

/**
 * Who is told, in which order, until someone acknowledges: level 1 at once, level 2 after its delay
 * (counted from the previous level), …; then from the top again, {@code repeat} more times.
 */
public record EscalationPolicy(String id, String name, List<Level> levels, int repeat) {

  public EscalationPolicy {
    levels = List.copyOf(levels);
    if (levels.isEmpty()) {
      throw new IllegalArgumentException("escalation policy '" + id + "' has no levels");
    }
    if (repeat < 0) {
      throw new IllegalArgumentException("escalation policy '" + id + "': repeat must not be negative");
    }
  }

  /**
   * One level: after {@code delay} (zero for the first level: at once) its targets are notified.
   */
  public record Level(Duration delay, List<Target> targets) {
    public Level {
      targets = List.copyOf(targets);
    }
  }

  /** Whom a level notifies. */
  public sealed interface Target {

    /** Whoever is on call in the schedule at that moment. */
    record OnCall(String schedule) implements Target {}

    /** One person. */
    record OnePerson(String person) implements Target {}

    /** Every member of the team. */
    record WholeTeam(String team) implements Target {}
  }
}
