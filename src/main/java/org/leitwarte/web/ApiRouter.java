package org.leitwarte.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.leitwarte.health.Health;
import org.leitwarte.incident.Person;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.web.ui.UiPages;

/**
 * Builds Leitwarte's router from the OpenAPI document {@value #DOCUMENT}: every route is an operation
 * of the document, and every request is validated against it before its handler runs. Bodies are
 * limited to {@value #MAX_BODY_BYTES} bytes; every failure, unknown route and wrong method is answered
 * by {@link ApiErrors}.
 */
final class ApiRouter {

  /** On the class path; Vert.x's file system reads class-path resources. */
  static final String DOCUMENT = "org/leitwarte/web/openapi.yaml";
  static final int MAX_BODY_BYTES = 64 * 1024;

  private ApiRouter() {}

  /** The contract and the router for it; fails if an operation of the document has no handler. */
  record Built(OpenAPIContract contract, Router router) {}

  /** Tags of the operations that need {@link IncidentApi}; without it they answer 503. */
  static final Set<String> INCIDENT_TAGS = Set.of("incidents", "oncall");

  /** Tags of the operations that need {@link StatusApi}; without it they answer 503. */
  static final Set<String> STATUS_TAGS = Set.of("status", "devices");

  /** Tags of the operations that need a {@link TicketService}; without it they answer 503. */
  static final Set<String> TICKET_TAGS = Set.of("tickets");

  /** Tags of the operations that need the audit log's {@link AuditQueries}; without them they answer 503. */
  static final Set<String> AUDIT_TAGS = Set.of("audit");

  /** Tags of the operations that need discovery; without it they answer 503. */
  static final Set<String> DISCOVERY_TAGS = Set.of("discovery");
  /** Tags of the operations that need the trap events (and the status board's inventory); without them they answer 503. */
  static final Set<String> TRAP_TAGS = Set.of("traps");

  /**
   * @param features what answers the operations; an absent feature's operations answer 503 (and without
   *     incidents the acknowledge pages are not served)
   * @param access users, tokens and sign-in: every operation but those marked public needs a signed-in
   *     user or a token
   */
  static Future<Built> create(Vertx vertx, Health health, PrometheusMeterRegistry registry, ApiFeatures features,
      UserAccess access) {
    AlertingApi api = features.alerting();
    Optional<IncidentApi> incidents = features.incidents();
    Optional<StatusApi> status = features.status();
    Optional<TicketService> tickets = features.tickets();
    Optional<AuditQueries> audit = features.audit();
    Future<Buffer> document = vertx.fileSystem().readFile(DOCUMENT);
    Future<OpenAPIContract> contract = OpenAPIContract.from(vertx, DOCUMENT);
    Future<Buffer> docsPage = vertx.fileSystem().readFile(ApiDocs.resource("index.html"));
    Future<Buffer> docsInitializer = vertx.fileSystem().readFile(ApiDocs.resource("swagger-initializer.js"));
    return Future.all(document, contract, docsPage, docsInitializer).map(loaded -> {
      List<RouteGroup> groups = new ArrayList<>(List.of(
          new OperationsRoutes(document.result(), health, registry),
          new AlertRoutes(api.alerts()),
          new SilenceRoutes(api.silences()),
          new MaintenanceRoutes(api.maintenanceWindows())));
      incidents.ifPresentOrElse(
          incident -> groups.addAll(List.of(
              new IncidentRoutes(incident.desk(), incident.oncall()),
              new OnCallRoutes(incident.oncall(), incident.repository(), incident.clock()))),
          () -> groups.add(builder -> unavailable(builder, INCIDENT_TAGS, "incidents and on-call are not set up on this server")));
      status.ifPresentOrElse(
          board -> groups.add(new StatusRoutes(board,
              new StatusEvents(vertx, board::board, board.checkEvery(), board.heartbeatEvery(), registry))),
          () -> groups.add(builder -> unavailable(builder, STATUS_TAGS, "the status board is not set up on this server")));
      tickets.ifPresentOrElse(
          ticket -> groups.add(new TicketRoutes(ticket)),
          () -> groups.add(builder -> unavailable(builder, TICKET_TAGS, "tickets are not set up on this server")));
      audit.ifPresentOrElse(
          queries -> groups.add(new AuditRoutes(queries)),
          () -> groups.add(builder -> unavailable(builder, AUDIT_TAGS, "the audit log is not readable on this server")));
      features.discovery().ifPresentOrElse(
          discovery -> groups.add(new DiscoveryRoutes(discovery)),
          () -> groups.add(builder -> unavailable(builder, DISCOVERY_TAGS, "discovery is not set up on this server")));
      features.trapEvents().filter(events -> status.isPresent()).ifPresentOrElse(
          events -> groups.add(new TrapEventRoutes(events, status.get())),
          () -> groups.add(builder -> unavailable(builder, TRAP_TAGS, "the SNMP trap receiver is not set up on this server")));
      Router router = router(vertx, contract.result(), groups, secured(vertx, contract.result(), access));
      new LoginPages(access.signIn()).mount(router);
      incidents.ifPresent(incident -> incident.links().ifPresent(links ->
          // HTML pages for people, outside /api/v1 and the document.
          new AcknowledgePages(links, id -> incident.oncall().person(id).map(Person::name).orElse(id)).mount(router)));
      new ApiDocs(docsPage.result(), docsInitializer.result()).mount(router);
      // The web UI for people, beside the API; it reads the same board and desk.
      Supplier<Future<StatusBoard>> boards = status.<Supplier<Future<StatusBoard>>>map(board -> board::board)
          .orElse(() -> Future.succeededFuture(StatusBoard.EMPTY));
      new UiPages(boards, incidents, tickets, Optional.of(api.maintenanceWindows()), features.history(), audit,
          features.grafana(), features.trapEvents()).mount(router);
      return new Built(contract.result(), router);
    });
  }

  /** Without a feature, its operations say so rather than fail at start. */
  private static void unavailable(RouterBuilder builder, Set<String> tags, String message) {
    for (OpenAPIRoute route : builder.getRoutes()) {
      if (route.getOperation().getTags().stream().anyMatch(tags::contains)) {
        route.addHandler(context -> Responses.send(context, 503, new ApiError(503, ApiError.UNAVAILABLE,
            message, Optional.empty()).toJson()));
      }
    }
  }

  /**
   * What runs before every route, in this order: the session (cookie), who the request is from (token
   * or session), and whether they may reach the operation; see {@link AccessGuard}.
   */
  private static List<Handler<RoutingContext>> secured(Vertx vertx, OpenAPIContract contract, UserAccess access) {
    Sessions sessions = new Sessions(vertx, access.secureCookies());
    Authentication authentication = new Authentication(access.users(), access.tokens());
    AccessGuard guard = new AccessGuard(contract);
    return List.of(sessions::handle, authentication::handle, guard::handle);
  }

  private static Router router(
      Vertx vertx, OpenAPIContract contract, List<RouteGroup> groups, List<Handler<RoutingContext>> secured) {
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES));
    secured.forEach(builder::rootHandler);
    groups.forEach(group -> group.mount(builder));
    for (OpenAPIRoute route : builder.getRoutes()) {
      if (route.getHandlers().isEmpty()) {
        // RouterBuilder would answer 503 there; a document ahead of the code is a mistake to catch at start.
        throw new IllegalStateException("operation " + route.getOperation().getOperationId() + " of " + DOCUMENT + " has no handler");
      }
    }
    Router router = builder.createRouter();
    ApiErrors errors = new ApiErrors(contract, MAX_BODY_BYTES);
    router.route().failureHandler(errors::failure);
    router.errorHandler(404, errors::notFound);
    router.errorHandler(405, errors::methodNotAllowed);
    return router;
  }
}
