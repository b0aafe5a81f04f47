package org.leitwarte.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlMapTest {

  @TempDir Path dir;

  @Test
  void anchors_aliases_and_merge_keys_are_followed_and_explicit_keys_win() throws IOException {
    Problems problems = new Problems();
    YamlMap root =
        read(
            """
            defaults: &defaults {timeout: 2s, retries: 1}
            a: {<<: *defaults, retries: 3}
            b: *defaults
            """,
            problems);

    YamlMap a = root.map("a");
    YamlMap b = root.map("b");
    YamlMap defaults = root.map("defaults");
    defaults.duration("timeout", Duration.ZERO, Duration.ZERO);
    defaults.integer("retries", 0, 10, 0);

    assertThat(a.duration("timeout", Duration.ZERO, Duration.ZERO)).isEqualTo(Duration.ofSeconds(2));
    assertThat(a.integer("retries", 0, 10, 0)).isEqualTo(3);
    assertThat(b.integer("retries", 0, 10, 0)).isEqualTo(1);
    b.duration("timeout", Duration.ZERO, Duration.ZERO);
    root.finish();
    assertThat(problems.list()).isEmpty();
  }

  @Test
  void a_key_nobody_reads_is_reported_once_even_when_reached_through_an_alias() throws IOException {
    Problems problems = new Problems();
    YamlMap root = read("x: &x {colour: red}\ny: *x\n", problems);

    root.map("x");
    root.map("y");
    root.finish();

    assertThat(problems.list())
        .map(Problem::toString)
        .containsExactly("test.yaml:1: x: unknown key 'colour'", "test.yaml:1: y: unknown key 'colour'");
  }

  @Test
  void explicit_null_reads_as_absent_but_a_required_key_says_it_has_no_value() throws IOException {
    Problems problems = new Problems();
    YamlMap root = read("name:\nlabels: ~\n", problems);

    assertThat(root.stringMap("labels", key -> Optional.empty())).isEmpty();
    assertThat(root.string("name")).isNull();
    assertThat(root.stringList("files")).isEqualTo(List.of());
    root.finish();

    assertThat(problems.list()).map(Problem::toString).containsExactly("test.yaml:1: name: no value given");
  }

  @Test
  void a_secret_that_resolves_is_accepted_and_its_value_stays_hidden() throws IOException {
    Problems problems = new Problems();
    YamlMap root = read("password: '${env:PW}'\n", problems);

    Optional<Secret> secret = root.optionalSecret("password", Map.of("PW", "geheim"));

    assertThat(problems.isEmpty()).isTrue();
    assertThat(secret).hasValueSatisfying(s -> assertThat(s.reveal(Map.of("PW", "geheim"))).isEqualTo("geheim"));
    assertThat(secret.orElseThrow().toString()).doesNotContain("geheim").doesNotContain("PW");
  }

  private YamlMap read(String yaml, Problems problems) throws IOException {
    Path file = Files.writeString(dir.resolve("test.yaml"), yaml);
    return YamlFile.read(file, "test.yaml", problems).orElseThrow();
  }
}
