package org.leitwarte.web;

import io.vertx.core.Vertx;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SessionHandler;
import io.vertx.ext.web.sstore.LocalSessionStore;
import java.time.Duration;

/**
 * Browser sessions: Vert.x Web's session handler on a store in this process's memory (a restart signs
 * everybody out; a cluster would need a shared store). The cookie is HttpOnly and SameSite=Strict, and
 * Secure when the request came over TLS or the configuration says TLS ends in front of Leitwarte. A
 * session ends after {@link #IDLE_TIMEOUT} without a request. Sessions start only when a page asks for
 * one (sign-in form), never for API calls.
 */
final class Sessions {

  static final Duration IDLE_TIMEOUT = Duration.ofHours(8);

  private final SessionHandler plain;
  private final SessionHandler secure;
  private final boolean alwaysSecure;

  Sessions(Vertx vertx, boolean alwaysSecure) {
    LocalSessionStore store = LocalSessionStore.create(vertx);
    this.plain = handler(store, false);
    this.secure = handler(store, true);
    this.alwaysSecure = alwaysSecure;
  }

  private static SessionHandler handler(LocalSessionStore store, boolean secure) {
    return SessionHandler.create(store)
        .setSessionCookieName(Authentication.SESSION_COOKIE)
        .setSessionTimeout(IDLE_TIMEOUT.toMillis())
        .setCookieHttpOnlyFlag(true)
        .setCookieSameSite(CookieSameSite.STRICT)
        .setCookieSecureFlag(secure)
        .setLazySession(true)
        // Behind a TLS proxy the request is plain HTTP; Vert.x's warning about that would be noise.
        .setNagHttps(false);
  }

  void handle(RoutingContext context) {
    (alwaysSecure || context.request().isSSL() ? secure : plain).handle(context);
  }
}
