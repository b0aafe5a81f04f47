package org.leitwarte.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * In front of every page of the web UI: without a signed-in user, off to the sign-in form (and back
 * afterwards); with one, the page's forms get the session's CSRF token, and a form sent without it
 * changes nothing (403).
 */
public final class PageAccess {

  /** Where pages find the hidden CSRF field for their forms (complete, trusted markup). */
  public static final String CSRF_FIELD = "leitwarte.csrf-field";

  private PageAccess() {}

  public static void signedIn(RoutingContext context) {
    if (Authentication.principal(context).isEmpty()) {
      LoginPages.signedInOnly(context);
      return;
    }
    // A token's request carries no cookie and so no ambient authority: only session requests need the CSRF token.
    boolean viaSession = Authentication.via(context).orElse(Authentication.Via.SESSION) == Authentication.Via.SESSION;
    if (context.request().method() == HttpMethod.POST && viaSession && !Csrf.valid(context)) {
      Messages messages = Messages.of(Language.of(context));
      LoginPages.send(context, 403, messages.text("login.title"),
          "<p role=\"alert\">" + Html.escape(messages.text("login.expired")) + "</p>\n");
      return;
    }
    context.put(CSRF_FIELD, "<input type=\"hidden\" name=\"" + Csrf.FIELD + "\" value=\"" + Html.escape(Csrf.token(context)) + "\">");
    context.next();
  }
}
