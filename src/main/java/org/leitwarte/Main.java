package org.leitwarte;

import org.leitwarte.cli.LeitwarteCommand;
import picocli.CommandLine;

/** Entry point: {@code java -jar leitwarte.jar <command>}. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    int exit = LeitwarteCommand.commandLine().execute(args);
    if (exit != LeitwarteCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }
}
