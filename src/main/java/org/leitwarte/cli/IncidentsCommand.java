package org.leitwarte.cli;

import io.vertx.core.json.JsonArray;
import java.io.PrintWriter;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leitwarte incidents [--state S] [--tenant T] [--team T]}: the incidents of the running service as a table. */
@Command(name = "incidents", description = "List the incidents of the running service (open ones unless --state says otherwise).")
final class IncidentsCommand extends ServiceCommand {

  @Option(names = "--state", defaultValue = "triggered,acknowledged",
      description = "triggered, acknowledged, resolved, a comma-separated list of them, or all (default: ${DEFAULT-VALUE})")
  String state;

  @Option(names = "--tenant", description = "only this municipality's incidents")
  String tenant;

  @Option(names = "--team", description = "only this team's incidents")
  String team;

  @Option(names = "--limit", defaultValue = "100", description = "at most this many, newest first (default: ${DEFAULT-VALUE})")
  int limit;

  @Override
  void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
    String states = state.equalsIgnoreCase("all") ? null : state.replace(" ", "");
    JsonArray incidents = client.get("/api/v1/incidents",
        ServiceClient.query("state", states, "tenant", tenant, "team", team, "limit", String.valueOf(limit))).getJsonArray("incidents");
    if (incidents.isEmpty()) {
      out.println("No incidents.");
      return;
    }
    IncidentText.table(incidents, Instant.now()).forEach(out::println);
  }
}
