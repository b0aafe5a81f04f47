package org.leitwarte.alerting.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;
import org.leitwarte.alerting.Evaluation;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.collect.Sample;
import org.leitwarte.collect.Schema;

/**
 * What a rule costs per sample: the shipped conditions through {@link CelCondition} (a variable
 * resolver over the sample's fields), the same program fed a HashMap activation for comparison, an
 * annotation rendering, and a full load of alert-rules/. Not a test (it asserts nothing); run it by
 * hand: {@code java -cp target/test-classes:target/classes:<deps>
 * org.leitwarte.alerting.rules.RuleEvaluationBenchmark [seconds per case]}.
 */
public final class RuleEvaluationBenchmark {

  private static volatile Object sink;

  private RuleEvaluationBenchmark() {}

  public static void main(String[] args) throws Exception {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
    RuleSet rules = RuleLoader.load(Path.of("alert-rules"));
    Map<String, String> tags = Map.of("tenant", "wernigerode", "site", "rathaus", "device", "wr-sw1",
        "if_index", "10101", "if_name", "GigabitEthernet1/0/1");
    Map<String, String> labels = new HashMap<>(tags);
    labels.putAll(Map.of("role", "switch", "service", "Fachverfahren"));
    Sample interfaceSample = new Sample("interface", tags, Map.ofEntries(
        Map.entry("alias", "Uplink Rathaus"), Map.entry("oper_status", 1L), Map.entry("admin_status", 1L),
        Map.entry("speed_bps", 1_000_000_000L), Map.entry("in_octets", 123_456_789L), Map.entry("out_octets", 987_654_321L),
        Map.entry("in_errors", 0L), Map.entry("out_errors", 0L), Map.entry("in_discards", 0L), Map.entry("out_discards", 0L),
        Map.entry("in_bps", 9.1e8), Map.entry("out_bps", 1.2e8), Map.entry("util_in_pct", 91.0),
        Map.entry("util_out_pct", 12.0), Map.entry("in_errors_ps", 0.0), Map.entry("out_errors_ps", 0.0)), 0L);
    Evaluation onInterface = new Evaluation(interfaceSample, labels, Optional.empty());
    Sample snmp = new Sample("snmp", Map.of("tenant", "t", "site", "s", "device", "d"),
        Map.of("reachable", 1L, "status", "ok", "uptime_s", 3_000_000L, "response_ms", 3.2), 0L);
    Sample snmpBefore = new Sample("snmp", snmp.tags(), Map.of("reachable", 1L, "status", "ok", "uptime_s", 2_999_940L), 0L);
    Evaluation onSnmp = new Evaluation(snmp, snmp.tags(), Optional.of(snmpBefore));

    System.out.printf("%-58s %10s%n", "case", "ns/sample");
    for (String name : List.of("interface_down", "interface_utilisation", "interface_errors")) {
      Rule.Condition condition = rules.rule(name).orElseThrow().condition();
      report(name + ": condition (resolver)", seconds, () -> condition.test(onInterface));
    }
    Rule.Condition rebooted = rules.rule("device_rebooted").orElseThrow().condition();
    report("device_rebooted: condition with previous (resolver)", seconds, () -> rebooted.test(onSnmp));

    // The same compiled program, activation built as a HashMap per sample, as a plain eval(Map) needs.
    Schema.Measurement measurement = Schema.standard().measurement("interface").orElseThrow();
    CelRuntime.Program program = new CelEnvironment()
        .compile(measurement, "util_in_pct > 90 || util_out_pct > 90").program().orElseThrow();
    report("interface_utilisation: same program, HashMap activation", seconds, () -> {
      Map<String, Object> activation = new HashMap<>(interfaceSample.fields());
      activation.put("labels", labels);
      activation.put("previous", Map.of());
      try {
        return program.eval(activation);
      } catch (CelEvaluationException e) {
        throw new IllegalStateException(e);
      }
    });

    Rule.ValueExpression value = rules.rule("interface_utilisation").orElseThrow().value().orElseThrow();
    report("interface_utilisation: value", seconds, () -> value.value(onInterface));
    Rule.Annotations annotations = rules.rule("interface_utilisation").orElseThrow().annotations();
    Rule.AnnotationContext context = new Rule.AnnotationContext(labels, interfaceSample.fields(), OptionalDouble.of(91),
        org.leitwarte.alerting.Severity.WARNING, Instant.now());
    report("interface_utilisation: render annotations (de)", seconds, () -> annotations.render("de", context));
    report("load alert-rules/ (all files, compile, check)", seconds, () -> RuleLoader.loadLenient(Path.of("alert-rules")));
  }

  private static void report(String name, double seconds, Supplier<Object> work) {
    long warmUpEnd = System.nanoTime() + (long) (seconds * 0.5e9);
    while (System.nanoTime() < warmUpEnd) {
      sink = work.get();
    }
    long count = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now;
    do {
      for (int i = 0; i < 100; i++) {
        sink = work.get();
      }
      count += 100;
      now = System.nanoTime();
    } while (now < end);
    System.out.printf("%-58s %10.0f%n", name, (now - start) / (double) count);
  }
}
