package org.leitwarte.cli;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leitwarte oncall [--team T] [--at TIME]}: who is on call now or at a time. */
@Command(name = "oncall", description = "Show who is on call now, or at --at, per team and schedule.")
final class OnCallCommand extends ServiceCommand {

  @Option(names = "--team", description = "only this team")
  String team;

  @Option(names = "--at", paramLabel = "TIME",
      description = "when: 2026-12-24T03:00 (Europe/Berlin) or with offset, 2026-12-24T03:00:00+01:00 (default: now)")
  String at;

  @Override
  void run(ServiceClient client, PrintWriter out) throws ServiceClient.Unreachable, ServiceClient.Refused {
    IncidentText.onCall(client.get("/api/v1/oncall", ServiceClient.query("team", team, "at", at))).forEach(out::println);
  }
}
