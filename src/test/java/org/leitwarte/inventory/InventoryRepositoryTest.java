package org.leitwarte.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Row;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.Store;
import org.leitwarte.store.StoreFixture;

@ExtendWith(VertxExtension.class)
class InventoryRepositoryTest {

  @TempDir Path dir;
  private Vertx vertx;
  private StoreFixture stores;
  private Inventory example;

  @BeforeEach
  void setUp(Vertx vertx) throws Exception {
    this.vertx = vertx;
    this.stores = new StoreFixture(dir);
    Path file = dir.resolve("inventory.yaml");
    try (InputStream in = getClass().getResourceAsStream("example-inventory.yaml")) {
      Files.write(file, in.readAllBytes());
    }
    this.example = InventoryLoader.load(List.of(file), InventoryLoaderTest.DEFAULTS, InventoryLoaderTest.ENVIRONMENT);
  }

  @AfterEach
  void tearDown(VertxTestContext context) {
    stores.close(vertx).onComplete(context.succeedingThenComplete());
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void imported_inventory_reads_back_identical(Dialect dialect, VertxTestContext context) {
    open(dialect)
        .compose(repository -> repository.replaceWith(example, "test").compose(summary -> repository.load()
            .map(loaded -> List.of(summary, loaded))))
        .onComplete(
            context.succeeding(
                results -> context.verify(() -> {
                  ImportSummary summary = (ImportSummary) results.get(0);
                  assertThat(summary.addedIds())
                      .containsExactly("wr-router", "wr-app1", "wr-bauhof-switch", "il-printer", "kdo-core", "kdo-rz1-fw");
                  assertThat(summary.changed()).isZero();
                  assertThat(summary.removed()).isZero();
                  assertThat(summary.unchanged()).isZero();
                  assertThat(results.get(1)).isEqualTo(example);
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void reimport_adds_changes_and_removes_devices_and_records_it_in_the_audit_log(
      Dialect dialect, VertxTestContext context) {
    Inventory changed = changedExample();
    Future<Store> store = stores.open(vertx, dialect);
    store
        .map(s -> new InventoryRepository(s.pool()))
        .compose(repository -> repository.replaceWith(example, "first")
            .compose(first -> repository.replaceWith(changed, "cli:alice"))
            .compose(summary -> repository.load().map(loaded -> {
              assertThat(loaded).isEqualTo(changed);
              return summary;
            })))
        .compose(summary -> auditLog(store.result()).map(audit -> List.of(summary, audit)))
        .onComplete(
            context.succeeding(
                results -> context.verify(() -> {
                  ImportSummary summary = (ImportSummary) results.get(0);
                  assertThat(summary.addedIds()).containsExactly("wr-printer");
                  assertThat(summary.changedIds()).containsExactly("wr-router");
                  assertThat(summary.removedIds()).containsExactly("kdo-core");
                  assertThat(summary.unchanged()).isEqualTo(4);
                  assertThat(summary).hasToString("1 devices added, 1 changed, 1 removed, 4 unchanged");
                  @SuppressWarnings("unchecked")
                  List<Row> audit = (List<Row>) results.get(1);
                  assertThat(audit).extracting(r -> r.getString("actor")).containsExactly("first", "cli:alice");
                  Row last = audit.get(1);
                  assertThat(last.getString("action")).isEqualTo("inventory.import");
                  assertThat(last.getString("subject")).isEqualTo("inventory");
                  assertThat(last.getString("address")).isNull();
                  assertThat(new JsonObject(last.getString("detail")))
                      .isEqualTo(
                          new JsonObject(
                              """
                              {"devices": {"added": ["wr-printer"], "changed": ["wr-router"], "removed": ["kdo-core"],
                                           "unchanged": 4},
                               "sites": {"added": [], "changed": [], "removed": []},
                               "tenants": {"added": [], "changed": ["ilsenburg"], "removed": []}}
                              """));
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_import_that_fails_midway_leaves_the_previous_inventory_intact(Dialect dialect, VertxTestContext context) {
    // Renames a tenant (written first), then adds a device on a site that does not exist: the foreign
    // key fails after the rename, and the whole import must roll back.
    List<Tenant> tenants = new ArrayList<>(example.tenants());
    tenants.set(0, new Tenant("wernigerode", "Renamed"));
    List<Device> devices = new ArrayList<>(example.devices());
    devices.add(device("ghost", "wernigerode", "nowhere", "127.0.0.9", "inventory.yaml:200"));
    Inventory broken = new Inventory(tenants, example.sites(), devices);
    Future<Store> store = stores.open(vertx, dialect);
    Future<InventoryRepository> repository = store.map(s -> new InventoryRepository(s.pool()));
    repository
        .compose(r -> r.replaceWith(example, "first"))
        .compose(first -> repository.result().replaceWith(broken, "second"))
        .onComplete(
            context.failing(
                failure -> repository.result().load()
                    .compose(loaded -> auditLog(store.result()).map(audit -> {
                      assertThat(failure).hasMessageContaining("site_id");
                      assertThat(loaded).isEqualTo(example);
                      assertThat(audit).extracting(r -> r.getString("actor")).containsExactly("first");
                      return loaded;
                    }))
                    .onComplete(context.succeedingThenComplete())));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void secrets_are_stored_in_their_raw_form_only(Dialect dialect, VertxTestContext context) {
    Future<Store> store = stores.open(vertx, dialect);
    store
        .compose(s -> new InventoryRepository(s.pool()).replaceWith(example, "test"))
        .compose(summary -> store.result().pool().query("SELECT id, snmp FROM device ORDER BY id").execute())
        .onComplete(
            context.succeeding(
                rows -> context.verify(() -> {
                  String all = StreamSupport.stream(rows.spliterator(), false)
                      .map(r -> r.getString("id") + "=" + r.getString("snmp"))
                      .reduce("", String::concat);
                  assertThat(all)
                      .contains("${env:WR_AUTH}", "${env:WR_PRIV}", "${env:IL_COMMUNITY}", "\"community\":\"public\"")
                      .doesNotContain("authpass123", "privpass123");
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void reimporting_the_same_files_changes_nothing_but_is_still_audited(Dialect dialect, VertxTestContext context) {
    // The same devices, moved down by a line in the file: still unchanged, but read back with the new line.
    List<Device> moved = example.devices().stream().map(d -> relocated(d, d.source() + "0")).toList();
    Inventory same = new Inventory(example.tenants(), example.sites(), moved);
    Future<Store> store = stores.open(vertx, dialect);
    Future<InventoryRepository> repository = store.map(s -> new InventoryRepository(s.pool()));
    repository
        .compose(r -> r.replaceWith(example, "first"))
        .compose(first -> repository.result().replaceWith(same, "second"))
        .compose(summary -> repository.result().load().map(loaded -> {
          assertThat(loaded).isEqualTo(same);
          return summary;
        }))
        .compose(summary -> auditLog(store.result()).map(audit -> {
          assertThat(audit).hasSize(2);
          return summary;
        }))
        .onComplete(
            context.succeeding(
                summary -> context.verify(() -> {
                  assertThat(summary).hasToString("0 devices added, 0 changed, 0 removed, 6 unchanged");
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void an_empty_inventory_removes_everything(Dialect dialect, VertxTestContext context) {
    open(dialect)
        .compose(repository -> repository.replaceWith(example, "first")
            .compose(first -> repository.replaceWith(Inventory.empty(), "second"))
            .compose(summary -> repository.load().map(loaded -> List.of(summary, loaded))))
        .onComplete(
            context.succeeding(
                results -> context.verify(() -> {
                  assertThat(((ImportSummary) results.get(0)).removed()).isEqualTo(6);
                  assertThat(results.get(1)).isEqualTo(Inventory.empty());
                  context.completeNow();
                })));
  }

  @ParameterizedTest
  @EnumSource(Dialect.class)
  void service_checks_read_back_identical_and_a_changed_check_list_is_a_change(Dialect dialect, VertxTestContext context)
      throws Exception {
    Path file = Files.writeString(dir.resolve("checks.yaml"), ServiceCheckInventoryTest.DOCUMENTED);
    Inventory withChecks = InventoryLoader.load(List.of(file), InventoryLoaderTest.DEFAULTS, Map.of());
    Device device = withChecks.devices().get(0);
    List<ServiceCheck> fewer = device.checks().subList(0, device.checks().size() - 1);
    Inventory oneCheckLess = new Inventory(withChecks.tenants(), withChecks.sites(), List.of(new Device(device.id(),
        device.tenant(), device.site(), device.address(), device.snmp(), device.icmp(), device.interval(), device.parent(),
        device.labels(), fewer, device.source())));
    open(dialect)
        .compose(repository -> repository.replaceWith(withChecks, "first")
            .compose(first -> repository.load())
            .compose(loaded -> {
              context.verify(() -> assertThat(loaded).isEqualTo(withChecks));
              return repository.replaceWith(withChecks, "same again");
            })
            .compose(same -> {
              context.verify(() -> assertThat(same.unchanged()).isEqualTo(1));
              return repository.replaceWith(oneCheckLess, "fewer checks");
            })
            .compose(changed -> repository.load().map(loaded -> List.of(changed, loaded))))
        .onComplete(
            context.succeeding(
                results -> context.verify(() -> {
                  assertThat(((ImportSummary) results.get(0)).changedIds()).containsExactly("wr-app1");
                  assertThat(((Inventory) results.get(1)).devices().get(0).checks()).isEqualTo(fewer);
                  context.completeNow();
                })));
  }

  /** The example with kdo-core removed, wr-router readdressed, a device added and a tenant renamed. */
  private Inventory changedExample() {
    List<Tenant> tenants =
        example.tenants().stream()
            .map(t -> t.id().equals("ilsenburg") ? new Tenant("ilsenburg", "Stadt Ilsenburg (Harz)") : t)
            .toList();
    List<Device> devices = new ArrayList<>();
    for (Device d : example.devices()) {
      if (d.id().equals("wr-router")) {
        devices.add(
            new Device(
                d.id(), d.tenant(), d.site(), "127.0.0.20", d.snmp(), d.icmp(), d.interval(), d.parent(), d.labels(),
                d.checks(), d.source()));
      } else if (!d.id().equals("kdo-core")) {
        devices.add(d);
      }
    }
    devices.add(1, device("wr-printer", "wernigerode", "wr-rathaus", "127.0.0.21", "inventory.yaml:40"));
    return new Inventory(tenants, example.sites(), devices);
  }

  private static Device device(String id, String tenant, String site, String address, String source) {
    return new Device(
        id, tenant, site, address, Optional.empty(), true, Duration.ofSeconds(60), Optional.empty(),
        Map.of("role", "printer"), List.of(), source);
  }

  private static Device relocated(Device d, String source) {
    return new Device(
        d.id(), d.tenant(), d.site(), d.address(), d.snmp(), d.icmp(), d.interval(), d.parent(), d.labels(), d.checks(), source);
  }

  private Future<InventoryRepository> open(Dialect dialect) {
    return stores.open(vertx, dialect).map(store -> new InventoryRepository(store.pool()));
  }

  private static Future<List<Row>> auditLog(Store store) {
    return store.pool()
        .query("SELECT actor, action, subject, detail, address FROM audit_log ORDER BY id")
        .execute()
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).toList());
  }
}
