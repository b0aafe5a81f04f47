package org.leitwarte.web;

import io.vertx.ext.web.Router;
import java.util.Optional;
import org.leitwarte.user.Principal;
import org.leitwarte.web.ui.UiPages;
import org.leitwarte.web.ui.UiRequest;

/**
 * The web UI of an {@link ApiServer} on a second loopback port, as a signed-in user sees it: a handler in
 * front puts the principal where {@link UiRequest#principal} looks, as sign-in will. Pages that change
 * incidents act as a person of the on-call directory only this way (the server's own fallback is the
 * administrator, who is no such person).
 */
final class PagesAsSignedIn implements AutoCloseable {

  final int port;
  private final io.vertx.core.http.HttpServer http;

  PagesAsSignedIn(ApiServer server, Principal principal) throws Exception {
    Router router = Router.router(server.vertx);
    router.route().handler(context -> {
      context.put(UiRequest.PRINCIPAL, principal);
      context.next();
    });
    new UiPages(server.status::board, Optional.of(server.incidents)).mount(router);
    http = ApiServer.await(server.vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1"));
    port = http.actualPort();
  }

  ApiClient client() {
    return new ApiClient(port);
  }

  @Override
  public void close() throws Exception {
    ApiServer.await(http.close());
  }
}
