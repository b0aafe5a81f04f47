package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertChange;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Incident;
import org.leitwarte.store.Dialect;
import org.leitwarte.ticket.NewTicket;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;
import org.leitwarte.web.ApiClient.Answer;
import org.leitwarte.web.ui.UiPages;

/**
 * The pages' counterpart of {@link TenantIsolationTest}: every route of the web UI ({@link UiPages#ROUTES})
 * is called by tenant A's user with tenant B's ids — GET and, for action routes, a form POST. Nothing of
 * B may show, nothing may change; a page route this test has no fixture for fails it by name.
 */
class UiTenantIsolationTest {

  private static final String A = "wernigerode";
  private static final String B = "ilsenburg";
  private static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dir;

  @Test
  void a_municipalitys_user_sees_and_changes_nothing_of_another_municipality_on_any_page() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      Instant now = Instant.now();
      Alert alertOfB = new Alert("b-alert", "printer_offline", Severity.CRITICAL, AlertState.FIRING,
          Map.of("tenant", B, "site", "il-rathaus", "device", "il-printer", "alertname", "printer_offline", "severity", "critical"),
          Map.of("de", Map.of("summary", "Drucker in " + B + " antwortet nicht")), now, now, Optional.empty(), Optional.empty(), false);
      ApiServer.await(server.alerts.record(List.of(new AlertChange(alertOfB, Optional.empty(), Optional.empty(), now))));
      Incident incidentOfB = server.desk.open("Drucker in " + B + " weg", "netz", B, "il-printer", ApiServer.NOW);
      long ticketOfB = ApiServer.await(server.tickets.open(new Principal("staff", Role.STAFF, Optional.empty()),
          NewTicket.fromAlert(alertOfB.id()), Optional.empty())).id();

      // Each route with B's object in it; the action routes with an action they take.
      Map<String, List<String>> paths = new TreeMap<>(Map.of(
          "/tenants/:id", List.of("/tenants/" + B),
          "/tenants/:id/maintenance", List.of("/tenants/" + B + "/maintenance"),
          "/devices/:id", List.of("/devices/il-printer"),
          "/incidents/:id", List.of("/incidents/" + incidentOfB.id()),
          "/incidents/:id/:action", List.of("acknowledge", "note", "reassign", "resolve").stream()
              .map(action -> "/incidents/" + incidentOfB.id() + "/" + action).toList(),
          "/tickets/:id", List.of("/tickets/" + ticketOfB),
          "/tickets/:id/:action", List.of("comment", "status", "assign").stream()
              .map(action -> "/tickets/" + ticketOfB + "/" + action).toList()));
      List<String> lists = List.of("/board", "/incidents?state=all", "/tickets?status=all", "/tickets", "/audit");

      ApiClient a = new PagesAsSignedIn(server, new Principal("wr-it", Role.TENANT, Optional.of(A))).client();
      List<String> problems = new ArrayList<>();
      for (String route : UiPages.ROUTES) {
        if (route.equals("/") || route.endsWith("/") || lists.stream().anyMatch(list -> list.startsWith(route + "?") || list.equals(route))) {
          continue;
        }
        if (!paths.containsKey(route)) {
          problems.add("new page route " + route + ": add a fixture with tenant " + B + "'s object to this test");
          continue;
        }
        for (String path : paths.get(route)) {
          boolean action = route.endsWith(":action") || route.endsWith("/maintenance");
          Answer answer = action
              ? a.post(path, "text=x&comment=x&to=akoch&status=in_progress&assignee=x&start=2099-01-01T10:00&end=2099-01-01T11:00",
                  FORM)
              : a.get(path);
          if (!List.of(403, 404).contains(answer.status())) {
            problems.add((action ? "POST " : "GET ") + path + " -> " + answer.status() + ": expected 404 (or 403)");
          }
          // The page may echo the address asked for (its language link does); nothing else of B.
          if (answer.body().replace(path, "").toLowerCase(Locale.ROOT).contains(B)) {
            problems.add(path + " shows " + B);
          }
        }
      }
      for (String list : lists) {
        Answer answer = a.get(list);
        if (answer.status() < 300 && answer.body().toLowerCase(Locale.ROOT).contains(B)) {
          problems.add(list + " shows " + B);
        }
      }
      assertThat(problems).as("pages that revealed or changed %s's objects, or lack a fixture", B).isEmpty();

      // Nothing of B changed, and A's user does see A: the walk proved something.
      assertThat(server.desk.incident(incidentOfB.id()).state().label()).isEqualTo("triggered");
      assertThat(server.client.get("/api/v1/tickets/" + ticketOfB).json().getJsonObject("ticket", new JsonObject()).encode()
          + server.client.get("/api/v1/tickets/" + ticketOfB).body()).contains("\"status\":\"new\"");
      assertThat(a.get("/board").body()).contains("Stadt Wernigerode");
    }
  }
}
