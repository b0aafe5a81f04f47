package org.leitwarte.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The keys of an env file (docker/.env.example, the systemd unit's leitwarte.env) held against the
 * variables the deployment files read: compose's {@code ${NAME}} interpolation, Leitwarte's {@code
 * ${env:NAME}} secrets, Grafana's {@code $NAME} in provisioning files.
 */
final class EnvKeys {

  /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} or {@code $NAME}; {@code $$} is a literal dollar. */
  private static final Pattern SHELL_VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)[^}]*}|([A-Za-z_][A-Za-z0-9_]*))");
  private static final Pattern GRAFANA_ENV = Pattern.compile("\\$__env\\{([A-Za-z_][A-Za-z0-9_]*)}");
  private static final Pattern GRAFANA_MACRO = Pattern.compile("\\$__[a-z]+\\{[^}]*}");
  private static final Pattern ENV_SECRET = Pattern.compile("\\$\\{env:\\s*([^}]+?)\\s*}");
  private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=.*");

  private EnvKeys() {}

  /** The variables compose (or Grafana) interpolates in the text. */
  static Set<String> shellVariables(String text) {
    return names(SHELL_VARIABLE, text.replace("$$", ""));
  }

  /**
   * The variables Grafana expands in a provisioning file: {@code $NAME}, {@code ${NAME}} and {@code
   * $__env{NAME}} ({@code $__file{…}} reads a file, no variable).
   */
  static Set<String> grafanaVariables(String text) {
    Set<String> names = names(GRAFANA_ENV, text);
    names.addAll(shellVariables(GRAFANA_MACRO.matcher(text).replaceAll("")));
    return names;
  }

  /** The variables named by {@code ${env:NAME}} secrets in the text. */
  static Set<String> envSecrets(String text) {
    return names(ENV_SECRET, text);
  }

  private static Set<String> names(Pattern pattern, String text) {
    Set<String> names = new TreeSet<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      names.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }
    return names;
  }

  /**
   * Reads an env file: {@code KEY=VALUE} lines, blank lines and {@code #} comments.
   *
   * @return every key with its line number
   * @throws IllegalArgumentException naming file and line of a line that is neither
   */
  static Map<String, Integer> read(Path file) throws IOException {
    Map<String, Integer> keys = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Matcher matcher = KEY_LINE.matcher(line);
      if (!matcher.matches()) {
        throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": expected KEY=VALUE, got '" + line + "'");
      }
      if (keys.putIfAbsent(matcher.group(1), i + 1) != null) {
        throw new IllegalArgumentException(file.getFileName() + ":" + (i + 1) + ": key " + matcher.group(1) + " is already set on line " + keys.get(matcher.group(1)));
      }
    }
    return keys;
  }

  /**
   * Both directions: every variable a reader reads is a key of the env file, and every key of the env
   * file is read by at least one reader.
   *
   * @param envFile the env file's name, for messages
   * @param keys the env file's keys with their line numbers
   * @param readers each reading file's name with the variables it reads
   * @return one message per mismatch, naming the key; empty when they match
   */
  static List<String> mismatches(String envFile, Map<String, Integer> keys, Map<String, Set<String>> readers) {
    List<String> problems = new ArrayList<>();
    readers.forEach((reader, variables) -> {
      for (String variable : variables) {
        if (!keys.containsKey(variable)) {
          problems.add(reader + " reads " + variable + ", but " + envFile + " has no key " + variable);
        }
      }
    });
    keys.forEach((key, line) -> {
      if (readers.values().stream().noneMatch(variables -> variables.contains(key))) {
        problems.add(envFile + ":" + line + ": key " + key + " is read by none of " + String.join(", ", readers.keySet()));
      }
    });
    return problems;
  }
}
