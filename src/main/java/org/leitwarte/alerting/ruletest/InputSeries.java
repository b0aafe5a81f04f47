package org.leitwarte.alerting.ruletest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.leitwarte.collect.Sample;

/**
 * One input series of a rule test: a measurement with its tags, and per field the value at each step
 * ({@code null}: none). The sample of a step holds every field that has a value there; a step where no
 * field has one yields no sample.
 *
 * @param line where the series is written in the test file
 */
public record InputSeries(String measurement, Map<String, String> tags, Map<String, List<Object>> fields, int line) {

  public InputSeries {
    Objects.requireNonNull(measurement, "measurement");
    tags = Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    Map<String, List<Object>> copy = new LinkedHashMap<>();
    fields.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    fields = Collections.unmodifiableMap(copy);
  }

  /** The number of steps: that of its longest field. */
  public int steps() {
    return fields.values().stream().mapToInt(List::size).max().orElse(0);
  }

  /** The sample at {@code step}, with {@code tags}, or empty when no field has a value there. */
  public Optional<Sample> sampleAt(int step, Map<String, String> tags, long timestampMillis) {
    Map<String, Object> values = new TreeMap<>();
    fields.forEach((name, series) -> {
      if (step < series.size() && series.get(step) != null) {
        values.put(name, series.get(step));
      }
    });
    return values.isEmpty() ? Optional.empty() : Optional.of(new Sample(measurement, tags, values, timestampMillis));
  }
}
