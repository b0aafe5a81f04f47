package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.ext.web.Router;
import org.leitwarte.web.PageAccess;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.leitwarte.alerting.maintenance.MaintenanceApi;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.store.AuditQueries;
import org.leitwarte.ticket.TicketService;
import org.leitwarte.web.IncidentApi;

/**
 * The web UI for people: the live status board ({@code /board}), a municipality ({@code /tenants/{id}},
 * where its own users announce maintenance),
 * a device ({@code /devices/{id}}), incidents ({@code /incidents}, {@code /incidents/{id}} with its
 * forms), tickets ({@code /tickets}, {@code /tickets/{id}} with its forms; {@code POST /tickets} opens one
 * from an alert or incident), the audit log for administrators ({@code /audit}), and their stylesheet and script under {@value #ASSETS}. Server-rendered HTML that works
 * without JavaScript; the board's script only keeps it current. Everything a page shows is scoped to
 * {@link UiRequest#principal}: another tenant's object answers the same 404 page as a missing one.
 */
public final class UiPages {

  static final String ASSETS = "/ui/";
  /** Forms are small: a comment or a note. */
  static final int MAX_FORM_BYTES = 16 * 1024;

  private final Supplier<Future<StatusBoard>> boards;
  private final Optional<IncidentApi> incidents;
  private final Optional<TicketService> tickets;
  private final Optional<MaintenanceApi> maintenance;
  private final Optional<DeviceHistory> history;
  private final Optional<AuditQueries> audit;
  private final Optional<URI> grafana;
  private final Optional<TrapEventRepository> events;

  /**
   * @param boards the status board as it is now (the same one the API and its event stream read)
   * @param incidents incidents and on-call; when empty the incident pages say they are not set up
   * @param tickets tickets; when empty no page offers them and the ticket pages say they are not set up
   * @param maintenance maintenance windows; when present a municipality's user announces their own on
   *     their municipality's page
   * @param history a device's last 24 h for the charts on its page; when empty the page says they are not
   *     available
   * @param audit the audit log; when present administrators read it at {@code /audit}
   * @param grafana where the Grafana dashboards are; when present a device's page links to its dashboard
   * @param events the SNMP traps each device sent, for its page; when empty the page has no such section
   */
  public UiPages(Supplier<Future<StatusBoard>> boards, Optional<IncidentApi> incidents, Optional<TicketService> tickets,
      Optional<MaintenanceApi> maintenance, Optional<DeviceHistory> history, Optional<AuditQueries> audit, Optional<URI> grafana,
      Optional<TrapEventRepository> events) {
    this.events = Objects.requireNonNull(events, "events");
    this.boards = Objects.requireNonNull(boards, "boards");
    this.incidents = Objects.requireNonNull(incidents, "incidents");
    this.tickets = Objects.requireNonNull(tickets, "tickets");
    this.maintenance = Objects.requireNonNull(maintenance, "maintenance");
    this.history = Objects.requireNonNull(history, "history");
    this.audit = Objects.requireNonNull(audit, "audit");
    this.grafana = Objects.requireNonNull(grafana, "grafana");
  }

  /**
   * The route paths of the pages as Vert.x reports them ({@code /ui/} for the assets under it), so that
   * checks of the API's routes can leave them out.
   */
  public static final Set<String> ROUTES = Set.of("/", "/board", "/tenants/:id", "/tenants/:id/maintenance", "/devices/:id", "/incidents", "/incidents/:id",
      "/incidents/:id/:action", "/tickets", "/tickets/:id", "/tickets/:id/:action", "/audit", ASSETS);

  public void mount(Router router) {
    Pages pages = new Pages(new Templates(), tickets.isPresent(), audit.isPresent());
    BoardPages board = new BoardPages(pages, boards, incidents, maintenance.isPresent(), history, grafana, events);
    MaintenanceAnnouncement announcement = new MaintenanceAnnouncement(pages, board, boards, maintenance);
    IncidentPages incident = new IncidentPages(pages, boards, incidents);
    TicketPages ticket = new TicketPages(pages, boards, tickets);
    TicketActions ticketActions = new TicketActions(pages, ticket, tickets);
    router.get("/").handler(context -> context.redirect("/board" + pages.languageQuery(context)));
    // Every page needs a signed-in user; forms carry the session's CSRF token.
    router.get("/board").handler(PageAccess::signedIn).handler(board::board);
    router.get("/tenants/:id").handler(PageAccess::signedIn).handler(board::tenant);
    router.post("/tenants/:id/maintenance").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES));
    router.post("/tenants/:id/maintenance").handler(PageAccess::signedIn).handler(announcement::announce);
    router.get("/devices/:id").handler(PageAccess::signedIn).handler(board::device);
    router.get("/incidents").handler(PageAccess::signedIn).handler(incident::list);
    router.get("/incidents/:id").handler(PageAccess::signedIn).handler(incident::incident);
    router.post("/incidents/:id/:action").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES));
    router.post("/incidents/:id/:action").handler(PageAccess::signedIn).handler(incident::act);
    router.get("/tickets").handler(PageAccess::signedIn).handler(ticket::list);
    router.get("/tickets/:id").handler(PageAccess::signedIn).handler(ticket::ticket);
    router.post("/tickets").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES));
    router.post("/tickets").handler(PageAccess::signedIn).handler(ticketActions::open);
    router.post("/tickets/:id/:action").handler(BodyHandler.create(false).setBodyLimit(MAX_FORM_BYTES));
    router.post("/tickets/:id/:action").handler(PageAccess::signedIn).handler(ticketActions::act);
    router.get("/audit").handler(PageAccess::signedIn).handler(new AuditPages(pages, audit)::list);
    router.get(ASSETS + "*").handler(StaticHandler.create("org/leitwarte/web/ui/static")
        .setCachingEnabled(false)
        .setDirectoryListing(false));
  }
}
