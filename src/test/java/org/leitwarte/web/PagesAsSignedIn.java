package org.leitwarte.web;

import java.time.Duration;
import org.leitwarte.user.Principal;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI of an {@link ApiServer} as one of its users sees it: a user (made if missing, with {@link
 * ApiServer#PASSWORD}) whose API token the {@link #client()} sends, and who signs a browser in through the
 * sign-in form ({@link #signIn}), session cookie and CSRF tokens included.
 */
final class PagesAsSignedIn implements AutoCloseable {

  final int port;
  private final String user;
  private final ApiClient client;

  PagesAsSignedIn(ApiServer server, Principal principal) throws Exception {
    this.port = server.port;
    this.user = principal.user();
    this.client = server.client.as(server.token(principal.user(), principal.role(), principal.tenant()));
  }

  ApiClient client() {
    return client;
  }

  /** Signs {@code driver} in as this user, as a person would: the form at /login. */
  void signIn(WebDriver driver) {
    signIn(driver, port, user);
  }

  static void signIn(WebDriver driver, int port, String user) {
    driver.get("http://127.0.0.1:" + port + "/login");
    driver.findElement(By.id("user")).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(ApiServer.PASSWORD);
    driver.findElement(By.cssSelector("form[action='/login'] button[type=submit]")).click();
    // The click only starts the form's submission: wait for its answer, which sets the session cookie.
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains("/login"));
  }

  @Override
  public void close() {
    // Nothing of its own to stop: it uses the server's port.
  }
}
