package org.leitwarte.incident.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.Notification;

/**
 * When the steps of an escalation are due, without any I/O: level 1 at {@code group_wait} after the
 * incident was made; level n its delay after level n-1; after the last level the levels again from the
 * top, {@code repeat} more times (the wait before a new round is the last level's delay, or the route's
 * {@code repeat_interval} when the policy has one level); after the last round the last level again
 * every {@code repeat_interval}, for as long as nobody acknowledges.
 *
 * <p>A step is counted from when the step before it ran, not from when it was due, so that a step
 * that ran late (Leitwarte was down) does not bring on the next ones in a burst.
 *
 * @param delays the delay of every level, in order (the first level's is not used)
 * @param repeat how many more rounds after the first
 * @param repeatInterval the wait between repeats after the last round; zero or negative: no repeats
 */
public record EscalationPlan(List<Duration> delays, int repeat, Duration repeatInterval) {

  /** The shortest wait before a new round, so that a policy without waits cannot page in a tight loop. */
  static final Duration MIN_ROUND_WAIT = Duration.ofMinutes(1);

  public EscalationPlan {
    delays = List.copyOf(delays);
    if (delays.isEmpty()) {
      throw new IllegalArgumentException("delays: an escalation has at least one level");
    }
    if (repeat < 0) {
      throw new IllegalArgumentException("repeat: must not be negative");
    }
    Objects.requireNonNull(repeatInterval, "repeatInterval");
  }

  public static EscalationPlan of(EscalationPolicy policy, Duration repeatInterval) {
    return new EscalationPlan(policy.levels().stream().map(EscalationPolicy.Level::delay).toList(), policy.repeat(), repeatInterval);
  }

  /**
   * One step: notify a level.
   *
   * @param level 1-based
   * @param round 1 for the first pass through the levels; rounds past {@code repeat + 1} are repeats
   */
  public record Step(int level, int round, Instant due) {
    public Step {
      if (level < 1 || round < 1) {
        throw new IllegalArgumentException("level and round count from 1, got level " + level + ", round " + round);
      }
      Objects.requireNonNull(due, "due");
    }
  }

  public int levels() {
    return delays.size();
  }

  public int rounds() {
    return repeat + 1;
  }

  public Step first(Instant createdAt, Duration groupWait) {
    return new Step(1, 1, createdAt.plus(groupWait));
  }

  /** Which level's targets a step notifies (a level the policy lost since is its last one). */
  public int level(Step step) {
    return Math.min(step.level(), levels());
  }

  public Notification.Kind kind(Step step) {
    if (step.round() > rounds()) {
      return Notification.Kind.REPEATED;
    }
    return step.level() == 1 && step.round() == 1 ? Notification.Kind.TRIGGERED : Notification.Kind.ESCALATED;
  }

  /** The step after {@code step}, which ran at {@code ranAt}; empty when nothing follows. */
  public Optional<Step> next(Step step, Instant ranAt) {
    Instant base = ranAt.isAfter(step.due()) ? ranAt : step.due();
    int level = level(step);
    int round = step.round();
    if (round <= rounds() && level < levels()) {
      return Optional.of(new Step(level + 1, round, base.plus(delays.get(level))));
    }
    if (round < rounds()) {
      return Optional.of(new Step(1, round + 1, base.plus(roundWait())));
    }
    if (repeatInterval.isZero() || repeatInterval.isNegative()) {
      return Optional.empty();
    }
    return Optional.of(new Step(levels(), round + 1, base.plus(repeatInterval)));
  }

  /**
   * The step after {@code step} when its level had nobody to notify: the next level of the same round
   * at once (waiting its delay would only lose time), else as {@link #next}.
   */
  public Optional<Step> nextAfterNobody(Step step, Instant ranAt) {
    return next(step, ranAt).map(following -> following.round() == step.round() && following.level() > level(step)
        ? new Step(following.level(), following.round(), ranAt)
        : following);
  }

  private Duration roundWait() {
    Duration wait = levels() > 1 ? delays.get(levels() - 1) : repeatInterval;
    return wait.compareTo(MIN_ROUND_WAIT) < 0 ? MIN_ROUND_WAIT : wait;
  }
}
