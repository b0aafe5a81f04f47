package org.leitwarte.config;

/** One thing wrong with a configuration file, shown to the user as {@code file:line: message}. */
public record Problem(String file, int line, String message) {

  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
