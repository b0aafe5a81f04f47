package org.leitwarte.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leitwarte reassign ID --as PERSON --to PERSON}. */
@Command(name = "reassign", description = "Hand an incident to another person, who is notified at once.")
final class ReassignCommand extends ServiceCommand {

  @Parameters(paramLabel = "ID", description = "the incident, e.g. LW-42 or 42")
  String id;

  @Option(names = "--as", paramLabel = "PERSON",
      description = "who acts (a person id of oncall.yaml); default the token's user; only an administrator may name someone else")
  String person;

  @Option(names = "--to", required = true, paramLabel = "PERSON", description = "who takes it over")
  String to;

  @Override
  void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
    JsonObject incident = client.post("/api/v1/incidents/" + incidentId(id) + "/reassign",
        ServiceCommand.acting(person).put("to", to));
    out.println(incident.getString("reference") + " reassigned to " + incident.getString("assignee"));
  }
}
