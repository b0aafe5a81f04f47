package org.leitwarte.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.Severity;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.Problem;

class RuleLoaderTest {

  @TempDir Path dir;

  @Test
  void a_complete_rule_is_read_with_every_setting() throws Exception {
    write("interface.yaml", """
        rules:
          - name: interface_saturated
            measurement: interface
            match: {role: router, tenant: "!=test", if_name: "=~Gi.*", site: "!~lab-.*"}
            condition: util_in_pct > 90
            clear: util_in_pct < 80.0
            for: 10m
            keep_firing_for: 2m
            severity: critical
            labels: {team: netz}
            value: util_in_pct
            no_data: 3
            flapping: {changes: 4, window: 30m}
            annotations:
              summary:
                de: "{{labels.if_name}} ausgelastet"
                en: "{{labels.if_name}} saturated"
              runbook: "https://wiki.leitwarte.local/runbooks/interface_saturated"
        """);

    RuleSet rules = RuleLoader.load(dir);

    Rule rule = rules.rule("interface_saturated").orElseThrow();
    assertThat(rule.source()).isEqualTo("interface.yaml:2");
    assertThat(rule.measurement()).isEqualTo("interface");
    assertThat(rule.matchers()).containsExactly(
        Matcher.of("role", Matcher.Op.EQUAL, "router"),
        Matcher.of("tenant", Matcher.Op.NOT_EQUAL, "test"),
        Matcher.of("if_name", Matcher.Op.REGEX, "Gi.*"),
        Matcher.of("site", Matcher.Op.NOT_REGEX, "lab-.*"));
    assertThat(rule.condition().expression()).isEqualTo("util_in_pct > 90");
    assertThat(rule.clearCondition().map(Rule.Condition::expression)).contains("util_in_pct < 80.0");
    assertThat(rule.forDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(rule.keepFiringFor()).isEqualTo(Duration.ofMinutes(2));
    assertThat(rule.severity()).isEqualTo(Severity.CRITICAL);
    assertThat(rule.labels()).containsExactlyEntriesOf(Map.of("team", "netz"));
    assertThat(rule.value()).isPresent();
    assertThat(rule.noData()).contains(3);
    assertThat(rule.flapping()).isEqualTo(new Rule.Flapping(4, Duration.ofMinutes(30)));
    assertThat(rules.forMeasurement("interface")).containsExactly(rule);
  }

  @Test
  void defaults_apply_to_a_minimal_rule() throws Exception {
    write("icmp.yaml", """
        rules:
          - {name: lost, measurement: icmp, condition: received == 0, severity: info}
        """);

    Rule rule = RuleLoader.load(dir).rule("lost").orElseThrow();

    assertThat(rule.matchers()).isEmpty();
    assertThat(rule.clearCondition()).isEmpty();
    assertThat(rule.forDuration()).isZero();
    assertThat(rule.keepFiringFor()).isZero();
    assertThat(rule.labels()).isEmpty();
    assertThat(rule.value()).isEmpty();
    assertThat(rule.noData()).isEmpty();
    assertThat(rule.flapping()).isEqualTo(Rule.Flapping.DEFAULT);
  }

  @Test
  void flapping_off_disables_the_detection() throws Exception {
    write("icmp.yaml", """
        rules:
          - {name: lost, measurement: icmp, condition: received == 0, severity: info, flapping: off}
        """);

    assertThat(RuleLoader.load(dir).rule("lost").orElseThrow().flapping()).isEqualTo(Rule.Flapping.OFF);
  }

  static Stream<Arguments> badRules() {
    String head = "rules:\n  - name: x\n    measurement: interface\n    severity: warning\n";
    return Stream.of(
        arguments("unknown key",
            head + "    condition: oper_status == 2\n    keep_firng_for: 5m\n",
            List.of("rules.yaml:6: rule 'x': unknown key 'keep_firng_for' (did you mean 'keep_firing_for'?)")),
        arguments("unknown measurement",
            "rules:\n  - name: x\n    measurement: interfaces\n    severity: warning\n    condition: oper_status == 2\n",
            List.of("rules.yaml:3: rule 'x': measurement: unknown measurement 'interfaces' (did you mean 'interface'?)")),
        arguments("unknown measurement without a close one",
            "rules:\n  - name: x\n    measurement: ups\n    severity: warning\n    condition: charge < 10\n",
            List.of("rules.yaml:3: rule 'x': measurement: unknown measurement 'ups' (known: icmp, snmp, interface, cpu, storage, load, service_check, snmp_trap, leitwarte, alert_event)")),
        arguments("unknown field",
            head + "    condition: util_out_pc > 90\n",
            List.of("rules.yaml:5: rule 'x': condition: measurement 'interface' has no field 'util_out_pc' (did you mean 'util_out_pct'?)")),
        arguments("tag used as a field",
            head + "    condition: if_name == 'Gi0/1'\n",
            List.of("rules.yaml:5: rule 'x': condition: measurement 'interface' has no field 'if_name' ('if_name' is a tag: write labels.if_name)")),
        arguments("unknown function",
            head + "    condition: maximum(util_in_pct, util_out_pct) > 90\n",
            List.of("rules.yaml:5: rule 'x': condition: unknown function 'maximum'")),
        arguments("syntax error",
            head + "    condition: oper_status == 2 &&\n",
            List.of("rules.yaml:5: rule 'x': condition: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}")),
        arguments("type error",
            head + "    condition: oper_status == \"down\"\n",
            List.of("rules.yaml:5: rule 'x': condition: found no matching overload for '==' applied to '(int, string)'")),
        arguments("condition that is not a bool",
            head + "    condition: util_in_pct * 2\n",
            List.of("rules.yaml:5: rule 'x': condition: found no matching overload for '*' applied to '(double, int)'")),
        arguments("condition that gives a number",
            head + "    condition: util_in_pct\n",
            List.of("rules.yaml:5: rule 'x': condition: must give true or false (a bool), but gives a double")),
        arguments("value that is not a number",
            head + "    condition: oper_status == 2\n    value: alias\n",
            List.of("rules.yaml:6: rule 'x': value: must give a number (an int or a double), but gives a string")),
        arguments("clear with an error",
            head + "    condition: util_in_pct > 90\n    clear: util_in_pct < \n",
            List.of("rules.yaml:6: rule 'x': clear: mismatched input '<EOF>' expecting {'[', '{', '(', '.', '-', '!', 'true', 'false', 'null', NUM_FLOAT, NUM_INT, NUM_UINT, STRING, BYTES, IDENTIFIER}")),
        arguments("error on the second line of a multi-line condition",
            head + "    condition: |\n      admin_status == 1 &&\n      oper_sttus == 2\n",
            List.of("rules.yaml:7: rule 'x': condition: measurement 'interface' has no field 'oper_sttus' (did you mean 'oper_status'?)")),
        arguments("error on the second line of a folded condition",
            head + "    condition: >-\n      admin_status == 1 &&\n      oper_sttus == 2\n",
            List.of("rules.yaml:7: rule 'x': condition: measurement 'interface' has no field 'oper_sttus' (did you mean 'oper_status'?)")),
        arguments("error on the third line of a plain multi-line condition",
            head + "    condition: admin_status == 1\n      && oper_status == 2\n      && speed_bsp > 0\n",
            List.of("rules.yaml:7: rule 'x': condition: measurement 'interface' has no field 'speed_bsp' (did you mean 'speed_bps'?)")),
        arguments("missing condition",
            head,
            List.of("rules.yaml:2: rule 'x': missing key 'condition'")),
        arguments("bad regex",
            head + "    condition: oper_status == 2\n    match:\n      role: router\n      if_name: \"=~Gi[0-9\"\n",
            List.of("rules.yaml:8: rule 'x': match.if_name: invalid regular expression 'Gi[0-9': Unclosed character class at position 6")),
        arguments("matcher value YAML reads as a tag",
            head + "    condition: oper_status == 2\n    match:\n      tenant: !=test\n",
            List.of("rules.yaml:7: rule 'x': YAML reads !=test as a type tag; put the value in quotes: \"!=test\"")),
        arguments("field used as a matcher",
            head + "    condition: util_in_pct > 90\n    match: {oper_status: 2}\n",
            List.of("rules.yaml:6: rule 'x': match: 'oper_status' is a field of measurement 'interface', not a label: test it in condition:")),
        arguments("bad severity",
            "rules:\n  - name: x\n    measurement: icmp\n    severity: high\n    condition: received == 0\n",
            List.of("rules.yaml:4: rule 'x': severity: expected critical, warning or info, got 'high'")),
        arguments("bad duration",
            head + "    condition: oper_status == 2\n    for: 5\n",
            List.of("rules.yaml:6: rule 'x': for: expected a duration with a unit, got '5' (write e.g. 5s or 5m)")),
        arguments("bad keep_firing_for",
            head + "    condition: oper_status == 2\n    keep_firing_for: soon\n",
            List.of("rules.yaml:6: rule 'x': keep_firing_for: expected a duration like 500ms, 30s, 5m or 1h30m, got 'soon'")),
        arguments("bad name",
            "rules:\n  - name: Interface-Down\n    measurement: icmp\n    severity: info\n    condition: received == 0\n",
            List.of("rules.yaml:2: rule 'Interface-Down': name: must start with a lower-case letter and hold only a-z, 0-9 and _, got 'Interface-Down'")),
        arguments("label overriding a tag",
            head + "    condition: oper_status == 2\n    labels:\n      device: other\n      if_name: x\n",
            List.of(
                "rules.yaml:7: rule 'x': labels: 'device' comes from the sample and cannot be overridden by a rule",
                "rules.yaml:8: rule 'x': labels: 'if_name' comes from the sample and cannot be overridden by a rule")),
        arguments("label named severity",
            head + "    condition: oper_status == 2\n    labels: {severity: page, Team: x}\n",
            List.of(
                "rules.yaml:6: rule 'x': labels: 'severity' is set from the rule's severity and cannot be given as a label",
                "rules.yaml:6: rule 'x': labels: label name 'Team' must start with a-z or _ and hold only a-z, 0-9 and _")),
        arguments("no_data out of range",
            head + "    condition: oper_status == 2\n    no_data: 0\n",
            List.of("rules.yaml:6: rule 'x': no_data: expected an integer 1–1000, got '0'")),
        arguments("flapping neither off nor a mapping",
            head + "    condition: oper_status == 2\n    flapping: sometimes\n",
            List.of("rules.yaml:6: rule 'x': flapping: expected off or {changes: 6, window: 10m}, got 'sometimes'")),
        arguments("flapping with an unknown key",
            head + "    condition: oper_status == 2\n    flapping: {changes: 3, windw: 5m}\n",
            List.of("rules.yaml:6: rule 'x': flapping: unknown key 'windw' (did you mean 'window'?)")),
        arguments("template with an unknown label",
            head + "    condition: oper_status == 2\n    annotations:\n      summary: \"{{labels.if_name}} auf {{labels.nonexistent_label}}\"\n",
            List.of("rules.yaml:7: rule 'x': annotations.summary: {{labels.nonexistent_label}}: no alert of this rule is sure to have label 'nonexistent_label' (known: alertname, device, if_index, if_name, severity, site, tenant); name it in match:, or show it only when present: {{#labels.nonexistent_label}}…{{/labels.nonexistent_label}}")),
        arguments("template with an unknown field, in English",
            head + "    condition: oper_status == 2\n    annotations:\n      summary:\n        de: \"{{fields.alias}}\"\n        en: \"{{fields.alais}}\"\n",
            List.of("rules.yaml:9: rule 'x': annotations.summary.en: {{fields.alais}}: measurement 'interface' has no field 'alais' (did you mean 'alias'?)")),
        arguments("template with value but no value expression",
            head + "    condition: oper_status == 2\n    annotations: {summary: \"{{value}} %\"}\n",
            List.of("rules.yaml:6: rule 'x': annotations.summary: {{value}}: the rule has no value: expression to show")),
        arguments("template with an unknown variable",
            head + "    condition: oper_status == 2\n    annotations: {summary: \"{{severty}}\"}\n",
            List.of("rules.yaml:6: rule 'x': annotations.summary: {{severty}}: unknown variable (did you mean 'severity'? known: labels, fields, value, severity, since)")),
        arguments("template with an unknown field in a section",
            head + "    condition: oper_status == 2\n    annotations: {summary: \"{{#fields.alais}}x{{/fields.alais}}\"}\n",
            List.of("rules.yaml:6: rule 'x': annotations.summary: {{fields.alais}}: measurement 'interface' has no field 'alais' (did you mean 'alias'?)")),
        arguments("template syntax error",
            head + "    condition: oper_status == 2\n    annotations:\n      summary: |\n        Zeile eins\n        {{#labels.device}}ohne Ende\n",
            List.of("rules.yaml:9: rule 'x': annotations.summary: template syntax error: Section missing close tag 'labels.device'")),
        arguments("template with an unclosed tag",
            head + "    condition: oper_status == 2\n    annotations: {summary: \"{{labels.device\"}\n",
            List.of("rules.yaml:6: rule 'x': annotations.summary: template syntax error: '{{' is never closed with '}}'")),
        arguments("annotation in an unknown language",
            head + "    condition: oper_status == 2\n    annotations:\n      summary: {de: ja, fr: oui}\n",
            List.of("rules.yaml:7: rule 'x': annotations.summary: unknown key 'fr'")),
        arguments("annotation without German",
            head + "    condition: oper_status == 2\n    annotations:\n      summary: {en: yes}\n",
            List.of("rules.yaml:7: rule 'x': annotations.summary: missing key 'de'")),
        arguments("rules that is not a list",
            "rules: {name: x}\n",
            List.of("rules.yaml:1: rules: expected a list of rules")),
        arguments("unknown top-level key",
            "rule:\n  - name: x\n",
            List.of("rules.yaml:1: missing key 'rules' (a list of rules)", "rules.yaml:1: unknown key 'rule' (did you mean 'rules'?)")),
        arguments("YAML syntax error",
            "rules:\n  - name: x\n   measurement: icmp\n",
            List.of("rules.yaml:3: YAML syntax error: expected <block end>, but found '<block mapping start>' (while parsing a block collection)")),
        arguments("empty file",
            "",
            List.of("rules.yaml: the file is empty")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badRules")
  void bad_rule_is_refused_with_file_and_line(String name, String yaml, List<String> expected) throws IOException {
    write("rules.yaml", yaml);

    assertThatThrownBy(() -> RuleLoader.load(dir))
        .isInstanceOfSatisfying(ConfigException.class,
            e -> assertThat(e.problems()).map(Problem::toString).containsExactlyElementsOf(expected));
  }

  @Test
  void every_problem_of_every_file_is_reported_at_once() throws Exception {
    write("a.yaml", "rules:\n  - {name: a, measurement: icmp, condition: lost > 1, severity: info}\n");
    write("b.yaml", "rules:\n  - {name: b, measurement: icmp, condition: received == 0, severity: urgent}\n");

    assertThatThrownBy(() -> RuleLoader.load(dir))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).map(Problem::toString).containsExactly(
            "a.yaml:2: rule 'a': condition: measurement 'icmp' has no field 'lost'",
            "b.yaml:2: rule 'b': severity: expected critical, warning or info, got 'urgent'"));
  }

  @Test
  void a_name_used_in_two_files_names_both_places() throws Exception {
    write("a.yaml", "rules:\n  - {name: down, measurement: icmp, condition: received == 0, severity: info}\n");
    write("b.yaml", "# second\nrules:\n  - {name: ok, measurement: icmp, condition: received > 0, severity: info}\n"
        + "  - {name: down, measurement: snmp, condition: reachable == 0, severity: info}\n");

    LoadResult result = RuleLoader.loadLenient(dir);

    assertThat(result.problems()).map(Problem::toString).containsExactly(
        "b.yaml:4: rule 'down': the name is already used by the rule at a.yaml:2 (rule names must be unique across all rule files)");
    assertThat(result.rules().rule("down").orElseThrow().measurement()).isEqualTo("icmp");
    assertThat(result.rules().rule("ok")).isPresent();
  }

  @Test
  void a_broken_rule_is_refused_and_the_rest_of_its_file_loads() throws Exception {
    write("icmp.yaml", """
        rules:
          - {name: good, measurement: icmp, condition: received == 0, severity: info}
          - {name: broken, measurement: icmp, condition: received == "none", severity: info}
          - {name: also_good, measurement: icmp, condition: loss_pct > 50, severity: info}
        """);

    LoadResult result = RuleLoader.loadLenient(dir);

    assertThat(result.rules().all()).map(Rule::name).containsExactly("good", "also_good");
    assertThat(result.refused()).containsExactly("broken");
    assertThat(result.problems()).map(Problem::toString)
        .containsExactly("icmp.yaml:3: rule 'broken': condition: found no matching overload for '==' applied to '(int, string)'");
  }

  @Test
  void tests_folder_hidden_files_and_other_files_are_left_alone_but_yml_is_reported() throws Exception {
    write("icmp.yaml", "rules:\n  - {name: lost, measurement: icmp, condition: received == 0, severity: info}\n");
    Files.createDirectories(dir.resolve("tests"));
    write("tests/icmp_test.yaml", "rule_files: [icmp.yaml]\n");
    write(".icmp.yaml.swp", "garbage");
    write("README.md", "# rules");
    write("extra.yml", "rules: []\n");

    LoadResult result = RuleLoader.loadLenient(dir);

    assertThat(result.rules().all()).map(Rule::name).containsExactly("lost");
    assertThat(result.problems()).map(Problem::toString).containsExactly("extra.yml: not read: rule files must end in .yaml");
  }

  @Test
  void a_missing_folder_is_a_problem_naming_where_it_was_looked_for() {
    Path missing = dir.resolve("alert-rules");

    assertThatThrownBy(() -> RuleLoader.load(missing))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).map(Problem::toString)
            .containsExactly("alert-rules: rules folder not found: " + missing));
  }

  @Test
  void an_empty_folder_has_no_rules_and_no_problems() throws Exception {
    assertThat(RuleLoader.load(dir).size()).isZero();
  }

  @Test
  void rules_share_settings_through_an_anchor_under_an_x_key() throws Exception {
    write("storage.yaml", """
        x-storage: &storage {measurement: storage, for: 10m, severity: warning}
        colours: [red]
        rules:
          - <<: *storage
            name: ram_full
            match: {type: ram}
            condition: used_pct > 95
          - <<: *storage
            name: disk_full
            match: {type: disk}
            condition: used_pct > 90
        """);

    LoadResult result = RuleLoader.loadLenient(dir);

    // x-… keys hold anchors; any other key besides rules is unknown.
    assertThat(result.problems()).map(Problem::toString).containsExactly("storage.yaml:2: unknown key 'colours'");
    assertThat(result.rules().all()).map(Rule::forDuration).containsExactly(Duration.ofMinutes(10), Duration.ofMinutes(10));
  }

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content);
  }
}
