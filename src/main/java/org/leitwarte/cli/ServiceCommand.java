package org.leitwarte.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * A command that asks the running service through its HTTP API. Exit 0 when done, {@value
 * LeitwarteCommand#REFUSED} when the service refused (its message is printed), 2 for a usage error
 * (also a configuration that names no usable address), {@value LeitwarteCommand#UNREACHABLE} when the
 * service did not answer.
 */
abstract class ServiceCommand implements Callable<Integer> {

  @Mixin
  ServiceOptions service;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** Does the command's work and prints its result on {@code out}. */
  abstract void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused;

  @Override
  public final Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    URI base = service.base(System.getenv(), err);
    if (base == null) {
      return CommandLine.ExitCode.USAGE;
    }
    Optional<String> token = service.token(System.getenv(), err);
    if (token == null) {
      return CommandLine.ExitCode.USAGE;
    }
    try {
      run(new ServiceClient(base, token), out);
      out.flush();
      return CommandLine.ExitCode.OK;
    } catch (ServiceClient.Unreachable e) {
      err.println(e.getMessage());
      err.flush();
      return LeitwarteCommand.UNREACHABLE;
    } catch (ServiceClient.Refused e) {
      err.println("refused: " + e.getMessage());
      err.flush();
      return LeitwarteCommand.REFUSED;
    }
  }

  /** A body naming who acts ({@code person}) only when {@code --as} was given: else the token's user acts. */
  static JsonObject acting(String person) {
    JsonObject body = new JsonObject();
    if (person != null) {
      body.put("person", person);
    }
    return body;
  }

  /** {@code 42} or {@code LW-42} as the incident's id; a usage error otherwise. */
  long incidentId(String text) {
    String digits = text.regionMatches(true, 0, "LW-", 0, 3) ? text.substring(3) : text;
    try {
      long id = Long.parseLong(digits);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CommandLine.ParameterException(spec.commandLine(), "'" + text + "' is not an incident, e.g. LW-42 or 42");
  }
}
