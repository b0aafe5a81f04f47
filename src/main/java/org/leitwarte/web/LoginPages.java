package org.leitwarte.web;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.leitwarte.user.PasswordHasher;
import org.leitwarte.user.Principal;
import org.leitwarte.user.SignIn;

/**
 * Signing in and out in the browser: {@code GET /login} shows the form, {@code POST /login} signs in
 * (the same "sign-in failed" whatever was wrong), {@code POST /logout} signs out. {@code GET /} shows who
 * is signed in until the status board takes that place. Both forms carry the session's CSRF token.
 */
final class LoginPages {

  static final String LOGIN = "/login";
  static final String LOGOUT = "/logout";
  static final String HOME = "/";
  /** Who is signed in, with the sign-out button and the form to change one's password. */
  static final String ACCOUNT = "/account";
  static final String PASSWORD = ACCOUNT + "/password";

  private final SignIn signIn;

  LoginPages(SignIn signIn) {
    this.signIn = signIn;
  }

  void mount(Router router) {
    router.get(LOGIN).handler(this::form);
    router.post(LOGIN).handler(this::signIn);
    router.post(LOGOUT).handler(this::signOut);
    router.get(ACCOUNT).handler(LoginPages::signedInOnly).handler(this::home);
    router.post(PASSWORD).handler(LoginPages::signedInOnly).handler(this::changePassword);
  }

  /** For the handlers of pages: without a signed-in user, off to the sign-in form and back here afterwards. */
  static void signedInOnly(RoutingContext context) {
    if (Authentication.principal(context).isPresent()) {
      context.next();
      return;
    }
    String back = context.request().uri();
    context.response().setStatusCode(303)
        .putHeader(HttpHeaders.LOCATION, LOGIN + "?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8))
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end();
  }

  private void form(RoutingContext context) {
    Messages messages = Messages.of(Language.of(context));
    Optional<Principal> principal = Authentication.principal(context);
    if (principal.isPresent()) {
      send(context, 200, messages.text("login.title"), signedIn(context, messages, principal.get()));
      return;
    }
    send(context, 200, messages.text("login.title"), form(context, messages, Optional.empty()));
  }

  private void signIn(RoutingContext context) {
    Messages messages = Messages.of(Language.of(context));
    if (!Csrf.valid(context)) {
      send(context, 403, messages.text("login.title"), form(context, messages, Optional.of(messages.text("login.expired"))));
      return;
    }
    String user = Optional.ofNullable(context.request().getFormAttribute("user")).orElse("");
    String password = Optional.ofNullable(context.request().getFormAttribute("password")).orElse("");
    signIn.signInSession(user, password, address(context)).onSuccess(grant -> {
      if (grant.isEmpty()) {
        send(context, 401, messages.text("login.title"), form(context, messages, Optional.of(messages.text("login.failed"))));
        return;
      }
      Session session = context.session();
      // A new session id on sign-in: an id planted in the browser beforehand is worth nothing now.
      session.regenerateId();
      session.put(Authentication.SESSION_USER, grant.get().principal().user());
      session.put(Authentication.SESSION_STAMP, grant.get().stamp());
      Csrf.fresh(session);
      context.response().setStatusCode(303)
          .putHeader(HttpHeaders.LOCATION, next(context.request().getFormAttribute("next")))
          .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
          .end();
    }).onFailure(context::fail);
  }

  private void signOut(RoutingContext context) {
    Messages messages = Messages.of(Language.of(context));
    if (!Csrf.valid(context)) {
      send(context, 403, messages.text("login.title"), form(context, messages, Optional.of(messages.text("login.expired"))));
      return;
    }
    Optional<Principal> principal = Authentication.principal(context);
    context.session().destroy();
    String page = "<p role=\"status\">" + Html.escape(messages.text("logout.done")) + "</p>\n<p><a href=\"" + LOGIN + "\">"
        + Html.escape(messages.text("login.title")) + "</a></p>\n";
    principal.map(signedOut -> signIn.signedOut(signedOut.user(), address(context)))
        .orElse(io.vertx.core.Future.succeededFuture())
        .onSuccess(v -> send(context, 200, messages.text("logout.button"), page))
        .onFailure(context::fail);
  }

  private void home(RoutingContext context) {
    Messages messages = Messages.of(Language.of(context));
    send(context, 200, messages.text("page.title"),
        signedIn(context, messages, Authentication.principal(context).orElseThrow(), Optional.empty()));
  }

  /** The signed-in user's own new password; this session goes on, every other one of theirs ends. */
  private void changePassword(RoutingContext context) {
    Messages messages = Messages.of(Language.of(context));
    Principal principal = Authentication.principal(context).orElseThrow();
    if (!Csrf.valid(context)) {
      send(context, 403, messages.text("page.title"), signedIn(context, messages, principal, Optional.of(messages.text("login.expired"))));
      return;
    }
    String current = Optional.ofNullable(context.request().getFormAttribute("current")).orElse("");
    String chosen = Optional.ofNullable(context.request().getFormAttribute("new")).orElse("");
    String repeated = Optional.ofNullable(context.request().getFormAttribute("repeat")).orElse("");
    if (!chosen.equals(repeated)) {
      send(context, 400, messages.text("page.title"),
          signedIn(context, messages, principal, Optional.of(messages.text("account.password.mismatch"))));
      return;
    }
    signIn.changePassword(principal.user(), current, chosen, address(context)).onSuccess(outcome -> {
      if (outcome instanceof SignIn.PasswordChange.Changed changed) {
        context.session().put(Authentication.SESSION_STAMP, changed.stamp());
        send(context, 200, messages.text("page.title"),
            "<p role=\"status\">" + Html.escape(messages.text("account.password.changed")) + "</p>\n"
                + signedIn(context, messages, principal, Optional.empty()));
      } else if (outcome instanceof SignIn.PasswordChange.TooShort tooShort) {
        send(context, 400, messages.text("page.title"), signedIn(context, messages, principal,
            Optional.of(messages.text("account.password.too_short", tooShort.minimum()))));
      } else {
        send(context, 403, messages.text("page.title"), signedIn(context, messages, principal,
            Optional.of(messages.text("account.password.wrong"))));
      }
    }).onFailure(context::fail);
  }

  private static String form(RoutingContext context, Messages messages, Optional<String> problem) {
    String next = Optional.ofNullable(context.request().getParam("next")).orElse(HOME);
    StringBuilder html = new StringBuilder();
    problem.ifPresent(text -> html.append("<p role=\"alert\">").append(Html.escape(text)).append("</p>\n"));
    return html.append("<form method=\"post\" action=\"").append(LOGIN).append("\">\n")
        .append(hidden(Csrf.FIELD, Csrf.token(context)))
        .append(hidden("next", next(next)))
        .append("<label for=\"user\">").append(Html.escape(messages.text("login.user"))).append("</label>\n")
        .append("<input id=\"user\" name=\"user\" autocomplete=\"username\" autocapitalize=\"none\" required autofocus>\n")
        .append("<label for=\"password\">").append(Html.escape(messages.text("login.password"))).append("</label>\n")
        .append("<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n")
        .append("<p><button type=\"submit\">").append(Html.escape(messages.text("login.button"))).append("</button></p>\n</form>\n")
        .toString();
  }

  private static String signedIn(RoutingContext context, Messages messages, Principal principal) {
    return "<p>" + Html.escape(messages.text("login.signed_in", principal.user(), principal.role().label())) + "</p>\n"
        + "<form method=\"post\" action=\"" + LOGOUT + "\">\n" + hidden(Csrf.FIELD, Csrf.token(context))
        + "<button type=\"submit\">" + Html.escape(messages.text("logout.button")) + "</button>\n</form>\n";
  }

  /** Who is signed in, and on their own account page the form for a new password (with a problem, if any). */
  private static String signedIn(RoutingContext context, Messages messages, Principal principal, Optional<String> problem) {
    StringBuilder html = new StringBuilder(signedIn(context, messages, principal))
        .append("<h2 id=\"password-title\">").append(Html.escape(messages.text("account.password.title"))).append("</h2>\n");
    problem.ifPresent(text -> html.append("<p role=\"alert\">").append(Html.escape(text)).append("</p>\n"));
    return html.append("<form method=\"post\" action=\"").append(PASSWORD).append("\" aria-labelledby=\"password-title\">\n")
        .append(hidden(Csrf.FIELD, Csrf.token(context)))
        .append(passwordField("current", messages.text("account.password.current"), "current-password"))
        .append(passwordField("new", messages.text("account.password.new", PasswordHasher.MIN_LENGTH), "new-password"))
        .append(passwordField("repeat", messages.text("account.password.repeat"), "new-password"))
        .append("<p><button type=\"submit\">").append(Html.escape(messages.text("account.password.button")))
        .append("</button></p>\n</form>\n").toString();
  }

  private static String passwordField(String name, String label, String autocomplete) {
    return "<label for=\"" + name + "\">" + Html.escape(label) + "</label>\n<input id=\"" + name + "\" name=\"" + name
        + "\" type=\"password\" autocomplete=\"" + autocomplete + "\" required>\n";
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + Html.escape(name) + "\" value=\"" + Html.escape(value) + "\">\n";
  }

  /** Only a path of this server: never off to another site after signing in (open redirect). */
  static String next(String given) {
    if (given == null || !given.startsWith("/") || given.startsWith("//") || given.startsWith("/\\") || given.startsWith(LOGIN)
        || given.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return HOME;
    }
    return given;
  }

  static Optional<String> address(RoutingContext context) {
    return Optional.ofNullable(context.request().remoteAddress()).map(SocketAddress::hostAddress);
  }

  static void send(RoutingContext context, int status, String title, String body) {
    context.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader("x-frame-options", "DENY")
        .putHeader("content-security-policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'")
        .end(Html.document(Messages.of(Language.of(context)).language(), title, body));
  }
}
