package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.store.Dialect;
import org.leitwarte.user.Role;
import org.leitwarte.web.Browser.Page;

/** Signing in and out in a browser against the real server: cookies, CSRF, lock-out, audit rows. */
class SignInTest {

  @TempDir Path dir;
  private ApiServer server;
  private Browser browser;

  @BeforeEach
  void start() throws Exception {
    server = new ApiServer(dir, Dialect.H2);
    server.user("tbecker", Role.ONCALL, Optional.empty());
    browser = new Browser(server.port);
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  @Test
  void the_sign_in_page_is_a_german_form_by_default_and_english_on_request() throws Exception {
    Page german = browser.get("/login");
    assertThat(german.status()).isEqualTo(200);
    assertThat(german.body()).contains("<html lang=\"de\">", "Anmelden", "<label for=\"user\">Benutzername</label>",
        "type=\"password\"", "name=\"csrf\"");

    assertThat(browser.get("/login?lang=en").body()).contains("<html lang=\"en\">", "Sign in", "User name", "Password");
  }

  @Test
  void signing_in_sets_a_strict_http_only_cookie_and_the_api_then_knows_the_user() throws Exception {
    Page signedIn = browser.signIn("tbecker", ApiServer.PASSWORD);

    assertThat(signedIn.status()).as(signedIn.body()).isEqualTo(303);
    assertThat(signedIn.header("location")).isEqualTo("/");
    String cookie = signedIn.setCookies().stream().filter(c -> c.startsWith("leitwarte.session=")).findFirst().orElseThrow();
    assertThat(cookie).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("Secure");
    assertThat(browser.get("/account").body()).contains("Angemeldet als tbecker (Rolle oncall)");
    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(200);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sign_in' AND actor = 'tbecker' AND address = '127.0.0.1'"))
        .isEqualTo(1);
  }

  @Test
  void a_wrong_password_and_an_unknown_user_get_the_same_answer_and_an_audit_row_each() throws Exception {
    Page wrong = browser.signIn("tbecker", "falsches Passwort!");
    Page unknown = browser.signIn("niemand", "falsches Passwort!");

    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.body()).contains("Anmeldung fehlgeschlagen");
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.body()).isEqualTo(wrong.body().replace(wrong.csrf(), unknown.csrf()));
    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(401);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sign_in_failed' AND address = '127.0.0.1'")).isEqualTo(2);
  }

  @Test
  void ten_failed_sign_ins_in_a_row_lock_the_account_even_for_the_right_password() throws Exception {
    for (int i = 0; i < 10; i++) {
      assertThat(browser.signIn("tbecker", "geraten " + i + " ………").status()).isEqualTo(401);
    }

    Page locked = browser.signIn("tbecker", ApiServer.PASSWORD);

    assertThat(locked.status()).isEqualTo(401);
    assertThat(locked.body()).contains("Anmeldung fehlgeschlagen");
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sign_in_failed' AND actor = 'tbecker'")).isEqualTo(11);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.locked' AND actor = 'tbecker' AND address = '127.0.0.1'"))
        .isEqualTo(1);
    assertThat(ApiServer.await(server.users.find("tbecker")).orElseThrow().lockedUntil()).isPresent();
  }

  @Test
  void a_form_without_the_csrf_token_is_refused() throws Exception {
    browser.get("/login");
    Page noToken = browser.postForm("/login", Map.of("user", "tbecker", "password", ApiServer.PASSWORD));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.body()).contains("Das Formular ist abgelaufen");

    browser.signIn("tbecker", ApiServer.PASSWORD);
    Page signOut = browser.postForm("/logout", Map.of());
    assertThat(signOut.status()).isEqualTo(403);
    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(200);
  }

  @Test
  void an_api_change_on_the_session_cookie_needs_the_csrf_header_a_token_call_does_not() throws Exception {
    server.desk.open("wr-router antwortet nicht", "netz", "wernigerode", "wr-router", ApiServer.NOW.minus(Duration.ofHours(1)));
    browser.signIn("tbecker", ApiServer.PASSWORD);

    Page forged = browser.postJson("/api/v1/incidents/1/ack", "{}");
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.body()).contains("\"code\":\"forbidden\"", "CSRF");

    String csrf = browser.get("/account").csrf();
    Page acknowledged = browser.postJson("/api/v1/incidents/1/ack", "{}", "X-CSRF-Token", csrf);
    assertThat(acknowledged.status()).as(acknowledged.body()).isEqualTo(200);
    assertThat(acknowledged.body()).contains("\"acknowledged_by\":\"tbecker\"");
  }

  @Test
  void signing_out_ends_the_session() throws Exception {
    browser.signIn("tbecker", ApiServer.PASSWORD);
    String cookie = browser.cookies.get("leitwarte.session");
    String csrf = browser.get("/account").csrf();

    Page out = browser.postForm("/logout", Map.of("csrf", csrf));

    assertThat(out.status()).isEqualTo(200);
    assertThat(out.body()).contains("Sie sind abgemeldet");
    Browser replay = new Browser(server.port);
    replay.cookies.put("leitwarte.session", cookie);
    assertThat(replay.get("/api/v1/incidents").status()).isEqualTo(401);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sign_out' AND actor = 'tbecker'")).isEqualTo(1);
  }

  @Test
  void an_unknown_session_gets_401_from_the_api_and_the_sign_in_form_for_pages() throws Exception {
    browser.cookies.put("leitwarte.session", "abgelaufen0000000000000000000000000000000000");

    Page api = browser.get("/api/v1/incidents");
    assertThat(api.status()).isEqualTo(401);
    assertThat(api.body()).contains("\"code\":\"unauthenticated\"");

    Page page = browser.get("/account");
    assertThat(page.status()).isEqualTo(303);
    assertThat(page.header("location")).isEqualTo("/login?next=%2Faccount");
  }

  @Test
  void a_disabled_user_is_signed_out_at_their_next_request() throws Exception {
    browser.signIn("tbecker", ApiServer.PASSWORD);
    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(200);

    ApiServer.await(server.users.disable("tbecker", "test", Optional.empty()));

    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(401);
  }

  @Test
  void a_password_set_anew_ends_the_sessions_of_the_old_one_and_only_the_new_one_signs_in() throws Exception {
    browser.signIn("tbecker", ApiServer.PASSWORD);
    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(200);
    String newPassword = "ein ganz neues Passwort";

    assertThat(ApiServer.await(server.users.setPassword("tbecker", ApiServer.HASHER.hash(newPassword), "admin", Optional.empty())))
        .isTrue();

    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(401);
    Browser other = new Browser(server.port);
    assertThat(other.signIn("tbecker", ApiServer.PASSWORD).status()).isEqualTo(401);
    assertThat(other.signIn("tbecker", newPassword).status()).isEqualTo(303);
    assertThat(other.get("/api/v1/incidents").status()).isEqualTo(200);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_set' AND actor = 'admin'"
        + " AND subject = 'user:tbecker'")).isEqualTo(1);
  }

  @Test
  void a_user_changes_their_own_password_keeps_this_session_and_ends_the_others() throws Exception {
    browser.signIn("tbecker", ApiServer.PASSWORD);
    Browser laptop = new Browser(server.port);
    laptop.signIn("tbecker", ApiServer.PASSWORD);
    Page account = browser.get("/account");
    assertThat(account.body()).contains("Passwort ändern", "Bisheriges Passwort", "autocomplete=\"new-password\"");
    String newPassword = "mein neues langes Passwort";

    Page changed = browser.postForm("/account/password",
        Map.of("csrf", account.csrf(), "current", ApiServer.PASSWORD, "new", newPassword, "repeat", newPassword));

    assertThat(changed.status()).isEqualTo(200);
    assertThat(changed.body()).contains("Ihr Passwort ist geändert");
    assertThat(browser.get("/api/v1/incidents").status()).isEqualTo(200);
    assertThat(laptop.get("/api/v1/incidents").status()).isEqualTo(401);
    assertThat(new Browser(server.port).signIn("tbecker", newPassword).status()).isEqualTo(303);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_set' AND actor = 'tbecker'")).isEqualTo(1);
  }

  @Test
  void a_wrong_current_password_a_mismatch_or_a_short_one_changes_nothing_and_says_why() throws Exception {
    browser.signIn("tbecker", ApiServer.PASSWORD);
    String csrf = browser.get("/account").csrf();

    Page wrong = browser.postForm("/account/password",
        Map.of("csrf", csrf, "current", "falsch geraten!!", "new", "ein anderes Passwort", "repeat", "ein anderes Passwort"));
    Page mismatch = browser.postForm("/account/password",
        Map.of("csrf", csrf, "current", ApiServer.PASSWORD, "new", "ein anderes Passwort", "repeat", "ein anderes Passwurt"));
    Page tooShort = browser.postForm("/account/password",
        Map.of("csrf", csrf, "current", ApiServer.PASSWORD, "new", "kurz", "repeat", "kurz"));
    Page noToken = browser.postForm("/account/password",
        Map.of("current", ApiServer.PASSWORD, "new", "ein anderes Passwort", "repeat", "ein anderes Passwort"));

    assertThat(wrong.status()).isEqualTo(403);
    assertThat(wrong.body()).contains("Das bisherige Passwort stimmt nicht.");
    assertThat(mismatch.status()).isEqualTo(400);
    assertThat(mismatch.body()).contains("stimmen nicht überein");
    assertThat(tooShort.status()).isEqualTo(400);
    assertThat(tooShort.body()).contains("mindestens 12 Zeichen");
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.sign_in_failed' AND actor = 'tbecker'")).isEqualTo(1);
    assertThat(server.count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.password_set'")).isZero();
    assertThat(new Browser(server.port).signIn("tbecker", ApiServer.PASSWORD).status()).isEqualTo(303);
  }

  @Test
  void after_sign_in_the_browser_goes_back_only_to_a_page_of_this_server() {
    assertThat(LoginPages.next("/incidents?state=open")).isEqualTo("/incidents?state=open");
    assertThat(LoginPages.next("https://evil.example/")).isEqualTo("/");
    assertThat(LoginPages.next("//evil.example/")).isEqualTo("/");
    assertThat(LoginPages.next("/\\evil.example/")).isEqualTo("/");
    assertThat(LoginPages.next(null)).isEqualTo("/");
  }
}
