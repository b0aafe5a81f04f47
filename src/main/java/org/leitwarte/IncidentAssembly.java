package org.leitwarte;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problem;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Notifications;
import org.leitwarte.incident.engine.IncidentService;
import org.leitwarte.incident.link.LinkAcknowledgement;
import org.leitwarte.incident.link.SignedLinks;
import org.leitwarte.incident.link.UsedLinks;
import org.leitwarte.incident.notify.Channel;
import org.leitwarte.incident.notify.ImapReplyPoller;
import org.leitwarte.incident.notify.NotificationDispatcher;
import org.leitwarte.incident.notify.PlaceNames;
import org.leitwarte.incident.oncall.LiveOnCallDirectory;
import org.leitwarte.incident.oncall.OnCallConfig;
import org.leitwarte.incident.oncall.OnCallLoader;
import org.leitwarte.incident.oncall.OnCallRepository;
import org.leitwarte.incident.oncall.OnCallSnapshot;
import org.leitwarte.incident.routing.Router;
import org.leitwarte.incident.routing.RoutingLoader;
import org.leitwarte.incident.routing.RoutingTree;
import org.leitwarte.store.ServiceState;
import org.leitwarte.web.IncidentApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts incident response together: people, teams, schedules and policies from {@code oncall.yaml}
 * (imported into the store, overrides from the store on top), the routing tree from {@code
 * routing.yaml}, the notification channels, the signed acknowledge links, the incident engine on the
 * alert stream, and acknowledgement by e-mail reply when an IMAP mailbox is configured.
 */
final class IncidentAssembly {

  private static final Logger LOG = LoggerFactory.getLogger(IncidentAssembly.class);

  /** The key acknowledge links are signed with when {@code incidents.link_secret} is not set; made once, kept in the store. */
  static final String LINK_KEY = "incidents.link_key";

  private static final Duration REFRESH_OVERRIDES = Duration.ofMinutes(1);
  private static final Duration FORGET_USED_LINKS = Duration.ofHours(1);
  private static final Duration COUNT_INCIDENTS = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Pool pool;
  private final Clock clock;
  private final LeitwarteConfig config;
  private final ServiceState serviceState;
  private final Map<String, String> environment;
  private final OnCallRepository repository;
  private LiveOnCallDirectory directory;
  private NotificationDispatcher dispatcher;
  private IncidentService incidents;
  private LinkAcknowledgement linkAcknowledgement;
  private Optional<ImapReplyPoller> replies = Optional.empty();
  private volatile Optional<RoutingTree> routing = Optional.empty();
  private volatile List<String> problems = List.of();
  private List<String> loggedProblems = List.of();
  private final MeterRegistry registry;
  private final Map<IncidentState, AtomicInteger> openIncidents =
      Map.of(IncidentState.TRIGGERED, new AtomicInteger(), IncidentState.ACKNOWLEDGED, new AtomicInteger());
  private long countTimer = -1;
  private long refreshTimer = -1;
  private long forgetTimer = -1;

  IncidentAssembly(Vertx vertx, Pool pool, Clock clock, LeitwarteConfig config, ServiceState serviceState,
      Map<String, String> environment, MeterRegistry registry) {
    this.vertx = vertx;
    this.registry = registry;
    this.pool = pool;
    this.clock = clock;
    this.config = config;
    this.serviceState = serviceState;
    this.environment = environment;
    this.repository = new OnCallRepository(pool, clock, environment);
  }

  /**
   * Reads the on-call and routing files (already validated by the command that started the service),
   * imports people and teams, and starts the engine.
   *
   * @param serviceUrl the service's own address, for acknowledge links when {@code incidents.public_url} is not set
   * @param names what the inventory calls municipalities and sites, for the messages
   */
  Future<Void> start(Supplier<URI> serviceUrl, PlaceNames names) {
    return loadFiles()
        .compose(oncall -> repository.replaceWith(oncall, "config " + config.file().getFileName())
            .onSuccess(summary -> LOG.info("On-call directory imported: {}", summary))
            .map(summary -> oncall))
        .compose(oncall -> {
          directory = new LiveOnCallDirectory(OnCallSnapshot.of(oncall));
          return directory.refreshOverrides(repository, clock.instant());
        })
        .compose(snapshot -> linkKey())
        .compose(key -> startEngine(serviceUrl, key, names))
        .onSuccess(v -> {
          openIncidents.forEach((state, count) -> Gauge.builder("leitwarte_incidents", count, AtomicInteger::get)
              .description("Open incidents by state")
              .tag("state", state.label())
              .register(registry));
          countOpenIncidents();
          countTimer = vertx.setPeriodic(COUNT_INCIDENTS.toMillis(), id -> countOpenIncidents());
          refreshTimer = vertx.setPeriodic(REFRESH_OVERRIDES.toMillis(), id -> refreshOverrides());
          forgetTimer = vertx.setPeriodic(FORGET_USED_LINKS.toMillis(), id -> forgetUsedLinks());
        });
  }

  private Future<OnCallConfig> loadFiles() {
    Optional<Path> folder = config.rules();
    if (folder.isEmpty()) {
      LOG.info("No rules folder configured: nobody on call, alerts do not become incidents");
      return Future.succeededFuture(OnCallConfig.EMPTY);
    }
    return vertx.executeBlocking(() -> read(folder.get())).map(files -> {
      routing = files.routing();
      if (routing.isEmpty()) {
        LOG.warn("No {} in {}: alerts do not become incidents and nobody is notified", RoutingLoader.FILE_NAME, folder.get());
      }
      return files.oncall();
    });
  }

  private record Files(OnCallConfig oncall, Optional<RoutingTree> routing) {}

  private Files read(Path folder) throws ConfigException {
    OnCallConfig oncall = OnCallLoader.loadFromRulesFolder(folder, environment);
    return new Files(oncall, RoutingLoader.loadFromRulesFolder(folder, oncall));
  }

  /**
   * After a change in the rules folder: reads {@code oncall.yaml} and {@code routing.yaml} again. Both
   * good: people and teams are imported, schedules, policies and routes apply to the next step and the
   * next alert (open incidents keep their team and policy). A problem in either: both stay as they
   * were, and the problems are logged once and shown on {@code /health} until fixed.
   */
  void reloadFiles() {
    Optional<Path> folder = config.rules();
    if (folder.isEmpty() || directory == null) {
      return;
    }
    vertx.executeBlocking(() -> read(folder.get()))
        .compose(files -> {
          problems = List.of();
          loggedProblems = List.of();
          boolean oncallChanged = !files.oncall().equals(directory.snapshot().config());
          boolean routingChanged = !files.routing().map(RoutingTree::describe).equals(routing.map(RoutingTree::describe));
          routing = files.routing();
          if (!oncallChanged) {
            if (routingChanged) {
              LOG.info("{} reloaded: {} routes", RoutingLoader.FILE_NAME, routing.map(tree -> tree.routes().size()).orElse(0));
            }
            return Future.<Void>succeededFuture();
          }
          directory.replaceConfig(files.oncall());
          return repository.replaceWith(files.oncall(), "reload " + OnCallLoader.FILE_NAME)
              .onSuccess(summary -> LOG.info("{} reloaded: {}", OnCallLoader.FILE_NAME, summary))
              .<Void>mapEmpty();
        })
        .onFailure(failure -> {
          List<Problem> found = failure instanceof ConfigException config ? config.problems() : List.of();
          problems = found.stream().map(Problem::toString).toList();
          if (found.isEmpty()) {
            LOG.warn("On-call and routing files cannot be reloaded: {}", failure.getMessage());
          } else if (!problems.equals(loggedProblems)) {
            problems.forEach(problem -> LOG.warn("{} (the on-call and routing files in force stay)", problem));
          }
          loggedProblems = problems;
        });
  }

  /** From {@code incidents.link_secret}, else the key kept in the store, else a new one kept there. */
  private Future<byte[]> linkKey() {
    Optional<String> secret = config.incidents().linkSecret().map(s -> s.reveal(environment));
    if (secret.isPresent()) {
      return Future.succeededFuture(sha256(secret.get()));
    }
    return serviceState.get(LINK_KEY).compose(stored -> {
      if (stored.isPresent()) {
        return Future.succeededFuture(Base64.getDecoder().decode(stored.get()));
      }
      byte[] key = SignedLinks.newKey();
      return serviceState.put(LINK_KEY, Base64.getEncoder().encodeToString(key)).map(v -> key);
    });
  }

  private Future<Void> startEngine(Supplier<URI> serviceUrl, byte[] key, PlaceNames names) {
    Supplier<URI> base = config.incidents().publicUrl().<Supplier<URI>>map(url -> () -> url).orElse(serviceUrl);
    SignedLinks links = new SignedLinks(base, key, config.incidents().linkValidity(), clock);
    byte[] replyKey = replyKey(key);
    dispatcher = NotificationDispatcher.create(vertx, config.notifications(), clock, names, replyKey);
    incidents = IncidentService.create(vertx, pool, clock, this::router, directory, counted(dispatcher), links);
    linkAcknowledgement = new LinkAcknowledgement(links, new UsedLinks(pool, clock), incidents::find, incidents);
    return incidents.start().onSuccess(v -> config.notifications().imap().ifPresent(imap -> {
      ImapReplyPoller poller = new ImapReplyPoller(vertx, imap,
          email -> ImapReplyPoller.byEmail(directory.snapshot().config().people()).apply(email), incidents, replyKey);
      poller.start();
      replies = Optional.of(poller);
      LOG.info("Acknowledgement by e-mail reply: polling {} on {}", imap.folder(), imap.host());
    }));
  }

  /** Counts every delivery by channel and outcome for {@code /metrics}: a channel that keeps failing shows there. */
  private Notifications counted(Notifications notifications) {
    return notification -> notifications.send(notification).onSuccess(deliveries -> deliveries.forEach(delivery ->
        Counter.builder("leitwarte_notifications")
            .description("Notifications by channel and whether the channel took them (after retries)")
            .tag("channel", delivery.channel())
            .tag("outcome", delivery.delivered() ? "delivered" : "failed")
            .register(registry)
            .increment()));
  }

  /** Open incidents by state, counted every half minute for {@code /metrics}. */
  private void countOpenIncidents() {
    incidents.openCounts()
        .onSuccess(counts -> openIncidents.forEach((state, gauge) -> gauge.set(counts.getOrDefault(state, 0L).intValue())))
        .onFailure(e -> LOG.debug("Open incidents cannot be counted: {}", e.getMessage()));
  }

  /** The routing tree in force; without a routing file no alert is routed (an empty list of routes). */
  private Router router() {
    return routing.<Router>map(tree -> tree).orElse(labels -> List.of());
  }

  private void refreshOverrides() {
    directory.refreshOverrides(repository, clock.instant())
        .onFailure(e -> LOG.warn("On-call overrides cannot be read: {}", e.getMessage()));
  }

  private void forgetUsedLinks() {
    new UsedLinks(pool, clock).forgetExpired()
        .onFailure(e -> LOG.warn("Used acknowledge links cannot be cleaned up: {}", e.getMessage()));
  }

  /**
   * The key of the e-mails' signed message ids, derived from the link key so that it is kept across
   * restarts (replies to mail sent before one still count) without being the same key.
   */
  private static byte[] replyKey(byte[] linkKey) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(linkKey, "HmacSHA256"));
      return mac.doFinal("leitwarte e-mail reply ids".getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  IncidentService incidents() {
    return incidents;
  }

  LiveOnCallDirectory directory() {
    return directory;
  }

  OnCallRepository repository() {
    return repository;
  }

  LinkAcknowledgement linkAcknowledgement() {
    return linkAcknowledgement;
  }

  /** The logic behind the API's incident and on-call routes and the acknowledge link pages. */
  IncidentApi api() {
    return new IncidentApi(incidents, directory, repository, clock, Optional.of(linkAcknowledgement));
  }

  Optional<RoutingTree> routing() {
    return routing;
  }

  /** For {@code /health}: what incident response works with; nothing here makes the service unhealthy. */
  Map<String, Object> healthDetails() {
    Map<String, Object> details = new LinkedHashMap<>();
    OnCallConfig oncall = directory == null ? OnCallConfig.EMPTY : directory.snapshot().config();
    details.put("routes", routing.map(tree -> tree.routes().size()).orElse(0));
    details.put("people", oncall.people().size());
    details.put("teams", oncall.teams().size());
    details.put("schedules", oncall.schedules().size());
    details.put("channels", dispatcher == null ? List.of() : dispatcher.channels().stream().map(Channel::name).toList());
    details.put("email_replies", replies.isPresent());
    if (!problems.isEmpty()) {
      details.put("file_problems", problems);
    }
    return details;
  }

  /** Stops taking alerts and replies; what was decided is in the store already. */
  Future<Void> stop() {
    vertx.cancelTimer(countTimer);
    vertx.cancelTimer(refreshTimer);
    vertx.cancelTimer(forgetTimer);
    Future<Void> repliesStopped = replies.map(ImapReplyPoller::stop).orElse(Future.succeededFuture());
    return repliesStopped
        .compose(v -> incidents == null ? Future.<Void>succeededFuture() : incidents.stop())
        .compose(v -> dispatcher == null ? Future.<Void>succeededFuture() : dispatcher.close());
  }
}
