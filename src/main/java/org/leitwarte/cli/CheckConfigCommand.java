package org.leitwarte.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leitwarte check-config --config FILE}: validates, prints problems, exit 0 or 1. */
@Command(
    name = "check-config",
    description = "Validate the configuration, the inventory and the alert rules; exit 0 when usable, 1 when not.")
final class CheckConfigCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, description = "leitwarte.yaml")
  Path config;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LoadedConfig loaded = LoadedConfig.load(config, System.getenv(), spec.commandLine().getErr(), true);
    if (loaded == null) {
      return LeitwarteCommand.CONFIG_ERROR;
    }
    var inventory = loaded.inventory();
    String rules = loaded.rules().map(r -> "; " + r.size() + " alert rules").orElse("");
    var oncall = loaded.oncall();
    String people = oncall.people().isEmpty() ? "" : String.format("; %d people, %d teams, %d schedules, %d escalation policies",
        oncall.people().size(), oncall.teams().size(), oncall.schedules().size(), oncall.policies().size());
    String routes = loaded.routing().map(tree -> "; " + tree.routes().size() + " routes").orElse("");
    spec.commandLine().getOut().printf("%s: OK (%d tenants, %d sites, %d devices%s%s%s)%n",
        config, inventory.tenants().size(), inventory.sites().size(), inventory.devices().size(), rules, people, routes);
    return 0;
  }
}
