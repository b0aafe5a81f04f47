package org.leitwarte.alerting.rules;

import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The lines of a rule file, to turn a position inside a YAML value (a CEL error at line 2, column 5 of
 * a multi-line condition, a template error on its third line) into the line of the file it is on.
 */
final class FileText {

  private final String name;
  private final String[] lines;

  FileText(String name, String text) {
    this.name = name;
    this.lines = text.split("\r?\n", -1);
  }

  /** How the file is named in messages. */
  String name() {
    return name;
  }

  /**
   * The file line of a position inside a scalar's value.
   *
   * @param line counted from 1 within the value
   * @param column counted from 0 within that line of the value
   */
  int line(ScalarNode node, int line, int column) {
    int first = node.getStartMark().getLine();
    ScalarStyle style = node.getScalarStyle();
    if (style == ScalarStyle.LITERAL) {
      // "condition: |": the value's lines are the file's lines after the indicator, one for one.
      return clamp(first + line);
    }
    // Other styles fold line breaks into spaces: walk the source lines, each stripped, one space apart.
    int offset = offset(node.getValue(), line, column);
    int last = node.getEndMark().getLine();
    int from = style == ScalarStyle.FOLDED ? first + 1 : first;
    int consumed = 0;
    for (int i = from; i <= last && i < lines.length; i++) {
      String source = lines[i];
      if (i == first) {
        source = source.substring(Math.min(node.getStartMark().getColumn(), source.length()));
        if (style == ScalarStyle.SINGLE_QUOTED || style == ScalarStyle.DOUBLE_QUOTED) {
          source = source.isEmpty() ? source : source.substring(1);
        }
      }
      consumed += source.strip().length() + 1;
      if (offset < consumed) {
        return i + 1;
      }
    }
    return clamp(Math.min(last, lines.length - 1));
  }

  private int clamp(int zeroBased) {
    return Math.max(1, Math.min(zeroBased + 1, lines.length));
  }

  private static int offset(String value, int line, int column) {
    int offset = 0;
    for (int i = 1; i < line; i++) {
      int newline = value.indexOf('\n', offset);
      if (newline < 0) {
        break;
      }
      offset = newline + 1;
    }
    return offset + column;
  }
}
