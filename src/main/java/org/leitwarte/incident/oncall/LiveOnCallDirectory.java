package org.leitwarte.incident.oncall;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.leitwarte.incident.EscalationPolicy;
import org.leitwarte.incident.OnCallDirectory;
import org.leitwarte.incident.Person;
import org.leitwarte.incident.Team;

/**
 * The on-call directory the service uses: answers from the current {@link OnCallSnapshot}, which is
 * swapped whole when {@code oncall.yaml} is reloaded or an override is made or removed, so a reader
 * never sees half of a change. Safe to read from any thread.
 */
public final class LiveOnCallDirectory implements OnCallDirectory {

  /** How far back {@link #refreshOverrides} keeps overrides, so the timeline of the past week is right. */
  public static final Duration OVERRIDE_HISTORY = Duration.ofDays(7);

  private final AtomicReference<OnCallSnapshot> current;
  private final AtomicLong refreshesStarted = new AtomicLong();
  private long newestRefreshApplied;

  public LiveOnCallDirectory(OnCallSnapshot initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  public OnCallSnapshot snapshot() {
    return current.get();
  }

  public void replace(OnCallSnapshot snapshot) {
    current.set(Objects.requireNonNull(snapshot, "snapshot"));
  }

  /** A reloaded {@code oncall.yaml}; the stored overrides stay. */
  public void replaceConfig(OnCallConfig config) {
    current.updateAndGet(snapshot -> snapshot.withConfig(config));
  }

  /**
   * Reads the overrides that end after {@code now} minus {@link #OVERRIDE_HISTORY} from the store and swaps
   * them in; call it after every override made or removed, and at start-up.
   */
  public Future<OnCallSnapshot> refreshOverrides(OnCallRepository repository, Instant now) {
    long refresh = refreshesStarted.incrementAndGet();
    return repository.overridesEndingAfter(now.minus(OVERRIDE_HISTORY)).map(overrides -> apply(refresh, overrides));
  }

  /** Applies the overrides read by a refresh unless a refresh started later has already been applied. */
  private synchronized OnCallSnapshot apply(long refresh, List<StoredOverride> overrides) {
    if (refresh < newestRefreshApplied) {
      return current.get();
    }
    newestRefreshApplied = refresh;
    return current.updateAndGet(snapshot -> snapshot.withOverrides(overrides));
  }

  @Override
  public Optional<Person> person(String id) {
    return current.get().person(id);
  }

  @Override
  public Optional<Team> team(String id) {
    return current.get().team(id);
  }

  @Override
  public Optional<EscalationPolicy> policy(String id) {
    return current.get().policy(id);
  }

  @Override
  public List<Person> onCall(String schedule, Instant at) {
    return current.get().onCall(schedule, at);
  }

  @Override
  public List<Person> resolve(EscalationPolicy.Target target, Instant at) {
    // One snapshot for the whole answer, so a team is resolved against the people of the same version.
    return current.get().resolve(target, at);
  }
}
