package org.leitwarte.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command; each subcommand is one thing an administrator does. */
@Command(
    name = "leitwarte",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Monitoring and remote support for a municipal IT cooperative.",
    subcommands = {RunCommand.class, CheckConfigCommand.class, TestRulesCommand.class, PollCommand.class,
        IncidentsCommand.class, IncidentCommand.class, AckCommand.class, ResolveCommand.class, NoteCommand.class,
        ReassignCommand.class, OnCallCommand.class, UserCommand.class, TokenCommand.class, DiscoverCommand.class, CommandLine.HelpCommand.class})
public final class LeitwarteCommand implements Runnable {

  /** Exit code of {@code run}: the service keeps running after {@code main} returns. */
  public static final int KEEP_RUNNING = -1;

  /** Exit code for a configuration or inventory that cannot be used. */
  public static final int CONFIG_ERROR = 1;

  /** Exit code when the service cannot start (store unreachable, fping missing, port taken). */
  public static final int START_FAILED = 2;

  /** Exit code of {@code poll} when the device did not answer as it should. */
  public static final int POLL_FAILED = 3;

  /** Exit code of the commands that ask the running service, when it refused (its message is printed). */
  public static final int REFUSED = 1;

  /** Exit code of the commands that ask the running service, when it did not answer. */
  public static final int UNREACHABLE = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static CommandLine commandLine() {
    return new CommandLine(new LeitwarteCommand());
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
