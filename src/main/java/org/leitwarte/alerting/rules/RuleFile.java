package org.leitwarte.alerting.rules;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.leitwarte.collect.Schema;
import org.leitwarte.config.Problem;
import org.leitwarte.config.Problems;
import org.leitwarte.config.YamlFile;
import org.leitwarte.config.YamlMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one rule file ({@code rules:} — a list of rules — and {@code x-…} keys for YAML anchors).
 * Each rule is read on its own, so one broken rule does not take the others of its file down; a file
 * that is not readable YAML yields no rules.
 */
final class RuleFile {

  /**
   * @param readable false when the file as a whole could not be read (YAML syntax, not a mapping, …)
   * @param problems the file's own problems (unknown top-level keys, …), not those of its rules
   */
  record Contents(String file, boolean readable, List<RuleReader.Outcome> rules, List<Problem> problems) {}

  private RuleFile() {}

  static Contents read(Path path, Schema schema, CelEnvironment cel) {
    String name = path.getFileName().toString();
    Problems problems = new Problems();
    Optional<String> content = readText(path);
    Optional<Node> root = content.flatMap(RuleFile::compose);
    if (root.isEmpty() || !(root.get() instanceof MappingNode mapping)) {
      // YamlFile says what is wrong in the words every other file uses.
      if (YamlFile.read(path, name, problems).isPresent() || problems.isEmpty()) {
        problems.add(name, 0, "the file changed while it was read; it is read again on the next change");
      }
      return new Contents(name, false, List.of(), problems.list());
    }
    FileText text = new FileText(name, content.get());
    YamlMap file = YamlMap.root(problems, name, mapping);
    // Like docker-compose, top-level keys starting with x- are for YAML anchors shared by rules.
    RuleNodes.keys(mapping).stream().filter(key -> key.startsWith("x-")).forEach(file::has);
    List<RuleReader.Outcome> rules = new ArrayList<>();
    if (!file.has("rules")) {
      file.missing("rules", "a list of rules");
    } else {
      Node list = RuleNodes.value(mapping, "rules").orElseThrow();
      if (list instanceof SequenceNode sequence) {
        RuleReader reader = new RuleReader(schema, cel, text);
        List<Node> items = sequence.getValue();
        for (int i = 0; i < items.size(); i++) {
          if (items.get(i) instanceof MappingNode rule) {
            rules.add(reader.read(rule, i));
          } else {
            problems.add(name, RuleNodes.lineOf(items.get(i)),
                "rules[" + i + "]: expected a rule (a mapping with name:, measurement:, condition:, …)");
          }
        }
      } else {
        file.problem("rules", "expected a list of rules");
      }
    }
    file.finish();
    return new Contents(name, true, rules, problems.list());
  }

  private static Optional<Node> compose(String text) {
    try {
      return Optional.ofNullable(new Yaml(new LoaderOptions()).compose(new StringReader(text)));
    } catch (YAMLException e) {
      return Optional.empty();
    }
  }

  /** The file as text; empty when it cannot be read or is not UTF-8 (YamlFile then reports why). */
  private static Optional<String> readText(Path path) {
    try {
      byte[] bytes = Files.readAllBytes(path);
      return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
