package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Incident;
import org.leitwarte.store.Dialect;
import org.leitwarte.user.Principal;
import org.leitwarte.user.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The web UI in real headless Chromium against the real server on loopback. */
@Tag("browser")
class UiBrowserTest {

  private static final Duration SOON = Duration.ofSeconds(5);

  @TempDir Path dir;

  @Test
  void the_board_turns_a_municipality_critical_without_a_reload_when_its_router_goes_down() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2); Chromium chromium = new Chromium()) {
      long now = System.currentTimeMillis();
      for (String device : List.of("wr-router", "wr-app1", "wr-bauhof-switch", "il-printer", "kdo-core", "kdo-rz1-fw")) {
        server.deviceStates.record(device, true, Map.of("icmp", "ok"), null, now);
      }
      WebDriver driver = chromium.driver;
      PagesAsSignedIn.signIn(driver, server.port, ApiServer.ADMIN);
      driver.get("http://127.0.0.1:" + server.port + "/board");
      WebElement state = driver.findElement(By.cssSelector("tr[data-tenant='wernigerode'] [data-field='state']"));
      assertThat(state.getText()).isEqualTo("in Ordnung");
      assertThat(state.getAttribute("class")).contains("state-ok");
      new WebDriverWait(driver, SOON).until(d -> "true".equals(d.findElement(By.id("board")).getAttribute("data-live")));
      // Survives only if the page is never reloaded.
      ((JavascriptExecutor) driver).executeScript("window.leitwarteTestMarker = 42;");

      server.deviceStates.record("wr-router", false, Map.of("icmp", "timeout"), "icmp: timeout", System.currentTimeMillis());

      new WebDriverWait(driver, SOON).until(d -> d.findElement(By.cssSelector("tr[data-tenant='wernigerode'] [data-field='state']"))
          .getText().equals("kritisch"));
      WebElement row = driver.findElement(By.cssSelector("tr[data-tenant='wernigerode']"));
      assertThat(row.findElement(By.cssSelector("[data-field='state']")).getAttribute("class")).contains("state-critical");
      assertThat(row.findElement(By.cssSelector("[data-field='devices_down']")).getText()).isEqualTo("1");
      assertThat(((JavascriptExecutor) driver).executeScript("return window.leitwarteTestMarker;")).isEqualTo(42L);
      assertThat(driver.findElement(By.id("announcer")).getAttribute("textContent")).contains("Stadt Wernigerode: kritisch");
      assertThat(driver.findElement(By.cssSelector("tr[data-tenant='ilsenburg'] [data-field='state']")).getText()).isEqualTo("in Ordnung");
    }
  }

  @Test
  void an_on_call_engineer_acknowledges_an_incident_and_sees_it_in_the_timeline() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2);
        PagesAsSignedIn pages = new PagesAsSignedIn(server, new Principal("tbecker", Role.ONCALL, Optional.empty()));
        Chromium chromium = new Chromium()) {
      Incident incident = server.desk.open("Router in Wernigerode antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW);
      WebDriver driver = chromium.driver;
      pages.signIn(driver);
      driver.get("http://127.0.0.1:" + pages.port + "/incidents");
      driver.findElement(By.linkText(incident.reference())).click();
      assertThat(driver.findElement(By.id("incident-state")).getText()).isEqualTo("ausgelöst");

      driver.findElement(By.id("acknowledge")).click();

      // The old page's element goes stale while the form's answer loads.
      new WebDriverWait(driver, SOON).ignoring(StaleElementReferenceException.class)
          .until(d -> d.findElement(By.id("incident-state")).getText().equals("übernommen"));
      assertThat(driver.getCurrentUrl()).endsWith("/incidents/" + incident.id() + "?done=acknowledge");
      assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Sie haben den Vorfall übernommen.");
      assertThat(driver.findElement(By.id("timeline-list")).getText()).contains("Übernommen von Thomas Becker über web");
      assertThat(driver.findElements(By.id("acknowledge"))).isEmpty();
    }
  }

  @Test
  void a_municipality_opens_a_ticket_from_a_firing_alert_and_cannot_reach_another_municipalitys_device() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2);
        PagesAsSignedIn pages = new PagesAsSignedIn(server, new Principal("wr-it", Role.TENANT, Optional.of("wernigerode")));
        Chromium chromium = new Chromium()) {
      ApiServer.await(server.alerts.record(List.of(StatusApiTest.change(
          StatusApiTest.alert("wr-app1", "wernigerode", "wr-rathaus", "disk_full", Severity.WARNING, AlertState.FIRING)))));
      WebDriver driver = chromium.driver;
      pages.signIn(driver);
      driver.get("http://127.0.0.1:" + pages.port + "/devices/wr-app1");

      driver.findElement(By.cssSelector("button.open-ticket")).click();

      new WebDriverWait(driver, SOON).until(d -> d.getCurrentUrl().contains("/tickets/"));
      assertThat(driver.getCurrentUrl()).matches(".*/tickets/\\d+\\?done=open");
      assertThat(driver.findElement(By.cssSelector(".flash")).getText()).isEqualTo("Das Ticket ist eröffnet.");
      assertThat(driver.findElement(By.id("ticket-status")).getText()).isEqualTo("neu");
      assertThat(driver.findElement(By.id("ticket-context")).getText()).contains("wr-app1 meldet disk_full", "disk_full");

      driver.get("http://127.0.0.1:" + pages.port + "/devices/il-printer");

      assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Nicht gefunden");
      assertThat(driver.getPageSource()).doesNotContain("il-rathaus", "Ilsenburg");
    }
  }

  @Test
  void the_skip_link_is_the_first_thing_the_keyboard_reaches_and_leads_to_the_content() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2); Chromium chromium = new Chromium()) {
      WebDriver driver = chromium.driver;
      PagesAsSignedIn.signIn(driver, server.port, ApiServer.ADMIN);
      driver.get("http://127.0.0.1:" + server.port + "/board");
      driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      WebElement focused = driver.switchTo().activeElement();
      assertThat(focused.getText()).isEqualTo("Zum Inhalt springen");
      assertThat(focused.getAttribute("href")).endsWith("#main");
      assertThat(focused.isDisplayed()).isTrue();
      focused.sendKeys(Keys.ENTER);
      assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }
  }
}
