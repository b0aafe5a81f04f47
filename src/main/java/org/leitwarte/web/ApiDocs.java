package org.leitwarte.web;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/**
 * The browsable API documentation at {@code /api/v1/docs}: Swagger UI from its WebJar, showing {@code
 * /api/v1/openapi.yaml}. Everything comes from this server (no CDN): our own page and initializer, the
 * WebJar's scripts, styles and icons. Served beside the API, not described by its document.
 */
final class ApiDocs {

  static final String PATH = "/api/v1/docs";
  /** Where the WebJar keeps Swagger UI on the class path; the version is the one in pom.xml. */
  static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/5.34.1";

  private static final String OWN = "org/leitwarte/web/docs/";

  private final Buffer page;
  private final Buffer initializer;

  ApiDocs(Buffer page, Buffer initializer) {
    this.page = page;
    this.initializer = initializer;
  }

  void mount(Router router) {
    router.get(PATH).handler(this::page);
    router.get(PATH + "/").handler(this::page);
    router.get(PATH + "/index.html").handler(this::page);
    router.get(PATH + "/swagger-initializer.js").handler(this::initializer);
    router.get(PATH + "/*").handler(StaticHandler.create(WEBJAR));
  }

  static String resource(String name) {
    return OWN + name;
  }

  private void page(RoutingContext context) {
    context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").end(page);
  }

  private void initializer(RoutingContext context) {
    context.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/javascript; charset=utf-8").end(initializer);
  }
}
