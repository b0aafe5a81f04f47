package org.leitwarte.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leitwarte ack ID --as PERSON}. */
@Command(name = "ack", description = "Acknowledge an incident: you take it, and its escalation stops.")
final class AckCommand extends ServiceCommand {

  @Parameters(paramLabel = "ID", description = "the incident, e.g. LW-42 or 42")
  String id;

  @Option(names = "--as", paramLabel = "PERSON",
      description = "who acts (a person id of oncall.yaml); default the token's user; only an administrator may name someone else")
  String person;

  @Override
  void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
    JsonObject incident = client.post("/api/v1/incidents/" + incidentId(id) + "/ack", ServiceCommand.acting(person));
    out.println(incident.getString("reference") + " acknowledged by " + incident.getString("acknowledged_by")
        + " (" + incident.getString("state") + ")");
  }
}
