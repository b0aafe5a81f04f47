package org.leitwarte.inventory;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.InventoryDiff.Placed;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;
import org.leitwarte.inventory.SnmpSettings.SnmpVersion;

/**
 * The SQL of the inventory tables and the mapping between their rows and the inventory records. Nested
 * values (labels, SNMP settings) are JSON text; secrets are kept in their raw form ({@link Secret#raw()}),
 * so the store never holds a value resolved from the environment or a file.
 */
final class InventoryRows {

  static final String SELECT_TENANTS = "SELECT id, name FROM tenant ORDER BY ordinal, id";
  static final String INSERT_TENANT =
      "INSERT INTO tenant (name, ordinal, updated_at, id) VALUES (?, ?, CURRENT_TIMESTAMP, ?)";
  static final String UPDATE_TENANT = "UPDATE tenant SET name = ?, ordinal = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?";
  static final String RELOCATE_TENANT = "UPDATE tenant SET ordinal = ? WHERE id = ?";
  static final String DELETE_TENANT = "DELETE FROM tenant WHERE id = ?";

  static final String SELECT_SITES = "SELECT id, tenant_id, name, uplink_id FROM site ORDER BY ordinal, id";
  static final String INSERT_SITE =
      "INSERT INTO site (tenant_id, name, uplink_id, ordinal, updated_at, id) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP, ?)";
  static final String UPDATE_SITE =
      "UPDATE site SET tenant_id = ?, name = ?, uplink_id = ?, ordinal = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?";
  static final String RELOCATE_SITE = "UPDATE site SET ordinal = ? WHERE id = ?";
  static final String DELETE_SITE = "DELETE FROM site WHERE id = ?";

  static final String SELECT_DEVICES =
      "SELECT id, tenant_id, site_id, address, icmp, interval_ms, parent_id, labels, snmp, checks, source"
          + " FROM device ORDER BY ordinal, id";
  static final String INSERT_DEVICE =
      "INSERT INTO device (tenant_id, site_id, address, icmp, interval_ms, parent_id, labels, snmp, checks, source,"
          + " ordinal, updated_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP, ?)";
  static final String UPDATE_DEVICE =
      "UPDATE device SET tenant_id = ?, site_id = ?, address = ?, icmp = ?, interval_ms = ?, parent_id = ?,"
          + " labels = ?, snmp = ?, checks = ?, source = ?, ordinal = ?, updated_at = CURRENT_TIMESTAMP WHERE id = ?";
  static final String RELOCATE_DEVICE = "UPDATE device SET source = ?, ordinal = ? WHERE id = ?";
  static final String DELETE_DEVICE = "DELETE FROM device WHERE id = ?";

  private InventoryRows() {}

  // ---- tenants ---------------------------------------------------------------------------------

  static Tenant tenant(Row row) {
    return new Tenant(row.getString("id"), row.getString("name"));
  }

  /** Parameters of {@link #INSERT_TENANT} and {@link #UPDATE_TENANT}. */
  static Tuple tenantParameters(Placed<Tenant> placed) {
    Tenant tenant = placed.value();
    return Tuple.of(tenant.name(), placed.ordinal(), tenant.id());
  }

  // ---- sites -----------------------------------------------------------------------------------

  static Site site(Row row) {
    return new Site(
        row.getString("id"),
        row.getString("tenant_id"),
        row.getString("name"),
        Optional.ofNullable(row.getString("uplink_id")));
  }

  static Tuple siteParameters(Placed<Site> placed) {
    Site site = placed.value();
    return Tuple.of(site.tenant(), site.name(), site.uplink().orElse(null), placed.ordinal(), site.id());
  }

  // ---- devices ---------------------------------------------------------------------------------

  static Device device(Row row) {
    String site = row.getString("site_id");
    String snmp = row.getString("snmp");
    return new Device(
        row.getString("id"),
        row.getString("tenant_id"),
        site == null ? Device.NO_SITE : site,
        row.getString("address"),
        snmp == null ? Optional.empty() : Optional.of(snmp(new JsonObject(snmp))),
        row.getBoolean("icmp"),
        Duration.ofMillis(row.getLong("interval_ms")),
        Optional.ofNullable(row.getString("parent_id")),
        labels(new JsonObject(row.getString("labels"))),
        ServiceCheckJson.read(row.getString("checks")),
        row.getString("source"));
  }

  static Tuple deviceParameters(Placed<Device> placed) {
    Device device = placed.value();
    return Tuple.from(
        Arrays.asList(
            device.tenant(),
            device.site().equals(Device.NO_SITE) ? null : device.site(),
            device.address(),
            device.icmp(),
            device.interval().toMillis(),
            device.parent().orElse(null),
            new JsonObject(new TreeMap<String, Object>(device.labels())).encode(),
            device.snmp().map(InventoryRows::json).map(JsonObject::encode).orElse(null),
            ServiceCheckJson.write(device.checks()),
            device.source(),
            placed.ordinal(),
            device.id()));
  }

  static Tuple deviceRelocation(Placed<Device> placed) {
    return Tuple.of(placed.value().source(), placed.ordinal(), placed.value().id());
  }

  /** Same monitoring, whatever line of which file the device is written on. */
  static boolean sameDevice(Device a, Device b) {
    return a.equals(withSource(b, a.source()));
  }

  private static Device withSource(Device d, String source) {
    return new Device(
        d.id(), d.tenant(), d.site(), d.address(), d.snmp(), d.icmp(), d.interval(), d.parent(), d.labels(), d.checks(),
        source);
  }

  // ---- JSON ------------------------------------------------------------------------------------

  static JsonObject json(SnmpSettings snmp) {
    JsonObject json =
        new JsonObject()
            .put("version", snmp.version().yamlName())
            .put("port", snmp.port())
            .put("auth", snmp.auth().yamlName())
            .put("priv", snmp.priv().yamlName())
            .put("timeout_ms", snmp.timeout().toMillis())
            .put("retries", snmp.retries())
            .put("max_repetitions", snmp.maxRepetitions());
    snmp.community().ifPresent(s -> json.put("community", s.raw()));
    snmp.user().ifPresent(u -> json.put("user", u));
    snmp.authPassword().ifPresent(s -> json.put("auth_password", s.raw()));
    snmp.privPassword().ifPresent(s -> json.put("priv_password", s.raw()));
    snmp.context().ifPresent(c -> json.put("context", c));
    return json;
  }

  static SnmpSettings snmp(JsonObject json) {
    return new SnmpSettings(
        byYamlName(SnmpVersion.values(), SnmpVersion::yamlName, json.getString("version")),
        json.getInteger("port"),
        secret(json, "community"),
        Optional.ofNullable(json.getString("user")),
        byYamlName(AuthProtocol.values(), AuthProtocol::yamlName, json.getString("auth")),
        secret(json, "auth_password"),
        byYamlName(PrivProtocol.values(), PrivProtocol::yamlName, json.getString("priv")),
        secret(json, "priv_password"),
        Optional.ofNullable(json.getString("context")),
        Duration.ofMillis(json.getLong("timeout_ms")),
        json.getInteger("retries"),
        json.getInteger("max_repetitions"));
  }

  private static Map<String, String> labels(JsonObject json) {
    return json.getMap().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
  }

  private static Optional<Secret> secret(JsonObject json, String key) {
    return Optional.ofNullable(json.getString(key)).map(Secret::of);
  }

  private static <E> E byYamlName(E[] values, Function<E, String> name, String wanted) {
    return Arrays.stream(values)
        .filter(v -> name.apply(v).equals(wanted))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("unknown value in the store: " + wanted));
  }
}
