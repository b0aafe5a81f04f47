package org.leitwarte;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.leitwarte.alerting.history.AlertRepository;
import org.leitwarte.collect.Collector;
import org.leitwarte.collect.DeviceStates;
import org.leitwarte.collect.PollMetrics;
import org.leitwarte.collect.SchedulerVerticle;
import org.leitwarte.collect.icmp.IcmpCollector;
import org.leitwarte.collect.service.ServiceCheckCollector;
import org.leitwarte.collect.snmp.SnmpCollector;
import org.leitwarte.collect.trap.TrapCounters;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.collect.trap.TrapVerticle;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.discovery.Discovery;
import org.leitwarte.discovery.DiscoveryService;
import org.leitwarte.discovery.DiscoverySettingsReader;
import org.leitwarte.health.Health;
import org.leitwarte.health.HealthCheck;
import org.leitwarte.health.WriterHealth;
import org.leitwarte.health.SelfSampleVerticle;
import org.leitwarte.inventory.Device;
import org.leitwarte.incident.notify.PlaceNames;
import org.leitwarte.inventory.Inventory;
import org.leitwarte.inventory.Site;
import org.leitwarte.inventory.Tenant;
import org.leitwarte.inventory.InventoryRepository;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.metrics.MetricsWriterStatus;
import org.leitwarte.metrics.MetricsWriterVerticle;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.store.ServiceState;
import org.leitwarte.store.Store;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.user.PasswordHasher;
import org.leitwarte.user.SignIn;
import org.leitwarte.user.SignInPolicy;
import org.leitwarte.user.TokenRepository;
import org.leitwarte.user.User;
import org.leitwarte.user.UserRepository;
import org.leitwarte.web.ApiFeatures;
import org.leitwarte.web.HttpServerVerticle;
import org.leitwarte.web.StatusApi;
import org.leitwarte.web.UserAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the running service from a validated configuration and inventory,
 * in the order data flows (store, metrics writer, collectors, scheduler, HTTP), and takes it down
 * in reverse so that nothing collected is lost: the scheduler finishes its polls before the writer
 * flushes, and the writer spools what InfluxDB does not take.
 */
public final class Leitwarte {

  private static final Logger LOG = LoggerFactory.getLogger(Leitwarte.class);

  /** When the scheduler last stopped gracefully, so the next start can poll the slots it missed. */
  private static final String STOPPED_AT = "scheduler.stopped_at";

  /** The {@code device} tag of Leitwarte's own samples; one node for now, the cluster will name each. */
  private static final String NODE = "leitwarte";
  private static final Duration SELF_SAMPLE_EVERY = Duration.ofSeconds(10);

  private final Vertx vertx;
  private final LeitwarteConfig config;
  private final Inventory inventory;
  private final Clock clock;
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DeviceStates deviceStates = new DeviceStates();
  private final List<Collector> collectors = new ArrayList<>();
  private final List<AutoCloseable> meterBinders = new ArrayList<>();
  private Store store;
  private ServiceState serviceState;
  private List<Device> devices = List.of();
  private Inventory storedInventory = Inventory.empty();
  private AlertingAssembly alerting;
  private IncidentAssembly incidents;
  private TicketService tickets;
  private DeviceHistory history;
  private long catchUpAfter = Long.MAX_VALUE;
  private MetricsWriterVerticle writer;
  private String writerDeployment;
  private PollMetrics pollMetrics;
  private String schedulerDeployment;
  private HttpServerVerticle http;
  private String httpDeployment;
  private String selfDeployment;
  private TrapVerticle traps;
  private String trapsDeployment;

  private Leitwarte(Vertx vertx, LeitwarteConfig config, Inventory inventory, Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.inventory = inventory;
    this.clock = clock;
  }

  /**
   * Starts Leitwarte. On failure everything already started is stopped again and the future fails
   * with the first cause (store unreachable, fping missing, port taken, …).
   */
  public static Future<Leitwarte> start(Vertx vertx, LeitwarteConfig config, Inventory inventory) {
    return start(vertx, config, inventory, Clock.systemUTC());
  }

  /** With a clock of the caller's: end-to-end tests let an hour of escalation pass in a second. */
  static Future<Leitwarte> start(Vertx vertx, LeitwarteConfig config, Inventory inventory, Clock clock) {
    return new Leitwarte(vertx, config, inventory, clock).boot();
  }

  private Future<Leitwarte> boot() {
    bindJvmMetrics();
    return openStore()
        .compose(v -> importInventory())
        .compose(v -> readStopTime())
        .compose(v -> deployWriter())
        .compose(v -> startIncidents())
        .compose(v -> startAlerting())
        .compose(v -> startCollectors())
        .compose(v -> deployTraps())
        .compose(v -> deployScheduler())
        .compose(v -> deploySelfSamples())
        .compose(v -> deployHttp())
        .map(v -> {
          LOG.info("Leitwarte is running: {} devices, HTTP on {}:{}", devices.size(), config.http().host(), httpPort());
          return this;
        })
        .recover(failure -> stop().transform(stopped -> Future.failedFuture(failure)));
  }

  private void bindJvmMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    meterBinders.add(gc);
  }

  private Future<Void> openStore() {
    return Store.open(vertx, config.store()).map(opened -> {
      store = opened;
      serviceState = new ServiceState(opened.pool());
      return null;
    });
  }

  /** The YAML is the source of truth; the store is what the rest of Leitwarte reads. */
  private Future<Void> importInventory() {
    InventoryRepository repository = new InventoryRepository(store.pool());
    return repository.replaceWith(inventory, "config " + config.file().getFileName())
        .onSuccess(summary -> LOG.info("Inventory imported: {}", summary))
        .compose(summary -> repository.load())
        .map(loaded -> {
          storedInventory = loaded;
          devices = loaded.devices();
          return null;
        });
  }

  private Future<Void> readStopTime() {
    return serviceState.get(STOPPED_AT)
        .compose(value -> {
          value.ifPresent(millis -> catchUpAfter = Long.parseLong(millis));
          // A crash leaves no stop time behind, so the next start does not catch up from an old one.
          return serviceState.remove(STOPPED_AT);
        });
  }

  private Future<Void> deployWriter() {
    writer = new MetricsWriterVerticle(config.influx(), config.spool(), registry);
    return vertx.deployVerticle(writer).map(id -> {
      writerDeployment = id;
      return null;
    });
  }

  /** Before alerting, so that the engine hears every alert change from the first one on. */
  private Future<Void> startIncidents() {
    incidents = new IncidentAssembly(vertx, store.pool(), clock, config, serviceState, System.getenv(), registry);
    if (config.incidents().publicUrl().isEmpty() && !config.http().host().startsWith("127.") && !config.http().host().equals("::1")) {
      LOG.warn("incidents.public_url is not set: acknowledge links point at http://{}:{}, which people outside this host may not reach",
          hostForLinks(), config.http().port());
    }
    return incidents.start(() -> URI.create("http://" + hostForLinks() + ":" + httpPort()), placeNames(storedInventory));
  }

  private static PlaceNames placeNames(Inventory inventory) {
    return PlaceNames.of(inventory.tenants().stream().collect(Collectors.toMap(Tenant::id, Tenant::name)),
        inventory.sites().stream().collect(Collectors.toMap(Site::id, Site::name)));
  }

  /** Where acknowledge links point when {@code incidents.public_url} is not set: this server, as bound. */
  private String hostForLinks() {
    String host = config.http().host();
    return host.contains(":") ? "[" + host + "]" : host;
  }

  private Future<Void> startAlerting() {
    alerting = new AlertingAssembly(vertx, store.pool(), clock, registry);
    alerting.onRulesFolderChange(incidents::reloadFiles);
    return alerting.start(config.rules(), storedInventory);
  }

  private Future<Void> startCollectors() {
    List<Future<?>> started = new ArrayList<>();
    if (devices.stream().anyMatch(d -> d.snmp().isPresent())) {
      started.add(SnmpCollector.start(vertx, config.polling().snmpSourceAddress() + "/0").onSuccess(collectors::add));
    }
    if (devices.stream().anyMatch(Device::icmp)) {
      started.add(IcmpCollector.create(vertx, config.icmp()).onSuccess(collectors::add));
    }
    if (devices.stream().anyMatch(d -> !d.checks().isEmpty())) {
      collectors.add(new ServiceCheckCollector(vertx, config.serviceChecks(), clock));
    }
    return Future.all(started).mapEmpty();
  }

  /** With a {@code traps:} section only; after alerting, so that the first trap is judged, and before the scheduler, for interface names. */
  private Future<Void> deployTraps() {
    if (config.traps().isEmpty()) {
      return Future.succeededFuture();
    }
    traps = new TrapVerticle(config.traps().get(), devices, new TrapEventRepository(store.pool()), new TrapCounters(registry), clock);
    return vertx.deployVerticle(traps).map(id -> {
      trapsDeployment = id;
      return null;
    });
  }

  private Future<Void> deployScheduler() {
    pollMetrics = new PollMetrics(registry, config.polling().interval());
    SchedulerVerticle scheduler = new SchedulerVerticle(devices, collectors, config.polling().maxConcurrent(),
        deviceStates, pollMetrics, clock, catchUpAfter);
    return vertx.deployVerticle(scheduler).map(id -> {
      schedulerDeployment = id;
      return null;
    });
  }

  private Future<Void> deploySelfSamples() {
    SelfSampleVerticle self = new SelfSampleVerticle(NODE, SELF_SAMPLE_EVERY, this::selfFigures, clock);
    return vertx.deployVerticle(self).map(id -> {
      selfDeployment = id;
      return null;
    });
  }

  private SelfSampleVerticle.Figures selfFigures() {
    MetricsWriterStatus status = writer.status();
    return new SelfSampleVerticle.Figures(status.influxUp(), status.spoolLines(), status.spoolBytes(),
        status.droppedLines(), status.quarantinedLines(), status.linesWritten(),
        status.lastWriteLatency().toNanos() / 1e6, pollMetrics.pollsInWindow(), devices.size(), deviceStates.unreachable(),
        pollMetrics.window());
  }

  /** Users, tokens and sign-in on the store, with the default lock-out policy. */
  private UserAccess userAccess() {
    UserRepository users = new UserRepository(store.pool(), clock);
    return new UserAccess(users, new TokenRepository(store.pool(), clock),
        new SignIn(vertx, users, new PasswordHasher(), clock, SignInPolicy.DEFAULT), config.http().secureCookies());
  }

  private Future<Void> deployHttp() {
    Health health = new Health(vertx, Duration.ofSeconds(2))
        .add("store", this::storeHealth)
        .add("influxdb", () -> Future.succeededFuture(WriterHealth.influx(writer.status())))
        .add("spool", () -> Future.succeededFuture(WriterHealth.spool(writer.status())))
        .add("polling", this::pollingHealth)
        .add("alerting", () -> Future.succeededFuture(alerting.health()))
        .add("incidents", () -> Future.succeededFuture(new HealthCheck.Part("incidents", true, incidents.healthDetails())));
    if (traps != null) {
      health.add("traps", () -> Future.succeededFuture(new HealthCheck.Part("traps", trapsDeployment != null, traps.healthDetails())));
    }
    // The board reads the stored inventory, the scheduler's view of each device, active alerts and maintenance.
    StatusApi status = new StatusApi(() -> storedInventory, deviceStates, alerting.alerts(), alerting.maintenanceWindows(), clock);
    UserRepository users = new UserRepository(store.pool(), clock);
    tickets = TicketService.create(vertx, store.pool(), clock, config.notifications(), alerting.alerts(), incidents.api().desk(),
        user -> users.find(user).map(found -> found.flatMap(User::email)));
    history = DeviceHistory.create(vertx, config.influx());
    ApiFeatures features = ApiFeatures.of(alerting.api()).withIncidents(incidents.api()).withStatus(status).withTickets(tickets)
        .withHistory(history).withAudit(new AuditQueries(store.pool()));
    if (traps != null) {
      features = features.withTrapEvents(new TrapEventRepository(store.pool()));
    }
    if (config.grafana().isPresent()) {
      features = features.withGrafana(config.grafana().get().url());
    }
    ApiFeatures wired = features;
    return discovery().compose(discovery -> {
      http = new HttpServerVerticle(config.http(), health, registry, wired.withDiscovery(discovery), userAccess());
      return vertx.deployVerticle(http);
    }).map(id -> {
      httpDeployment = id;
      return null;
    });
  }

  /** Discovery for the API, on the stored inventory; its section of leitwarte.yaml is read off the event loop. */
  private Future<DiscoveryService> discovery() {
    return vertx.executeBlocking(() -> DiscoverySettingsReader.read(config.file(), config.polling(), System.getenv()))
        .map(settings -> new DiscoveryService(new Discovery(vertx, settings, config.icmp(), config.polling().snmpSourceAddress()),
            () -> storedInventory, store.pool()));
  }

  private Future<HealthCheck.Part> storeHealth() {
    return store.ping().map(v -> new HealthCheck.Part("store", true, Map.of("dialect", store.dialect().name())));
  }

  private Future<HealthCheck.Part> pollingHealth() {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("devices", devices.size());
    details.put("devices_unreachable", deviceStates.unreachable());
    details.put("polls_last_interval", pollMetrics.pollsInWindow());
    return Future.succeededFuture(new HealthCheck.Part("polling", schedulerDeployment != null, details));
  }

  /** Stops everything in reverse order of the data flow; never fails, logs what could not stop. */
  public Future<Void> stop() {
    return undeploy(httpDeployment, "HTTP server")
        .compose(v -> undeploy(selfDeployment, "self samples"))
        .compose(v -> undeploy(schedulerDeployment, "scheduler"))
        .compose(v -> undeploy(trapsDeployment, "trap receiver"))
        .compose(v -> schedulerDeployment == null || serviceState == null
            ? Future.<Void>succeededFuture()
            : serviceState.put(STOPPED_AT, Long.toString(clock.millis())).recover(this::logged))
        .compose(v -> Future.join(collectors.stream().map(Collector::close).toList()).<Void>mapEmpty().recover(this::logged))
        .compose(v -> alerting == null ? Future.<Void>succeededFuture() : alerting.stop().recover(this::logged))
        .compose(v -> incidents == null ? Future.<Void>succeededFuture() : incidents.stop().recover(this::logged))
        .compose(v -> tickets == null ? Future.<Void>succeededFuture() : tickets.close().recover(this::logged))
        .compose(v -> {
          if (history != null) {
            history.close();
          }
          return Future.<Void>succeededFuture();
        })
        .compose(v -> undeploy(writerDeployment, "metrics writer"))
        .compose(v -> store == null ? Future.<Void>succeededFuture() : store.close().recover(this::logged))
        .onComplete(v -> {
          meterBinders.forEach(binder -> {
            try {
              binder.close();
            } catch (Exception e) {
              LOG.debug("Closing a meter binder failed", e);
            }
          });
          registry.close();
        });
  }

  private Future<Void> undeploy(String deployment, String what) {
    if (deployment == null) {
      return Future.succeededFuture();
    }
    return vertx.undeploy(deployment).recover(failure -> {
      LOG.warn("Stopping the {} failed: {}", what, failure.getMessage());
      return Future.succeededFuture();
    });
  }

  private Future<Void> logged(Throwable failure) {
    LOG.warn("While stopping: {}", failure.getMessage());
    return Future.succeededFuture();
  }

  public int httpPort() {
    return http.actualPort();
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  public DeviceStates deviceStates() {
    return deviceStates;
  }

  /** The alerts kept in the store. */
  public AlertRepository alerts() {
    return alerting.alerts();
  }

  /** The trap receiver, when {@code traps:} is configured. */
  public Optional<TrapVerticle> traps() {
    return Optional.ofNullable(traps);
  }

  public MetricsWriterStatus writerStatus() {
    return writer.status();
  }
}
