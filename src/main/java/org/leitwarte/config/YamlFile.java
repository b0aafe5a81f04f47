package org.leitwarte.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a YAML file into a {@link YamlMap}, keeping line numbers. A missing or unreadable file, a syntax
 * error, an empty file or a top level that is not a mapping becomes a {@link Problem}, not an exception.
 */
public final class YamlFile {

  private YamlFile() {}

  /**
   * Reads and composes {@code path}.
   *
   * @param name how the file is named in messages, e.g. {@code inventory.yaml}
   * @return the top-level mapping, or empty when a problem was reported
   */
  public static Optional<YamlMap> read(Path path, String name, Problems problems) {
    Node root;
    try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
      root = new Yaml(new LoaderOptions()).compose(reader);
    } catch (NoSuchFileException e) {
      problems.add(name, 0, "file not found: " + path.toAbsolutePath().normalize());
      return Optional.empty();
    } catch (CharacterCodingException e) {
      problems.add(name, 0, "not valid UTF-8 text");
      return Optional.empty();
    } catch (IOException e) {
      problems.add(name, 0, "cannot read " + path.toAbsolutePath().normalize() + ": " + e.getClass().getSimpleName());
      return Optional.empty();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      problems.add(name, mark == null ? 0 : mark.getLine() + 1, "YAML syntax error: " + syntaxProblem(e));
      return Optional.empty();
    } catch (YAMLException e) {
      problems.add(name, 0, "YAML syntax error: " + e.getMessage());
      return Optional.empty();
    }
    if (root == null) {
      problems.add(name, 0, "the file is empty");
      return Optional.empty();
    }
    if (!(root instanceof MappingNode mapping)) {
      problems.add(name, YamlNodes.lineOf(root), "expected a mapping of keys to values at the top level");
      return Optional.empty();
    }
    return Optional.of(YamlMap.root(problems, name, mapping));
  }

  private static String syntaxProblem(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
    return e.getContext() == null ? problem : problem + " (" + e.getContext() + ")";
  }
}
