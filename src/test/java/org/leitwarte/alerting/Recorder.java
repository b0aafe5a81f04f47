package org.leitwarte.alerting;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.leitwarte.collect.Sample;

/** Feeds an evaluator and keeps every change it announced, as the incident engine and the store would. */
final class Recorder {

  final AlertEvaluator evaluator;
  final List<AlertChange> changes = new ArrayList<>();

  Recorder(AlertEvaluator evaluator) {
    this.evaluator = evaluator;
  }

  List<AlertChange> accept(Sample... samples) {
    List<AlertChange> now = new ArrayList<>();
    for (Sample sample : samples) {
      now.addAll(evaluator.accept(sample));
    }
    changes.addAll(now);
    return now;
  }

  List<AlertChange> tick(Instant at) {
    List<AlertChange> now = evaluator.tick(at);
    changes.addAll(now);
    return now;
  }

  /** Pages: changes that made an alert start notifying. */
  long pages() {
    return changes.stream().filter(AlertChange::startsNotifying).count();
  }

  long allClears() {
    return changes.stream().filter(AlertChange::stopsNotifying).count();
  }

  List<AlertState> states() {
    return changes.stream().map(c -> c.alert().state()).toList();
  }
}
