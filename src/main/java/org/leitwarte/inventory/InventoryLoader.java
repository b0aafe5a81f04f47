package org.leitwarte.inventory;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.leitwarte.config.AddressLiteral;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problems;
import org.leitwarte.config.YamlFile;
import org.leitwarte.config.YamlMap;

/**
 * Reads one or more inventory files into one {@link Inventory}: tenants, sites and devices, with ids
 * unique across all files and every reference checked once all files are read (so a device may name a
 * site defined in a later file). Every problem is collected and thrown together.
 */
public final class InventoryLoader {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");
  private static final Pattern LABEL = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final Set<String> RESERVED_LABELS = Set.of("tenant", "site", "device");

  private final Problems problems = new Problems();
  private final LeitwarteConfig.Polling defaults;
  private final Map<String, String> environment;
  private final Map<String, Entry<Tenant>> tenants = new LinkedHashMap<>();
  private final Map<String, Entry<Site>> sites = new LinkedHashMap<>();
  private final Map<String, Entry<DeviceDraft>> devices = new LinkedHashMap<>();

  /** A value read from a file, with the mapping it came from, for messages that point at a line. */
  record Entry<T>(T value, YamlMap map) {}

  /** A device as written, before its effective site is known. */
  record DeviceDraft(
      String id,
      String tenant,
      Optional<String> site,
      String address,
      Optional<SnmpSettings> snmp,
      boolean icmp,
      Duration interval,
      Optional<String> parent,
      Map<String, String> labels,
      List<ServiceCheck> checks,
      String source) {}

  private InventoryLoader(LeitwarteConfig.Polling defaults, Map<String, String> environment) {
    this.defaults = defaults;
    this.environment = environment;
  }

  /**
   * Loads and merges the inventory files.
   *
   * @param defaults the interval and SNMP settings a device gets when it names none
   * @param environment the variables {@code ${env:NAME}} secrets are checked against
   * @throws ConfigException listing every problem as {@code file:line: message}
   */
  public static Inventory load(List<Path> files, LeitwarteConfig.Polling defaults, Map<String, String> environment)
      throws ConfigException {
    InventoryLoader loader = new InventoryLoader(defaults, environment);
    Map<Path, String> names = names(files);
    files.forEach(file -> loader.read(file, names.get(file)));
    return loader.build();
  }

  /** Files are named by their file name, or by their path where two share a name. */
  private static Map<Path, String> names(List<Path> files) {
    Map<String, Long> counts =
        files.stream().collect(Collectors.groupingBy(InventoryLoader::fileName, Collectors.counting()));
    Map<Path, String> names = new HashMap<>();
    files.forEach(file -> names.put(file, counts.get(fileName(file)) > 1 ? file.toString() : fileName(file)));
    return names;
  }

  private static String fileName(Path file) {
    return file.getFileName() == null ? file.toString() : file.getFileName().toString();
  }

  private void read(Path file, String name) {
    YamlFile.read(file, name, problems)
        .ifPresent(
            root -> {
              root.mapList("tenants").forEach(this::readTenant);
              root.mapList("sites").forEach(this::readSite);
              root.mapList("devices").forEach(this::readDevice);
              root.finish();
            });
  }

  private void readTenant(YamlMap map) {
    Optional<String> id = id(map, "tenant");
    String name = map.string("name", id.orElse(""));
    id.ifPresent(i -> register(tenants, i, new Entry<>(new Tenant(i, name), map)));
  }

  private void readSite(YamlMap map) {
    Optional<String> id = id(map, "site");
    String tenant = map.string("tenant");
    String name = map.string("name", id.orElse(""));
    Optional<String> uplink = map.optionalString("uplink");
    id.ifPresent(i -> register(sites, i, new Entry<>(new Site(i, tenant, name, uplink), map)));
  }

  private void readDevice(YamlMap map) {
    Optional<String> id = id(map, "device");
    String tenant = map.string("tenant");
    Optional<String> site = map.optionalString("site");
    String address = map.required("address", AddressLiteral::parse);
    Optional<YamlMap> snmpSection = map.optionalMap("snmp");
    Optional<SnmpSettings> snmp = snmpSection.flatMap(s -> SnmpSettingsReader.read(s, defaults, environment));
    boolean icmp = map.bool("icmp", false);
    Duration interval = map.duration("interval", defaults.interval(), Duration.ofSeconds(1));
    Optional<String> parent = map.optionalString("parent");
    Map<String, String> labels = map.stringMap("labels", InventoryLoader::labelProblem);
    boolean hasChecks = map.has("checks");
    List<ServiceCheck> checks = ServiceCheckReader.read(map.mapList("checks"));
    if (snmpSection.isEmpty() && !icmp && !map.has("snmp") && !hasChecks) {
      map.report("nothing to poll: give it snmp settings, icmp: true or checks");
    }
    id.ifPresent(
        i ->
            register(
                devices,
                i,
                new Entry<>(
                    new DeviceDraft(i, tenant, site, address, snmp, icmp, interval, parent, labels, checks,
                        map.source()),
                    map)));
  }

  /** Reads the id and names the entry after it in later messages. */
  private static Optional<String> id(YamlMap map, String kind) {
    String id = map.string("id");
    if (id == null) {
      return Optional.empty();
    }
    map.describe(kind + " '" + id + "'");
    if (!ID.matcher(id).matches()) {
      map.problem(
          "id", "must match [a-z0-9][a-z0-9._-]* (lower-case letters, digits, '.', '_' and '-', not starting with a sign)");
    }
    return Optional.of(id);
  }

  private static <T> void register(Map<String, Entry<T>> known, String id, Entry<T> entry) {
    Entry<T> earlier = known.get(id);
    if (earlier == null) {
      known.put(id, entry);
    } else {
      entry.map().problem("id", "already defined at " + earlier.map().source());
    }
  }

  private static Optional<String> labelProblem(String key) {
    if (RESERVED_LABELS.contains(key)) {
      return Optional.of("label '" + key + "' is reserved (tenant, site and device are set by Leitwarte)");
    }
    if (!LABEL.matcher(key).matches()) {
      return Optional.of("label name '" + key + "' must match [a-z_][a-z0-9_]*");
    }
    return Optional.empty();
  }

  private Inventory build() throws ConfigException {
    InventoryReferences references = new InventoryReferences(tenants.keySet(), sites, devices);
    references.check();
    problems.throwIfAny();
    List<Device> built =
        devices.values().stream()
            .map(Entry::value)
            .map(
                d ->
                    new Device(
                        d.id(),
                        d.tenant(),
                        references.effectiveSite(d.id()),
                        d.address(),
                        d.snmp(),
                        d.icmp(),
                        d.interval(),
                        d.parent(),
                        d.labels(),
                        d.checks(),
                        d.source()))
            .toList();
    return new Inventory(
        tenants.values().stream().map(Entry::value).toList(),
        sites.values().stream().map(Entry::value).toList(),
        built);
  }
}
