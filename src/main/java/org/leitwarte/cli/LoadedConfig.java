package org.leitwarte.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problem;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.InventoryLoader;

/** A configuration and its inventory, loaded and validated together, as every command needs them. */
record LoadedConfig(LeitwarteConfig config, Inventory inventory) {

  /**
   * Loads both, or prints every problem as {@code file:line: message} to {@code err} and returns
   * null.
   */
  static LoadedConfig load(Path file, Map<String, String> environment, PrintWriter err) {
    try {
      LeitwarteConfig config = ConfigLoader.load(file, environment);
      Inventory inventory = InventoryLoader.load(config.inventory(), config.polling(), environment);
      return new LoadedConfig(config, inventory);
    } catch (ConfigException e) {
      for (Problem problem : e.problems()) {
        err.println(problem);
      }
      err.println(e.problems().size() == 1 ? "1 problem found." : e.problems().size() + " problems found.");
      err.flush();
      return null;
    }
  }
}
