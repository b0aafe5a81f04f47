package org.leitwarte.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.Rule;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.config.Problem;
import org.leitwarte.testsupport.Eventually;
import org.slf4j.LoggerFactory;

/** Edits to real files in a temporary folder, picked up by a running watcher. */
class RulesWatcherTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private static final String ICMP = """
      rules:
        - {name: unreachable, measurement: icmp, condition: received == 0, for: 1m, severity: critical}
        - {name: lossy, measurement: icmp, condition: loss_pct > 20, severity: warning}
      """;

  @TempDir Path dir;

  private Vertx vertx;
  private RulesWatcher watcher;
  private final List<RuleSet> delivered = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void setUp() throws Exception {
    vertx = Vertx.vertx();
    logs.start();
    ((Logger) LoggerFactory.getLogger(RulesWatcher.class)).addAppender(logs);
  }

  @AfterEach
  void tearDown() throws Exception {
    ((Logger) LoggerFactory.getLogger(RulesWatcher.class)).detachAppender(logs);
    if (watcher != null) {
      watcher.stop().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private RuleSet start() throws Exception {
    watcher = new RulesWatcher(vertx, dir, Duration.ofMillis(200), delivered::add);
    return watcher.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private String condition(String rule) {
    return watcher.current().rule(rule).map(r -> r.condition().expression()).orElse("(none)");
  }

  @Test
  void the_rules_at_start_are_handed_over() throws Exception {
    Files.writeString(dir.resolve("icmp.yaml"), ICMP);

    RuleSet rules = start();

    assertThat(rules.all()).map(Rule::name).containsExactly("unreachable", "lossy");
    assertThat(delivered).containsExactly(rules);
    assertThat(watcher.problems()).isEmpty();
  }

  @Test
  void an_edit_applies_without_restart_a_broken_edit_keeps_the_last_good_rule_and_a_fix_applies_again()
      throws Exception {
    Path file = dir.resolve("icmp.yaml");
    Files.writeString(file, ICMP);
    start();

    Files.writeString(file, ICMP.replace("loss_pct > 20", "loss_pct > 50"));
    Eventually.until("the edited condition is in force", WAIT, () -> condition("lossy").equals("loss_pct > 50"));
    assertThat(delivered.get(delivered.size() - 1).rule("lossy").orElseThrow().condition().expression())
        .isEqualTo("loss_pct > 50");

    Files.writeString(file, ICMP.replace("loss_pct > 20", "loss_pc > 60").replace("received == 0", "received == 1"));
    Eventually.until("the broken edit is reported", WAIT, () -> !watcher.problems().isEmpty());
    assertThat(watcher.problems()).map(Problem::toString).containsExactly(
        "icmp.yaml:3: rule 'lossy': condition: measurement 'icmp' has no field 'loss_pc' (did you mean 'loss_pct'?)");
    assertThat(condition("lossy")).isEqualTo("loss_pct > 50");
    assertThat(condition("unreachable")).as("the good rule of the same file").isEqualTo("received == 1");

    Files.writeString(file, ICMP.replace("loss_pct > 20", "loss_pct > 60"));
    Eventually.until("the fixed rule is in force", WAIT, () -> condition("lossy").equals("loss_pct > 60"));
    assertThat(watcher.problems()).isEmpty();
    assertThat(messages()).contains(
        "alert rules: icmp.yaml:3: rule 'lossy': condition: measurement 'icmp' has no field 'loss_pc' (did you mean 'loss_pct'?)",
        "alert rules: every problem is fixed");
  }

  @Test
  void a_file_that_is_not_yaml_any_more_keeps_all_its_rules_and_a_problem_is_logged_once() throws Exception {
    Path file = dir.resolve("icmp.yaml");
    Files.writeString(file, ICMP);
    start();

    Files.writeString(file, ICMP + "  - [unclosed\n");
    Eventually.until("the syntax error is reported", WAIT, () -> !watcher.problems().isEmpty());
    int reloads = delivered.size();
    Files.writeString(dir.resolve("other.yaml"), "rules: []\n");
    Eventually.until("another reload", WAIT, () -> delivered.size() > reloads);

    assertThat(watcher.current().all()).map(Rule::name).containsExactly("unreachable", "lossy");
    assertThat(watcher.problems()).map(Problem::file).containsExactly("icmp.yaml");
    assertThat(messages()).filteredOn(m -> m.contains("YAML syntax error")).hasSize(1);
  }

  @Test
  void a_new_file_adds_its_rules_and_a_deleted_file_takes_them_away() throws Exception {
    Files.writeString(dir.resolve("icmp.yaml"), ICMP);
    start();

    Files.writeString(dir.resolve("snmp.yaml"),
        "rules:\n  - {name: agent_down, measurement: snmp, condition: reachable == 0, severity: warning}\n");
    Eventually.until("the new rule is in force", WAIT, () -> watcher.current().rule("agent_down").isPresent());

    Files.delete(dir.resolve("icmp.yaml"));
    Eventually.until("the deleted rules are gone", WAIT, () -> watcher.current().rule("lossy").isEmpty());
    assertThat(watcher.current().all()).map(Rule::name).containsExactly("agent_down");
  }

  @Test
  void a_burst_of_writes_is_loaded_once_it_settles() throws Exception {
    Path file = dir.resolve("icmp.yaml");
    Files.writeString(file, ICMP);
    start();
    int before = delivered.size();

    for (int limit = 21; limit <= 30; limit++) {
      Files.writeString(file, ICMP.replace("loss_pct > 20", "loss_pct > " + limit));
    }
    Eventually.until("the last write is in force", WAIT, () -> condition("lossy").equals("loss_pct > 30"));

    assertThat(delivered.size() - before).isLessThan(10);
  }

  @Test
  void a_folder_that_does_not_exist_fails_the_start() {
    watcher = new RulesWatcher(vertx, dir.resolve("missing"), delivered::add);

    assertThatThrownBy(() -> watcher.start().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS))
        .hasMessageContaining("missing");
    watcher = null;
  }

  private List<String> messages() {
    return logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }
}
