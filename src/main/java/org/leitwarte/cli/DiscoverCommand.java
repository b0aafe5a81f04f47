package org.leitwarte.cli;

import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.leitwarte.config.ConfigException;
import org.leitwarte.discovery.Discovery;
import org.leitwarte.discovery.DiscoveryRefusedException;
import org.leitwarte.discovery.DiscoveryReport;
import org.leitwarte.discovery.DiscoverySettings;
import org.leitwarte.discovery.DiscoverySettingsReader;
import org.leitwarte.discovery.Findings;
import org.leitwarte.discovery.Proposal;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code leitwarte discover --config FILE --tenant ID CIDR…}: sweeps the ranges and prints a proposed
 * inventory snippet on stdout, a summary on stderr. Adds nothing to the inventory and does not open the
 * store, so it runs beside the service.
 */
@Command(name = "discover",
    description = "Sweep address ranges (ping, then SNMP with the credentials of discovery.snmp) and print the devices "
        + "found as a proposed inventory snippet to review; nothing is added to the inventory.")
final class DiscoverCommand implements Callable<Integer> {

  @Option(names = {"-c", "--config"}, required = true, description = "leitwarte.yaml")
  Path config;

  @Option(names = {"-t", "--tenant"}, required = true, description = "the tenant (municipality) the devices are proposed for")
  String tenant;

  @Option(names = "--lang", defaultValue = "de", description = "language of the snippet's comments: de or en (default ${DEFAULT-VALUE})")
  String language;

  @Parameters(arity = "1..*", paramLabel = "CIDR", description = "IPv4 ranges such as 192.0.2.0/24, or single addresses (/32)")
  List<String> ranges;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!List.of("de", "en").contains(language)) {
      err.println("discover: --lang: expected de or en, got '" + language + "'");
      err.flush();
      return LeitwarteCommand.REFUSED;
    }
    LoadedConfig loaded = LoadedConfig.load(config, System.getenv(), err);
    if (loaded == null) {
      return LeitwarteCommand.CONFIG_ERROR;
    }
    DiscoverySettings settings;
    try {
      settings = DiscoverySettingsReader.read(config, loaded.config().polling(), System.getenv());
    } catch (ConfigException e) {
      e.problems().forEach(err::println);
      err.flush();
      return LeitwarteCommand.CONFIG_ERROR;
    }
    Vertx vertx = Vertx.vertx();
    try {
      Discovery discovery = new Discovery(vertx, settings, loaded.config().icmp(), loaded.config().polling().snmpSourceAddress());
      // The command line is the edge of the program: blocking on the result here is fine.
      DiscoveryReport report = discovery.run(tenant, ranges, loaded.inventory(), language).toCompletionStage().toCompletableFuture().get();
      out.print(report.snippet());
      out.flush();
      summary(report, err);
      return CommandLine.ExitCode.OK;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof DiscoveryRefusedException refused) {
        err.println("discover: " + refused.getMessage());
        err.flush();
        return LeitwarteCommand.REFUSED;
      }
      err.println("discover: " + e.getCause().getMessage());
      err.flush();
      return LeitwarteCommand.START_FAILED;
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static void summary(DiscoveryReport report, PrintWriter err) {
    Findings findings = report.findings();
    Proposal proposal = report.proposal();
    err.printf("discover: %d addresses swept, %d answered ping, %d answered SNMP; proposed %d new devices, "
            + "%d already in the inventory, %d ping only%n",
        findings.addresses().size(), findings.pinged().size(), findings.answers().size(),
        proposal.entries(Proposal.Kind.NEW).size(), proposal.entries(Proposal.Kind.EXISTING).size(),
        proposal.entries(Proposal.Kind.PING_ONLY).size());
    err.flush();
  }
}
