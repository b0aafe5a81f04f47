package org.leitwarte.alerting.ruletest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertEvaluator;
import org.leitwarte.alerting.DependencySuppressor;
import org.leitwarte.alerting.DeviceDirectory;
import org.leitwarte.alerting.DeviceDirectory.DeviceInfo;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.Suppressor;
import org.leitwarte.alerting.maintenance.MaintenanceSuppressor;
import org.leitwarte.alerting.silence.SilenceSuppressor;
import org.leitwarte.collect.Sample;
import org.leitwarte.config.Durations;

/**
 * Runs one test: a fresh {@link AlertEvaluator} over the file's devices, maintenance windows and
 * silences, fed in simulated time. At each moment, in this order: the samples of that moment (in the
 * order their series are written), then a tick, then the checks of that moment. Moments are the steps of
 * the input, every {@code evaluation_interval} from the start, and every {@code at} of a check.
 */
final class Simulation {

  /** A sample and the moment it is fed. */
  private record Timed(long at, Sample sample) {}

  private final RuleTestFile file;
  private final RuleTestCase test;
  private final long start;
  private final List<String> failures = new ArrayList<>();

  private Simulation(RuleTestFile file, RuleTestCase test) {
    this.file = file;
    this.test = test;
    this.start = test.start().toInstant().toEpochMilli();
  }

  static TestResult run(RuleTestFile file, RuleTestCase test, RuleSet rules) {
    Simulation simulation = new Simulation(file, test);
    try {
      simulation.run(rules);
    } catch (RuntimeException e) {
      simulation.failures.add("the evaluator failed: " + e);
    }
    return new TestResult(test.name(), test.line(), simulation.failures);
  }

  private void run(RuleSet rules) {
    AlertEvaluator evaluator = evaluator(rules);
    List<Timed> samples = samples();
    TreeSet<Long> moments = new TreeSet<>();
    samples.forEach(timed -> moments.add(timed.at()));
    long end = start + test.end().toMillis();
    for (long tick = start; tick <= end; tick += file.evaluationInterval().toMillis()) {
      moments.add(tick);
    }
    test.alertChecks().forEach(check -> moments.add(start + check.at().toMillis()));
    List<AlertChange> changes = new ArrayList<>();
    int next = 0;
    for (long moment : moments) {
      for (; next < samples.size() && samples.get(next).at() == moment; next++) {
        changes.addAll(evaluator.accept(samples.get(next).sample()));
      }
      changes.addAll(evaluator.tick(Instant.ofEpochMilli(moment)));
      for (AlertCheck check : test.alertChecks()) {
        if (start + check.at().toMillis() == moment) {
          check(check, new ArrayList<>(evaluator.active()));
        }
      }
    }
    test.notificationChecks().forEach(check -> check(check, changes));
  }

  private AlertEvaluator evaluator(RuleSet rules) {
    Map<String, DeviceInfo> inventory = new LinkedHashMap<>();
    file.devices().forEach(device -> inventory.put(device.id(), device.info(test.interval())));
    DeviceDirectory directory = id -> Optional.ofNullable(inventory.get(id));
    Instant testStart = test.start().toInstant();
    AlertEvaluator[] evaluator = new AlertEvaluator[1];
    // The dependency suppressor asks the evaluator's reachability, which exists once the evaluator does.
    Suppressor suppressor = Suppressor.firstOf(
        new DependencySuppressor(directory, device -> evaluator[0].reachability().isDown(device)),
        new MaintenanceSuppressor(file.maintenance()),
        new SilenceSuppressor(file.silences().stream().map(silence -> silence.at(testStart)).toList()));
    evaluator[0] = new AlertEvaluator(rules, directory, suppressor);
    return evaluator[0];
  }

  /** Every sample of every series, by time; at the same time in the order the series are written. */
  private List<Timed> samples() {
    List<Timed> samples = new ArrayList<>();
    long step = test.interval().toMillis();
    for (InputSeries series : test.input()) {
      for (int k = 0; k < series.steps(); k++) {
        long at = start + k * step;
        series.sampleAt(k, series.tags(), at).ifPresent(sample -> samples.add(new Timed(at, sample)));
      }
    }
    samples.sort(Comparator.comparingLong(Timed::at)); // stable: keeps the series order within a moment
    return samples;
  }

  private void check(AlertCheck check, List<Alert> active) {
    List<Alert> inScope = AlertComparison.sorted(
        active.stream().filter(alert -> check.rule().map(alert.rule()::equals).orElse(true)).toList());
    List<String> differences = AlertComparison.differences(check.alerts(), inScope);
    if (differences.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder("at ").append(when(check.at()))
        .append(check.rule().map(rule -> ", rule " + rule).orElse(""))
        .append(" (line ").append(check.line()).append("):");
    differences.forEach(entry -> text.append("\n  ").append(entry.replace("\n", "\n  ")));
    text.append("\n  got:");
    if (inScope.isEmpty()) {
      text.append(" no active alerts");
    }
    inScope.forEach(alert -> text.append("\n    ").append(AlertText.alert(alert)));
    failures.add(text.toString());
  }

  private void check(NotificationCheck check, List<AlertChange> changes) {
    List<AlertChange> counted = changes.stream()
        .filter(change -> change.startsNotifying() || change.stopsNotifying())
        .filter(change -> check.covers(change, offset(change)))
        .toList();
    long fired = counted.stream().filter(AlertChange::startsNotifying).count();
    long resolved = counted.stream().filter(AlertChange::stopsNotifying).count();
    List<String> wrong = new ArrayList<>();
    check.fired().ifPresent(expected -> {
      if (expected != fired) {
        wrong.add("count: expected " + expected + ", got " + fired + " (alerts that start notifying)");
      }
    });
    check.resolved().ifPresent(expected -> {
      if (expected != resolved) {
        wrong.add("resolved: expected " + expected + ", got " + resolved + " (notifying alerts that end)");
      }
    });
    if (wrong.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder("notifications from ").append(when(check.from())).append(" to ")
        .append(when(check.to()))
        .append(check.rule().map(rule -> ", rule " + rule).orElse(""))
        .append(check.labels().isEmpty() ? "" : ", labels " + AlertText.labels(check.labels()))
        .append(" (line ").append(check.line()).append("):");
    wrong.forEach(line -> text.append("\n  ").append(line));
    text.append("\n  got:");
    if (counted.isEmpty()) {
      text.append(" none");
    }
    counted.forEach(change -> text.append("\n    ").append(Durations.format(offset(change))).append(' ')
        .append(change.startsNotifying() ? "starts notifying: " : "stops notifying: ")
        .append(AlertText.alert(change.alert())));
    failures.add(text.toString());
  }

  private Duration offset(AlertChange change) {
    return Duration.ofMillis(change.at().toEpochMilli() - start);
  }

  /** {@code 2m}, or {@code 2m (2026-03-03T21:02+01:00)} when the test has a wall-clock start. */
  private String when(Duration offset) {
    String text = Durations.format(offset);
    if (test.start().equals(RuleTestReader.DEFAULT_START)) {
      return text;
    }
    OffsetDateTime at = test.start().plus(offset);
    return text + " = " + at;
  }
}
