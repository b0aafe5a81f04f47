package org.leitwarte.collect.icmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.leitwarte.collect.icmp.ReachabilityTracker.Observation;
import org.leitwarte.collect.icmp.ReachabilityTracker.State;

class ReachabilityTrackerTest {

  private static final Observation UP = new Observation(State.REACHABLE, "");
  private static final Observation DOWN = new Observation(State.UNREACHABLE, "");

  private final ReachabilityTracker tracker = new ReachabilityTracker();

  @Test
  void only_changes_are_reported_not_every_poll() {
    assertThat(tracker.observe("r1", UP)).contains(new ReachabilityTracker.Change(Optional.empty(), UP));
    assertThat(tracker.observe("r1", UP)).isEmpty();
    assertThat(tracker.observe("r1", DOWN)).contains(new ReachabilityTracker.Change(Optional.of(UP), DOWN));
    assertThat(tracker.observe("r1", DOWN)).isEmpty();
    assertThat(tracker.observe("r1", DOWN)).isEmpty();
    assertThat(tracker.observe("r1", UP)).contains(new ReachabilityTracker.Change(Optional.of(DOWN), UP));
  }

  @Test
  void devices_are_tracked_apart() {
    tracker.observe("r1", DOWN);

    assertThat(tracker.observe("r2", DOWN)).isPresent();
    assertThat(tracker.observe("r1", DOWN)).isEmpty();
  }

  @Test
  void a_failure_with_a_new_reason_is_a_change() {
    Observation badAddress = new Observation(State.FAILED, "invalid address");
    tracker.observe("r1", badAddress);

    assertThat(tracker.observe("r1", badAddress)).isEmpty();
    assertThat(tracker.observe("r1", new Observation(State.FAILED, "fping was killed"))).isPresent();
  }
}
