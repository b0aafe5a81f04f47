package org.leitwarte.web.ui;

import io.vertx.ext.web.RoutingContext;
import org.leitwarte.user.Principal;
import org.leitwarte.web.Language;
import org.leitwarte.web.Messages;

/**
 * What a page needs to know about its request: who asks, in which language, and the CSRF field its
 * forms carry. The one place where sign-in plugs into the web UI.
 */
public final class UiRequest {

  /**
   * Where an authentication handler in front of the pages puts the signed-in {@link Principal}
   * ({@code context.put(UiRequest.PRINCIPAL, principal)}).
   */
  public static final String PRINCIPAL = "leitwarte.principal";

  /**
   * Where {@link org.leitwarte.web.PageAccess} puts the hidden form field (complete {@code <input>}
   * markup) that every state-changing form must carry.
   */
  public static final String CSRF_FIELD = org.leitwarte.web.PageAccess.CSRF_FIELD;


  private UiRequest() {}

  /** The signed-in user; {@link org.leitwarte.web.PageAccess} in front of every page makes sure there is one. */
  public static Principal principal(RoutingContext context) {
    Principal signedIn = context.get(PRINCIPAL);
    if (signedIn == null) {
      throw new IllegalStateException("a page without PageAccess in front: " + context.request().path());
    }
    return signedIn;
  }

  /** The hidden CSRF field for forms; empty until sign-in provides one. Trusted markup, never user input. */
  static String csrfField(RoutingContext context) {
    String field = context.get(CSRF_FIELD);
    return field != null ? field : "";
  }

  /** German, or English for {@code ?lang=en} or a browser that prefers it. */
  static Messages messages(RoutingContext context) {
    return Messages.of(Language.of(context));
  }
}
