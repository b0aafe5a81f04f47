package org.leitwarte.web;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.util.Optional;
import org.leitwarte.user.Principal;
import org.leitwarte.user.TokenRepository;
import org.leitwarte.user.User;
import org.leitwarte.user.UserRepository;

/**
 * Finds out who makes a request, before any route runs: the user of a bearer token ({@code
 * Authorization: Bearer lw_…}), else the user of the session cookie. The user is read from the store on
 * every request, so that disabling a user takes effect at once. A request without either goes on
 * without a principal; {@link AccessGuard} decides what it may reach.
 */
final class Authentication {

  static final String SESSION_COOKIE = "leitwarte.session";
  /** The session's user name. */
  static final String SESSION_USER = "user";
  /** The stamp of the password the session was started with; a new password ends the session. */
  static final String SESSION_STAMP = "stamp";
  private static final String PRINCIPAL = "leitwarte.principal";
  private static final String VIA = "leitwarte.principal.via";

  /** How the principal came: a token carries no cookie and needs no CSRF token. */
  enum Via { TOKEN, SESSION }

  private final UserRepository users;
  private final TokenRepository tokens;

  Authentication(UserRepository users, TokenRepository tokens) {
    this.users = users;
    this.tokens = tokens;
  }

  void handle(RoutingContext context) {
    String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
    Future<Optional<User>> found;
    Via via;
    if (authorization != null) {
      via = Via.TOKEN;
      found = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
          ? tokens.authenticate(authorization.substring(7).strip())
          : Future.succeededFuture(Optional.empty());
    } else if (hasSessionCookie(context) && context.session() != null && context.session().get(SESSION_USER) != null) {
      via = Via.SESSION;
      Session session = context.session();
      String stamp = Optional.ofNullable(session.<String>get(SESSION_STAMP)).orElse("");
      found = users.findForSession(session.<String>get(SESSION_USER), stamp).map(user -> {
        if (user.isEmpty()) {
          session.destroy();
          return Optional.<User>empty();
        }
        return user;
      });
    } else {
      context.next();
      return;
    }
    found.onSuccess(user -> {
      user.ifPresent(signedIn -> {
        context.put(PRINCIPAL, signedIn.principal());
        context.put(VIA, via);
      });
      context.next();
    }).onFailure(context::fail);
  }

  /** Without a cookie, asking for the session would start one (and set a cookie) for nothing. */
  private static boolean hasSessionCookie(RoutingContext context) {
    Cookie cookie = context.request().getCookie(SESSION_COOKIE);
    return cookie != null && !cookie.getValue().isEmpty();
  }

  static Optional<Principal> principal(RoutingContext context) {
    return Optional.ofNullable(context.get(PRINCIPAL));
  }

  static Optional<Via> via(RoutingContext context) {
    return Optional.ofNullable(context.get(VIA));
  }
}
