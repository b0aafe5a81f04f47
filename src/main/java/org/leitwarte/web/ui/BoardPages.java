package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.collect.trap.TrapEvent;
import org.leitwarte.collect.trap.TrapEventRepository;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentQuery;
import org.leitwarte.incident.Person;
import org.leitwarte.inventory.Device;
import org.leitwarte.metrics.CheckReading;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.status.DeviceFilter;
import org.leitwarte.status.DeviceStatus;
import org.leitwarte.status.SiteStatus;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.status.TenantStatus;
import org.leitwarte.web.IncidentApi;
import org.leitwarte.web.Messages;

/** The status board and the drill-down below it: municipality → site → device. */
final class BoardPages {

  /** Traps shown on a device's page. */
  private static final int RECENT_EVENTS = 20;

  private final Pages pages;
  private final Supplier<Future<StatusBoard>> boards;
  private final Optional<IncidentApi> incidents;
  private final boolean announcing;
  private final Optional<DeviceHistory> history;
  private final Optional<URI> grafana;
  private final Optional<TrapEventRepository> events;

  /**
   * @param announcing whether maintenance windows can be announced on a municipality's page
   * @param history the charts of a device's last 24 h
   * @param grafana where the Grafana dashboards are, for the link to a device's dashboard
   * @param events the SNMP traps the device sent; when empty the page has no such section
   */
  BoardPages(Pages pages, Supplier<Future<StatusBoard>> boards, Optional<IncidentApi> incidents, boolean announcing,
      Optional<DeviceHistory> history, Optional<URI> grafana, Optional<TrapEventRepository> events) {
    this.pages = pages;
    this.boards = boards;
    this.incidents = incidents;
    this.announcing = announcing;
    this.history = history;
    this.grafana = grafana;
    this.events = events;
  }

  void board(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    ApiScope scope = UiRequest.principal(context).scope();
    pages.answer(context, boards.get().map(board -> {
      List<Map<String, Object>> tenants = board.tenants(scope).stream()
          .map(tenant -> Views.summary(tenant.tenant().id(), tenant.tenant().name(), tenant.summary(), messages))
          .toList();
      Map<String, Object> model = new HashMap<>();
      model.put("tenants", tenants);
      model.put("labels", List.of("ok", "warning", "critical", "maintenance", "unknown").stream()
          .map(label -> Map.of("label", label, "text", messages.text("ui.state." + label))).toList());
      pages.send(context, 200, "board", "board", messages.text("ui.board.title"), model);
      return null;
    }));
  }

  void tenant(RoutingContext context) {
    showTenant(context, 200, Optional.ofNullable(context.queryParams().get("done"))
        .filter("maintenance"::equals)
        .map(done -> UiRequest.messages(context).text("ui.maintenance.done"))
        .orElse(""), "");
  }

  /** The municipality's page, with what was just done ({@code flash}) or what went wrong ({@code problem}). */
  void showTenant(RoutingContext context, int status, String flash, String problem) {
    Messages messages = UiRequest.messages(context);
    ApiScope scope = UiRequest.principal(context).scope();
    String id = context.pathParam("id");
    pages.answer(context, boards.get().map(board -> {
      TenantStatus tenant = board.tenant(scope, id);
      Map<String, List<Map<String, Object>>> bySite = new LinkedHashMap<>();
      for (DeviceStatus device : board.devices(scope, DeviceFilter.ofTenant(id))) {
        bySite.computeIfAbsent(device.device().site(), site -> new ArrayList<>()).add(Views.device(device, messages));
      }
      List<Map<String, Object>> sites = new ArrayList<>();
      for (SiteStatus site : board.sitesOf(id)) {
        Map<String, Object> view = Views.summary(site.site().id(), site.site().name(), site.summary(), messages);
        view.put("device_list", bySite.getOrDefault(site.site().id(), List.of()));
        sites.add(view);
      }
      List<Map<String, Object>> unsited = bySite.getOrDefault(Device.NO_SITE, List.of());
      Map<String, Object> model = new HashMap<>();
      model.put("tenant", Views.summary(id, tenant.tenant().name(), tenant.summary(), messages));
      model.put("sites", sites);
      model.put("unsited", unsited);
      model.put("has_unsited", !unsited.isEmpty());
      // A municipality's user announces maintenance of their own devices here.
      model.put("may_announce", announcing && scope.tenant().filter(id::equals).isPresent());
      model.put("own_devices", board.devices(scope, DeviceFilter.ofTenant(id)).stream()
          .map(device -> Map.of("value", device.id(), "text", device.id())).toList());
      model.put("flash", flash);
      model.put("problem", problem);
      pages.send(context, status, "tenant", "board", tenant.tenant().name(), model);
      return null;
    }));
  }

  void device(RoutingContext context) {
    Messages messages = UiRequest.messages(context);
    ApiScope scope = UiRequest.principal(context).scope();
    String id = context.pathParam("id");
    pages.answer(context, boards.get().compose(board -> {
      DeviceStatus device = board.device(scope, id);
      // Only after the scope check: another tenant's device never reaches InfluxDB.
      Future<List<DeviceHistory.Series>> charts = history.map(reader -> reader.lastDay(device.id()))
          .orElse(Future.succeededFuture(List.of()));
      Future<List<Map<String, Object>>> traps = events.map(repository -> repository.ofDevice(device.id(), RECENT_EVENTS)
              .map(stored -> stored.stream().map(event -> event(event.event(), messages)).toList())
              .recover(failure -> Future.succeededFuture(List.of())))
          .orElse(Future.succeededFuture(List.of()));
      Future<Optional<Map<String, CheckReading>>> checks = device.device().checks().isEmpty() || history.isEmpty()
          ? Future.succeededFuture(Optional.empty())
          : history.get().latestChecks(device.id());
      return Future.all(incidentsOf(scope, device), charts, traps, checks).map(both -> {
        Map<String, Object> model = deviceModel(board, scope, device, both.resultAt(0), messages);
        List<Map<String, Object>> views = Charts.views(charts.result(), Instant.now(), messages);
        model.put("charts", views);
        model.put("has_charts", !views.isEmpty());
        model.put("events_set_up", events.isPresent());
        model.put("events", traps.result());
        model.put("has_events", !traps.result().isEmpty());
        model.put("checks", CheckRows.of(device.device(), checks.result(), messages));
        model.put("has_checks", !device.device().checks().isEmpty());
        model.put("checks_unavailable", checks.result().isEmpty());
        pages.send(context, 200, "device", "board", device.id(), model);
        return null;
      });
    }));
  }

  private Map<String, Object> deviceModel(StatusBoard board, ApiScope scope, DeviceStatus device, List<Incident> found, Messages messages) {
    Device facts = device.device();
    Map<String, String> tenantNames = board.tenants(scope).stream()
        .collect(Collectors.toMap(tenant -> tenant.tenant().id(), tenant -> tenant.tenant().name()));
    Map<String, Object> model = new HashMap<>(Views.device(device, messages));
    model.put("tenant", facts.tenant());
    model.put("tenant_name", tenantNames.getOrDefault(facts.tenant(), facts.tenant()));
    model.put("site_name", board.sites().stream().filter(site -> site.site().id().equals(facts.site()))
        .map(site -> site.site().name()).findFirst().orElse(messages.text("ui.device.nosite")));
    model.put("parent", board.parent(scope, device).map(parent -> Views.device(parent, messages)).orElse(null));
    model.put("children", board.children(scope, device).stream().map(child -> Views.device(child, messages)).toList());
    model.put("labels", facts.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(label -> Map.of("name", label.getKey(), "value", label.getValue())).toList());
    model.put("polled", device.reachability().isPresent());
    model.put("reachable", device.reachability().map(state -> state.reachable()).orElse(false));
    model.put("reachable_since", device.reachability()
        .map(state -> Pages.when(java.time.Instant.ofEpochMilli(state.sinceMillis()), messages)).orElse(null));
    model.put("reason", device.reachability().map(state -> state.reason() == null ? "" : state.reason()).orElse(""));
    model.put("in_maintenance", device.inMaintenance());
    model.put("grafana_url", grafana.map(base -> GrafanaLink.device(base, facts.tenant(), device.id())).orElse(null));
    model.put("alerts", Views.alerts(device.alerts(), messages));
    model.put("incidents", found.stream().map(incident -> Views.incident(incident, tenantNames, this::personName, messages)).toList());
    model.put("incidents_set_up", incidents.isPresent());
    model.put("has_children", !board.children(scope, device).isEmpty());
    model.put("has_alerts", !device.alerts().isEmpty());
    model.put("has_incidents", !found.isEmpty());
    return model;
  }

  private static Map<String, Object> event(TrapEvent event, Messages messages) {
    String name = event.ifName().orElse(event.ifIndex().map(index -> "ifIndex " + index).orElse(""));
    return Map.of("at", Pages.when(event.at(), messages), "trap", event.trap(), "interface", name, "version", event.version());
  }

  /** The device's incidents: those grouped by the device (their group labels name it). */
  private Future<List<Incident>> incidentsOf(ApiScope scope, DeviceStatus device) {
    if (incidents.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    IncidentQuery query = new IncidentQuery(Set.of(), Optional.of(device.device().tenant()), Optional.empty(), IncidentQuery.DEFAULT_LIMIT);
    return incidents.get().desk().list(scope, query).map(list -> list.stream()
        .filter(incident -> device.id().equals(incident.groupLabels().get("device")))
        .toList());
  }

  private String personName(String id) {
    return incidents.flatMap(api -> api.oncall().person(id)).map(Person::name).orElse(id);
  }
}
