package org.leitwarte.alerting.silence;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.Suppressor;

/**
 * Suppresses alerts matched by a silence in effect, naming it: {@code silence:7}. Holds a snapshot of the
 * silences that {@link #replace} swaps whole, so the evaluator reads without locks while the API changes
 * silences; reload it from {@link SilenceRepository#current} after each change.
 */
public final class SilenceSuppressor implements Suppressor {

  public static final String REASON_PREFIX = "silence:";

  private volatile List<Silence> silences = List.of();

  public SilenceSuppressor() {}

  public SilenceSuppressor(Collection<Silence> silences) {
    replace(silences);
  }

  /** Makes {@code silences} the ones in force; the oldest (lowest id) names the reason when several match. */
  public void replace(Collection<Silence> silences) {
    this.silences = silences.stream().sorted(Comparator.comparingLong(Silence::id)).toList();
  }

  public List<Silence> silences() {
    return silences;
  }

  @Override
  public Optional<String> suppressedBy(Map<String, String> labels, Instant now) {
    for (Silence silence : silences) {
      if (silence.isActive(now) && silence.matches(labels)) {
        return Optional.of(reason(silence.id()));
      }
    }
    return Optional.empty();
  }

  public static String reason(long id) {
    return REASON_PREFIX + id;
  }
}
