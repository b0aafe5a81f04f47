package org.leitwarte.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.RuleSet;
import org.leitwarte.alerting.rules.RuleLoader;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problem;
import org.leitwarte.discovery.DiscoverySettingsReader;
import org.leitwarte.incident.oncall.OnCallConfig;
import org.leitwarte.incident.oncall.OnCallLoader;
import org.leitwarte.incident.routing.RoutingLoader;
import org.leitwarte.incident.routing.RoutingTree;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.InventoryLoader;

/**
 * A configuration and its inventory (and, for {@code check-config}, its alert rules), loaded and
 * validated together, as every command needs them.
 *
 * @param rules the alert rules when they were asked for and a rules folder is configured
 * @param oncall people, teams, schedules and policies from the rules folder's {@code oncall.yaml}
 * @param routing the routing tree from the rules folder's {@code routing.yaml}, if it has one
 */
record LoadedConfig(
    LeitwarteConfig config, Inventory inventory, Optional<RuleSet> rules, OnCallConfig oncall, Optional<RoutingTree> routing) {

  /**
   * Loads the configuration and inventory, or prints every problem as {@code file:line: message} to
   * {@code err} and returns null.
   */
  static LoadedConfig load(Path file, Map<String, String> environment, PrintWriter err) {
    return load(file, environment, err, false);
  }

  /**
   * @param withRules also load the alert rules, all or nothing ({@code check-config}); a running
   *     service loads them leniently, so that one broken rule file cannot keep it from starting
   */
  static LoadedConfig load(Path file, Map<String, String> environment, PrintWriter err, boolean withRules) {
    LeitwarteConfig config;
    try {
      config = ConfigLoader.load(file, environment);
    } catch (ConfigException e) {
      return report(e.problems(), err);
    }
    List<Problem> problems = new ArrayList<>();
    Inventory inventory = null;
    try {
      inventory = InventoryLoader.load(config.inventory(), config.polling(), environment);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    Optional<RuleSet> rules = Optional.empty();
    if (withRules && config.rules().isPresent()) {
      try {
        rules = Optional.of(RuleLoader.load(config.rules().get()));
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    // The on-call and routing files are checked whenever a rules folder is configured: a service must
    // not start with a routing tree that names a team nobody is in.
    OnCallConfig oncall = OnCallConfig.EMPTY;
    Optional<RoutingTree> routing = Optional.empty();
    if (config.rules().isPresent()) {
      try {
        oncall = OnCallLoader.loadFromRulesFolder(config.rules().get(), environment);
        routing = RoutingLoader.loadFromRulesFolder(config.rules().get(), oncall);
      } catch (ConfigException e) {
        problems.addAll(e.problems());
      }
    }
    // discovery: is read by the discovery package (it needs the inventory's SNMP settings); checked here too.
    try {
      DiscoverySettingsReader.read(file, config.polling(), environment);
    } catch (ConfigException e) {
      problems.addAll(e.problems());
    }
    return problems.isEmpty() ? new LoadedConfig(config, inventory, rules, oncall, routing) : report(problems, err);
  }

  private static LoadedConfig report(List<Problem> problems, PrintWriter err) {
    for (Problem problem : problems) {
      err.println(problem);
    }
    err.println(problems.size() == 1 ? "1 problem found." : problems.size() + " problems found.");
    err.flush();
    return null;
  }
}
