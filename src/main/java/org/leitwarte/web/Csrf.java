package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.Session;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection by a synchronizer token (OWASP): a random token kept in the
 * session, sent back by every state-changing form (field {@value #FIELD}) and by every API call that
 * rides on the session cookie (header {@value #HEADER}). A forged request from another site carries the
 * cookie but cannot know the token. Calls with a bearer token carry no cookie and need none.
 */
final class Csrf {

  static final String FIELD = "csrf";
  static final String HEADER = "X-CSRF-Token";
  private static final String SESSION_KEY = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** The session's token, made when it has none yet (this starts a session). */
  static String token(RoutingContext context) {
    Session session = context.session();
    String token = session.get(SESSION_KEY);
    if (token == null) {
      token = fresh(session);
    }
    return token;
  }

  /** A new token, after sign-in: a token seen before signing in is worth nothing after. */
  static String fresh(Session session) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    session.put(SESSION_KEY, token);
    return token;
  }

  /** Whether the request carries the session's token, in the header or in the form. */
  static boolean valid(RoutingContext context) {
    Session session = context.session();
    String expected = session == null ? null : session.get(SESSION_KEY);
    if (expected == null) {
      return false;
    }
    String given = context.request().getHeader(HEADER);
    if (given == null) {
      given = context.request().getFormAttribute(FIELD);
    }
    return given != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }
}
