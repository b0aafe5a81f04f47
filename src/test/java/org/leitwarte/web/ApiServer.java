package org.leitwarte.web;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.leitwarte.alerting.history.AlertApi;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.alerting.maintenance.MaintenanceApi;
import org.leitwarte.alerting.maintenance.MaintenanceRepository;
import org.leitwarte.alerting.silence.SilenceApi;
import org.leitwarte.alerting.silence.SilenceRepository;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.discovery.Discovery;
import org.leitwarte.discovery.DiscoveryService;
import org.leitwarte.discovery.DiscoverySettings;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.health.Health;
import org.leitwarte.incident.link.LinkAcknowledgement;
import org.leitwarte.incident.link.SignedLinks;
import org.leitwarte.incident.link.UsedLinks;
import org.leitwarte.incident.oncall.LiveOnCallDirectory;
import org.leitwarte.incident.oncall.OnCallConfig;
import org.leitwarte.incident.oncall.OnCallLoader;
import org.leitwarte.incident.oncall.OnCallRepository;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.InventoryLoader;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.store.Dialect;
import org.leitwarte.store.Store;
import org.leitwarte.store.StoreFixture;
import org.leitwarte.ticket.TicketMailer;
import org.leitwarte.ticket.TicketRepository;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.user.PasswordHasher;
import org.leitwarte.user.Role;
import org.leitwarte.user.SignIn;
import org.leitwarte.user.SignInPolicy;
import org.leitwarte.user.TokenRepository;
import org.leitwarte.user.User;
import org.leitwarte.user.UserRepository;

/**
 * The HTTP server deployed alone on a real store (H2 or PostgreSQL) with the real repositories behind
 * the API, on a free loopback port, with incidents in memory ({@link InMemoryDesk}) and the shipped
 * oncall.yaml in the store behind the on-call routes, the example inventory (three tenants, no poll
 * yet: {@link #deviceStates} is the tests' to fill) behind the status board, and tickets in the store
 * (mailed only when given a mail server); counts how often the suppressions were asked to be re-read.
 */
final class ApiServer implements AutoCloseable {

  /** "Now" for incidents and on-call: Wednesday 25 March 2026, 10:00 in Berlin, tbecker's week in netz-rufbereitschaft. */
  static final Instant NOW = Instant.parse("2026-03-25T09:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  /** The shipped on-call file: people, teams, schedules. */
  static final Path ONCALL_FILE = Path.of("alert-rules", "oncall.yaml");
  /** The secrets of the example inventory, which must never appear in an answer. */
  static final Map<String, String> INVENTORY_SECRETS =
      Map.of("WR_AUTH", "wr-auth-geheim", "WR_PRIV", "wr-priv-geheim", "IL_COMMUNITY", "il-community-geheim", "KDO_AUTH", "kdo-auth-geheim");

  /** One quick echo request per address, for discovery. */
  static final LeitwarteConfig.Icmp DISCOVERY_ICMP =
      new LeitwarteConfig.Icmp(Path.of("fping"), 1, Duration.ofMillis(10), Duration.ofMillis(500), Duration.ZERO, 256);
  /** The administrator whose token {@link #client} sends. */
  static final String ADMIN = "admin";
  /** The password of every user made here. */
  static final String PASSWORD = "richtig geheimes Passwort";
  static final PasswordHasher HASHER = new PasswordHasher();
  private static final String PASSWORD_HASH = HASHER.hash(PASSWORD);
  /** The default lock-out, with delays short enough for tests. */
  static final SignInPolicy SIGN_IN = new SignInPolicy(10, Duration.ofMinutes(15), 50, Duration.ofMillis(1), Duration.ofMillis(20));

  final Vertx vertx = Vertx.vertx();
  final AtomicInteger refreshes = new AtomicInteger();
  final AlertRepository alerts;
  final SilenceRepository silences;
  final MaintenanceRepository windows;
  final Pool pool;
  final AlertingApi api;
  final InMemoryDesk desk;
  final OnCallRepository oncallRepository;
  final LiveOnCallDirectory oncall;
  final SignedLinks links;
  final IncidentApi incidents;
  /** The inventory behind the board, read at each request; a test may replace it (say, to give a device checks). */
  volatile Inventory inventory;
  final DeviceStates deviceStates = new DeviceStates();
  final StatusApi status;
  final TicketService tickets;
  /** Every request of this client is the administrator's ({@link #ADMIN}). */
  final ApiClient client;
  final UserRepository users;
  final UserAccess access;
  final TokenRepository tokens;
  final int port;
  private final StoreFixture stores;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  ApiServer(Path dir, Dialect dialect) throws Exception {
    this(dir, dialect, Optional.empty());
  }

  /** @param mail where ticket mails go; without it none are sent */
  ApiServer(Path dir, Dialect dialect, Optional<LeitwarteConfig.Notify.Email> mail) throws Exception {
    this(dir, dialect, mail, Optional.empty());
  }

  /**
   * @param mail where ticket mails go; without it none are sent
   * @param influx the InfluxDB the device pages read their charts from; without it they say the history is
   *     not available
   */
  ApiServer(Path dir, Dialect dialect, Optional<LeitwarteConfig.Notify.Email> mail, Optional<LeitwarteConfig.Influx> influx)
      throws Exception {
    this(dir, dialect, mail, influx, Optional.empty(), DiscoverySettings.defaults());
  }

  /** @param grafana where the Grafana dashboards are; device pages link there */
  ApiServer(Path dir, Dialect dialect, Optional<LeitwarteConfig.Notify.Email> mail, Optional<LeitwarteConfig.Influx> influx,
      Optional<URI> grafana) throws Exception {
    this(dir, dialect, mail, influx, grafana, DiscoverySettings.defaults());
  }

  /** @param discovery the {@code discovery:} settings the API's discovery runs with (it pings with {@link #DISCOVERY_ICMP}) */
  ApiServer(Path dir, Dialect dialect, Optional<LeitwarteConfig.Notify.Email> mail, Optional<LeitwarteConfig.Influx> influx,
      DiscoverySettings discovery) throws Exception {
    this(dir, dialect, mail, influx, Optional.empty(), discovery);
  }

  private ApiServer(Path dir, Dialect dialect, Optional<LeitwarteConfig.Notify.Email> mail,
      Optional<LeitwarteConfig.Influx> influx, Optional<URI> grafana, DiscoverySettings discovery) throws Exception {
    stores = new StoreFixture(dir);
    Store store = await(stores.open(vertx, dialect));
    pool = store.pool();
    alerts = new AlertRepository(pool);
    silences = new SilenceRepository(pool);
    windows = new MaintenanceRepository(pool);
    api = new AlertingApi(
        new AlertApi(alerts),
        new SilenceApi(silences, this::refresh, Clock.systemUTC()),
        new MaintenanceApi(windows, this::refresh, Clock.systemUTC()));
    desk = new InMemoryDesk(CLOCK);
    OnCallConfig oncallConfig = OnCallLoader.load(ONCALL_FILE, Map.of());
    oncallRepository = new OnCallRepository(pool, CLOCK, Map.of());
    await(oncallRepository.replaceWith(oncallConfig, "test"));
    // Tests count the audit rows their requests write; the import's row is set-up, not one of them.
    await(pool.query("DELETE FROM audit_log WHERE action = 'oncall.import'").execute());
    oncall = new LiveOnCallDirectory(OnCallSnapshot.of(oncallConfig));
    links = new SignedLinks(URI.create("http://127.0.0.1"), SignedLinks.newKey(), Duration.ofHours(24), CLOCK);
    LinkAcknowledgement linkAcknowledgement = new LinkAcknowledgement(links, new UsedLinks(pool, CLOCK),
        id -> Future.succeededFuture(Optional.ofNullable(desk.incident(id))), desk);
    incidents = new IncidentApi(desk, oncall, oncallRepository, CLOCK, Optional.of(linkAcknowledgement));
    inventory = exampleInventory(dir);
    // Maintenance windows are made through the API with the system clock; the board must see them in force.
    status = new StatusApi(() -> inventory, deviceStates, alerts, windows, Clock.systemUTC(),
        Duration.ofMillis(200), Duration.ofSeconds(1));
    tickets = new TicketService(new TicketRepository(pool), new AlertApi(alerts), Optional.of(desk),
        new TicketMailer(vertx, mail, Optional.empty()), CLOCK);
    Health health = new Health(vertx, Duration.ofSeconds(1));
    users = new UserRepository(pool, Clock.systemUTC());
    tokens = new TokenRepository(pool, Clock.systemUTC());
    access = new UserAccess(users, tokens, new SignIn(vertx, users, HASHER, Clock.systemUTC(), SIGN_IN), false);
    ApiFeatures features = ApiFeatures.of(api).withIncidents(incidents).withStatus(status).withTickets(tickets)
        .withAudit(new AuditQueries(pool)).withTrapEvents(new TrapEventRepository(pool))
        .withDiscovery(new DiscoveryService(new Discovery(vertx, discovery, DISCOVERY_ICMP, "127.0.0.1"), () -> inventory, pool));
    if (influx.isPresent()) {
      features = features.withHistory(DeviceHistory.create(vertx, influx.get()));
    }
    if (grafana.isPresent()) {
      features = features.withGrafana(grafana.get());
    }
    HttpServerVerticle http = new HttpServerVerticle(new LeitwarteConfig.Http("127.0.0.1", 0), health, registry, features, access);
    await(vertx.deployVerticle(http));
    port = http.actualPort();
    client = new ApiClient(port, Optional.of(token(ADMIN, Role.ADMIN, Optional.empty())));
    // Tests count the audit rows their requests write; making the test's users is set-up, not one of them.
    await(pool.query("DELETE FROM audit_log WHERE action IN ('user.add', 'token.create')").execute());
  }

  /**
   * A user (made if missing, with {@link #PASSWORD}; a tenant user's tenant is added to the stored
   * inventory if missing) and a new API token of theirs.
   */
  String token(String name, Role role, Optional<String> tenant) throws Exception {
    user(name, role, tenant);
    return await(tokens.create(name, "test", "test", Optional.empty())).secret();
  }

  /** A user with {@link #PASSWORD}, made if missing. */
  void user(String name, Role role, Optional<String> tenant) throws Exception {
    if (tenant.isPresent()) {
      await(pool.preparedQuery("INSERT INTO tenant (id, name, ordinal, updated_at) SELECT ?, ?, 0, CURRENT_TIMESTAMP"
          + " WHERE NOT EXISTS (SELECT 1 FROM tenant WHERE id = ?)").execute(Tuple.of(tenant.get(), tenant.get(), tenant.get())));
    }
    if (await(users.find(name)).isEmpty()) {
      await(users.add(new User(name, name, Optional.empty(), role, tenant, Instant.EPOCH, false, 0, Optional.empty()),
          PASSWORD_HASH, "test", Optional.empty()));
    }
  }

  private static Inventory exampleInventory(Path dir) throws Exception {
    Path file = dir.resolve("example-inventory.yaml");
    try (InputStream in = Inventory.class.getResourceAsStream("example-inventory.yaml")) {
      Files.createDirectories(dir);
      Files.write(file, in.readAllBytes());
    }
    LeitwarteConfig.Polling defaults =
        new LeitwarteConfig.Polling(Duration.ofSeconds(60), 500, Duration.ofSeconds(2), 1, 25, "127.0.0.1");
    return InventoryLoader.load(List.of(file), defaults, INVENTORY_SECRETS);
  }

  private Future<Void> refresh() {
    refreshes.incrementAndGet();
    return Future.succeededFuture();
  }

  /** How many rows {@code sql} (a SELECT COUNT(*)) counts. */
  long count(String sql) throws Exception {
    return await(pool.query(sql).execute().map(rows -> rows.iterator().next().getLong(0)));
  }

  @Override
  public void close() throws Exception {
    try {
      await(stores.close(vertx));
    } finally {
      await(vertx.close());
      registry.close();
    }
  }

  static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
