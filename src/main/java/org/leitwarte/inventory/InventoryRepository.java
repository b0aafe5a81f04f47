package org.leitwarte.inventory;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.leitwarte.inventory.InventoryDiff.Placed;
import org.leitwarte.store.AuditLog;

/**
 * The inventory in the SQL store. The YAML files are the source of truth: an import makes the store
 * equal to them (insert, update, delete) in one transaction and records what changed in the audit log.
 */
public final class InventoryRepository {

  static final String IMPORT_ACTION = "inventory.import";

  private final Pool pool;

  public InventoryRepository(Pool pool) {
    this.pool = Objects.requireNonNull(pool, "pool");
  }

  /**
   * Makes the stored inventory equal to {@code inventory}, in one transaction: if anything fails, the
   * previous inventory stays as it was. Appends one audit-log row (action {@code inventory.import})
   * listing the ids added, changed and removed; never a secret.
   *
   * @param actor who imports, e.g. {@code cli:alice} or {@code service}
   */
  public Future<ImportSummary> replaceWith(Inventory inventory, String actor) {
    return pool.withTransaction(connection -> read(connection).compose(current -> write(connection, current, inventory, actor)));
  }

  /** The stored inventory, in the order of the files it was imported from. */
  public Future<Inventory> load() {
    return pool.withConnection(this::read);
  }

  private Future<Inventory> read(SqlConnection connection) {
    Future<List<Tenant>> tenants = select(connection, InventoryRows.SELECT_TENANTS, InventoryRows::tenant);
    Future<List<Site>> sites = select(connection, InventoryRows.SELECT_SITES, InventoryRows::site);
    Future<List<Device>> devices = select(connection, InventoryRows.SELECT_DEVICES, InventoryRows::device);
    return Future.all(tenants, sites, devices)
        .map(all -> new Inventory(tenants.result(), sites.result(), devices.result()));
  }

  private Future<ImportSummary> write(SqlConnection connection, Inventory current, Inventory wanted, String actor) {
    InventoryDiff<Tenant> tenants =
        InventoryDiff.between(current.tenants(), wanted.tenants(), Tenant::id, Tenant::equals);
    InventoryDiff<Site> sites = InventoryDiff.between(current.sites(), wanted.sites(), Site::id, Site::equals);
    InventoryDiff<Device> devices =
        InventoryDiff.between(current.devices(), wanted.devices(), Device::id, InventoryRows::sameDevice);
    ImportSummary summary =
        new ImportSummary(
            devices.insertedIds(Device::id), devices.updatedIds(Device::id), devices.deletes(), devices.unchanged());
    // Parents before children: tenants, then sites, then devices are written; deleted in reverse.
    return batch(connection, InventoryRows.INSERT_TENANT, tenants.inserts(), InventoryRows::tenantParameters)
        .compose(v -> batch(connection, InventoryRows.UPDATE_TENANT, tenants.updates(), InventoryRows::tenantParameters))
        .compose(v -> batch(connection, InventoryRows.RELOCATE_TENANT, tenants.relocations(), p -> Tuple.of(p.ordinal(), p.value().id())))
        .compose(v -> batch(connection, InventoryRows.INSERT_SITE, sites.inserts(), InventoryRows::siteParameters))
        .compose(v -> batch(connection, InventoryRows.UPDATE_SITE, sites.updates(), InventoryRows::siteParameters))
        .compose(v -> batch(connection, InventoryRows.RELOCATE_SITE, sites.relocations(), p -> Tuple.of(p.ordinal(), p.value().id())))
        .compose(v -> batch(connection, InventoryRows.INSERT_DEVICE, devices.inserts(), InventoryRows::deviceParameters))
        .compose(v -> batch(connection, InventoryRows.UPDATE_DEVICE, devices.updates(), InventoryRows::deviceParameters))
        .compose(v -> batch(connection, InventoryRows.RELOCATE_DEVICE, devices.relocations(), InventoryRows::deviceRelocation))
        .compose(v -> deleteAll(connection, InventoryRows.DELETE_DEVICE, devices.deletes()))
        .compose(v -> deleteAll(connection, InventoryRows.DELETE_SITE, sites.deletes()))
        .compose(v -> deleteAll(connection, InventoryRows.DELETE_TENANT, tenants.deletes()))
        .compose(v -> audit(connection, actor, detail(tenants, sites, devices)))
        .map(summary);
  }

  private static JsonObject detail(InventoryDiff<Tenant> tenants, InventoryDiff<Site> sites, InventoryDiff<Device> devices) {
    return new JsonObject()
        .put("devices", changes(devices, Device::id).put("unchanged", devices.unchanged()))
        .put("sites", changes(sites, Site::id))
        .put("tenants", changes(tenants, Tenant::id));
  }

  private static <T> JsonObject changes(InventoryDiff<T> diff, Function<T, String> id) {
    return new JsonObject()
        .put("added", new JsonArray(new ArrayList<Object>(diff.insertedIds(id))))
        .put("changed", new JsonArray(new ArrayList<Object>(diff.updatedIds(id))))
        .put("removed", new JsonArray(new ArrayList<Object>(diff.deletes())));
  }

  private static Future<Void> audit(SqlConnection connection, String actor, JsonObject detail) {
    return AuditLog.append(connection, actor, IMPORT_ACTION, "inventory", detail, Optional.empty());
  }

  private static <T> Future<Void> batch(
      SqlConnection connection, String sql, List<Placed<T>> rows, Function<Placed<T>, Tuple> parameters) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return connection.preparedQuery(sql).executeBatch(rows.stream().map(parameters).toList()).mapEmpty();
  }

  private static Future<Void> deleteAll(SqlConnection connection, String sql, List<String> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return connection.preparedQuery(sql).executeBatch(ids.stream().map(Tuple::of).toList()).mapEmpty();
  }

  private static <T> Future<List<T>> select(SqlConnection connection, String sql, Function<Row, T> mapper) {
    return connection
        .query(sql)
        .execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(mapper).toList());
  }
}
