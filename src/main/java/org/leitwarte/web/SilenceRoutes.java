package org.leitwarte.web;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import org.leitwarte.alerting.silence.SilenceApi;

/** {@code /api/v1/silences…}. */
final class SilenceRoutes implements RouteGroup {

  static final String PATH = "/api/v1/silences";

  private final SilenceApi silences;

  SilenceRoutes(SilenceApi silences) {
    this.silences = silences;
  }

  @Override
  public void mount(RouterBuilder builder) {
    RouteGroup.on(builder, "listSilences", this::list);
    RouteGroup.on(builder, "createSilence", this::create);
    RouteGroup.on(builder, "getSilence", this::get);
    RouteGroup.on(builder, "expireSilence", this::expire);
  }

  private void list(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    boolean all = request.query("state").filter("all"::equals).isPresent();
    Responses.ok(context, silences.list(request.scope(), all).map(found -> SilenceJson.silences(found, silences.now())));
  }

  private void create(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.created(context,
        silences.create(request.scope(), request.actor(), SilenceJson.request(request.body()))
            .map(silence -> SilenceJson.silence(silence, silences.now())),
        json -> PATH + "/" + json.getLong("id"));
  }

  private void get(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, silences.get(request.scope(), request.pathLong("id"))
        .map(silence -> SilenceJson.silence(silence, silences.now())));
  }

  private void expire(RoutingContext context) {
    ApiRequest request = ApiRequest.of(context);
    Responses.ok(context, silences.expire(request.scope(), request.actor(), request.pathLong("id"))
        .map(silence -> SilenceJson.silence(silence, silences.now())));
  }
}
