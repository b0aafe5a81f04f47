package org.leitwarte.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Dockerfile as a list of instructions: continuation lines joined, comments dropped, each
 * instruction numbered by its build stage (0 for the first {@code FROM}).
 */
record Dockerfile(Path file, List<Dockerfile.Instruction> instructions) {

  /**
   * @param keyword upper case, e.g. {@code FROM}
   * @param arguments the rest of the instruction, continuation lines joined with a space
   * @param stage the index of the build stage it belongs to
   * @param line the line the instruction starts on
   */
  record Instruction(String keyword, String arguments, int stage, int line) {}

  static Dockerfile read(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<Instruction> instructions = new ArrayList<>();
    int stage = -1;
    StringBuilder current = null;
    int start = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.startsWith("#") || (line.isEmpty() && current == null)) {
        continue;
      }
      boolean continues = line.endsWith("\\");
      String text = continues ? line.substring(0, line.length() - 1).strip() : line;
      if (current == null) {
        current = new StringBuilder(text);
        start = i + 1;
      } else if (!text.isEmpty()) {
        current.append(' ').append(text);
      }
      if (!continues) {
        String joined = current.toString();
        int space = joined.indexOf(' ');
        String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase(Locale.ROOT);
        String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
        if (keyword.equals("FROM")) {
          stage++;
        }
        instructions.add(new Instruction(keyword, arguments, stage, start));
        current = null;
      }
    }
    return new Dockerfile(file, List.copyOf(instructions));
  }

  List<Instruction> all(String keyword) {
    return instructions.stream().filter(instruction -> instruction.keyword().equals(keyword)).toList();
  }

  /** The instructions of the last stage, the image that is shipped. */
  List<Instruction> finalStage(String keyword) {
    int last = instructions.stream().mapToInt(Instruction::stage).max().orElse(-1);
    return all(keyword).stream().filter(instruction -> instruction.stage() == last).toList();
  }

  int stages() {
    return all("FROM").size();
  }

  /** Where a message about this file should point: {@code Dockerfile:12}. */
  String at(Instruction instruction) {
    return file.getFileName() + ":" + instruction.line();
  }
}
