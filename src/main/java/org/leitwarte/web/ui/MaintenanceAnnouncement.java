package org.leitwarte.web.ui;

import io.vertx.core.Future;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.history.Actor;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.leitwarte.alerting.maintenance.MaintenanceApi;
import org.leitwarte.alerting.maintenance.MaintenanceRequest;
import org.leitwarte.alerting.maintenance.Schedule;
import org.leitwarte.status.DeviceFilter;
import org.leitwarte.status.StatusBoard;
import org.leitwarte.user.Principal;
import org.leitwarte.web.Messages;

/**
 * {@code POST /tenants/{id}/maintenance}: a municipality's user announces a one-off maintenance window
 * for their own municipality, or one of its devices. The window is limited to that municipality through
 * the same {@link MaintenanceApi} the API uses; start and end are local times in Germany, as the form's
 * {@code datetime-local} fields send them.
 */
final class MaintenanceAnnouncement {

  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private final Pages pages;
  private final BoardPages boardPages;
  private final Supplier<Future<StatusBoard>> boards;
  private final Optional<MaintenanceApi> maintenance;

  MaintenanceAnnouncement(Pages pages, BoardPages boardPages, Supplier<Future<StatusBoard>> boards, Optional<MaintenanceApi> maintenance) {
    this.pages = pages;
    this.boardPages = boardPages;
    this.boards = boards;
    this.maintenance = maintenance;
  }

  void announce(RoutingContext context) {
    Principal principal = UiRequest.principal(context);
    String tenant = context.pathParam("id");
    // Only a municipality's own users announce here; to everyone else the form does not exist.
    if (maintenance.isEmpty() || principal.tenant().filter(tenant::equals).isEmpty()) {
      pages.notFound(context);
      return;
    }
    Messages messages = UiRequest.messages(context);
    ApiScope scope = principal.scope();
    Optional<String> device = field(context, "device");
    MaintenanceRequest request;
    try {
      Schedule.OneOff schedule = new Schedule.OneOff(time(context, "start"), time(context, "end"));
      List<Matcher> matchers = new ArrayList<>(List.of(Matcher.equal("tenant", tenant)));
      device.ifPresent(id -> matchers.add(Matcher.equal("device", id)));
      request = new MaintenanceRequest(matchers, schedule, field(context, "comment").orElse(""));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      boardPages.showTenant(context, 400, "", messages.text("ui.maintenance.problem.time"));
      return;
    }
    Actor actor = new Actor(principal.user(), Optional.ofNullable(context.request().remoteAddress()).map(SocketAddress::hostAddress));
    boards.get()
        .compose(board -> device.filter(id -> board.devices(scope, DeviceFilter.ofTenant(tenant)).stream().noneMatch(own -> own.id().equals(id)))
            .<Future<Void>>map(unknown -> Future.failedFuture(new InvalidInputException("device", "not a device of " + tenant)))
            .orElseGet(Future::succeededFuture))
        .compose(v -> maintenance.get().create(scope, actor, request))
        .onSuccess(window -> context.response()
            .setStatusCode(303)
            .putHeader("location", "/tenants/" + tenant + "?done=maintenance" + pages.languageQuery(context).replace('?', '&'))
            .end())
        .onFailure(failure -> {
          if (failure instanceof NotFoundException) {
            pages.notFound(context);
          } else if (failure instanceof InvalidInputException invalid) {
            boardPages.showTenant(context, 400, "", messages.text("device".equals(invalid.field())
                ? "ui.maintenance.problem.device" : "ui.maintenance.problem.time"));
          } else {
            pages.answer(context, Future.failedFuture(failure));
          }
        });
  }

  private static Instant time(RoutingContext context, String name) {
    return LocalDateTime.parse(field(context, name).orElse("")).atZone(ZONE).toInstant();
  }

  private static Optional<String> field(RoutingContext context, String name) {
    return Optional.ofNullable(context.request().getFormAttribute(name)).map(String::strip).filter(value -> !value.isEmpty());
  }
}
