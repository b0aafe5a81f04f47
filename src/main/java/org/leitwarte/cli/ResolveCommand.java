package org.leitwarte.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leitwarte resolve ID --as PERSON [--comment C]}. */
@Command(name = "resolve", description = "Resolve an incident by hand.")
final class ResolveCommand extends ServiceCommand {

  @Parameters(paramLabel = "ID", description = "the incident, e.g. LW-42 or 42")
  String id;

  @Option(names = "--as", paramLabel = "PERSON",
      description = "who acts (a person id of oncall.yaml); default the token's user; only an administrator may name someone else")
  String person;

  @Option(names = "--comment", description = "what was done")
  String comment;

  @Override
  void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
    JsonObject body = ServiceCommand.acting(person);
    if (comment != null && !comment.isBlank()) {
      body.put("comment", comment);
    }
    JsonObject incident = client.post("/api/v1/incidents/" + incidentId(id) + "/resolve", body);
    out.println(incident.getString("reference") + " resolved (" + incident.getString("state") + ")");
  }
}
