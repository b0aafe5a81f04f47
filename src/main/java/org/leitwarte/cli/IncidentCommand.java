package org.leitwarte.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code leitwarte incident show ID}: one incident with its alerts and timeline. */
@Command(name = "incident", description = "Look at one incident.", subcommands = IncidentCommand.Show.class)
final class IncidentCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "say what to do, e.g. leitwarte incident show LW-42");
  }

  @Command(name = "show", description = "Show an incident, its alerts and its timeline.")
  static final class Show extends ServiceCommand {

    @Parameters(paramLabel = "ID", description = "the incident, e.g. LW-42 or 42")
    String id;

    @Override
    void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
      long incident = incidentId(id);
      JsonObject found = client.get("/api/v1/incidents/" + incident, ServiceClient.query("lang", "en"));
      JsonObject timeline = client.get("/api/v1/incidents/" + incident + "/timeline", ServiceClient.query());
      IncidentText.incident(found.getJsonObject("incident"), found.getJsonArray("alerts"), timeline.getJsonArray("timeline"))
          .forEach(out::println);
    }
  }
}
