package org.leitwarte.cli;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code leitwarte note ID --as PERSON TEXT}. */
@Command(name = "note", description = "Add a note to an incident's timeline.")
final class NoteCommand extends ServiceCommand {

  @Parameters(index = "0", paramLabel = "ID", description = "the incident, e.g. LW-42 or 42")
  String id;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "the note (several words need no quotes)")
  List<String> words;

  @Option(names = "--as", paramLabel = "PERSON",
      description = "who acts (a person id of oncall.yaml); default the token's user; only an administrator may name someone else")
  String person;

  @Override
  void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
    long incident = incidentId(id);
    client.post("/api/v1/incidents/" + incident + "/notes", ServiceCommand.acting(person).put("text", String.join(" ", words)));
    out.println("note added to LW-" + incident);
  }
}
