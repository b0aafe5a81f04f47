package org.leitwarte.discovery;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problems;
import org.leitwarte.config.YamlFile;
import org.leitwarte.config.YamlMap;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettingsReader;

/**
 * Reads the {@code discovery:} section of leitwarte.yaml. The config package leaves the section to this
 * one (it may not know the inventory's SNMP settings), so the file is read a second time here; every
 * problem is reported as {@code leitwarte.yaml:line: discovery…: message}.
 */
public final class DiscoverySettingsReader {

  /** A /16: beyond that a sweep is no longer a look at one municipality's network. */
  static final int MAX_MAX_ADDRESSES = 65_536;

  private DiscoverySettingsReader() {}

  /**
   * @param defaults the SNMP timeout, retries and repetitions a credential gets when it names none
   * @param environment the variables {@code ${env:NAME}} secrets are checked against
   * @throws ConfigException listing every problem of the section
   */
  public static DiscoverySettings read(Path configFile, LeitwarteConfig.Polling defaults, Map<String, String> environment)
      throws ConfigException {
    Problems problems = new Problems();
    String name = configFile.getFileName() == null ? configFile.toString() : configFile.getFileName().toString();
    Optional<YamlMap> root = YamlFile.read(configFile, name, problems);
    if (root.isEmpty()) {
      throw problems.exception();
    }
    Optional<YamlMap> section = root.get().optionalMap("discovery");
    if (section.isEmpty()) {
      problems.throwIfAny();
      return DiscoverySettings.defaults();
    }
    YamlMap discovery = section.get();
    int maxAddresses = discovery.integer("max_addresses", 1, MAX_MAX_ADDRESSES, DiscoverySettings.DEFAULT_MAX_ADDRESSES);
    int maxConcurrent = discovery.integer("max_concurrent", 1, 1000, DiscoverySettings.DEFAULT_MAX_CONCURRENT);
    List<SnmpSettings> credentials = discovery.mapList("snmp").stream()
        .map(credential -> SnmpSettingsReader.read(credential, defaults, environment))
        .flatMap(Optional::stream)
        .toList();
    // Only this section: the rest of the file is ConfigLoader's to judge.
    discovery.finish();
    problems.throwIfAny();
    return new DiscoverySettings(credentials, maxAddresses, maxConcurrent);
  }
}
