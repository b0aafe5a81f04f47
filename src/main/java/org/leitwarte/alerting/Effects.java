package org.leitwarte.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a {@link Track} may do to the world: ask the suppressor, and announce changes. */
final class Effects {

  private final Suppressor suppressor;
  private List<AlertChange> changes;

  Effects(Suppressor suppressor) {
    this.suppressor = suppressor;
  }

  Optional<String> suppressedBy(Map<String, String> labels, long at) {
    return suppressor.suppressedBy(labels, Instant.ofEpochMilli(at));
  }

  /** Announces that {@code before} (null: a new alert) became {@code now}. */
  void changed(Alert before, Alert now, long at) {
    if (changes == null) {
      changes = new ArrayList<>(4);
    }
    changes.add(new AlertChange(
        now,
        before == null ? Optional.empty() : Optional.of(before.state()),
        before == null ? Optional.empty() : before.suppressedBy(),
        Instant.ofEpochMilli(at)));
  }

  /** The changes since the last call, in the order they happened. */
  List<AlertChange> drain() {
    if (changes == null) {
      return List.of();
    }
    List<AlertChange> drained = changes;
    changes = null;
    return drained;
  }
}
