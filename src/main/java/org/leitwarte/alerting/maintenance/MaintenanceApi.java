package org.leitwarte.alerting.maintenance;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.leitwarte.alerting.Matcher;
import org.leitwarte.alerting.history.Actor;
import org.leitwarte.alerting.history.ApiScope;
import org.leitwarte.alerting.history.InvalidInputException;
import org.leitwarte.alerting.history.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the maintenance routes of the API do: list, show, announce and end maintenance windows within
 * the request's {@link ApiScope}. A window belongs to a tenant through a {@code tenant="…"} matcher in
 * its scope; a tenant sees only its own, and its new windows get that matcher. Every change is audited
 * (by the repository) and applied at once.
 */
public final class MaintenanceApi {

  private static final Logger LOG = LoggerFactory.getLogger(MaintenanceApi.class);

  private final MaintenanceRepository windows;
  private final Supplier<Future<Void>> refreshSuppressions;
  private final Clock clock;

  /**
   * @param refreshSuppressions re-reads silences and maintenance windows into the evaluator's
   *     suppressors; called after every change
   */
  public MaintenanceApi(MaintenanceRepository windows, Supplier<Future<Void>> refreshSuppressions, Clock clock) {
    this.windows = Objects.requireNonNull(windows, "windows");
    this.refreshSuppressions = Objects.requireNonNull(refreshSuppressions, "refreshSuppressions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** @param all also expired and past windows; else those not over (in effect now or to come) */
  public Future<List<MaintenanceWindow>> list(ApiScope scope, boolean all) {
    return (all ? windows.all() : windows.current(clock.instant()))
        .map(found -> found.stream().filter(window -> scope.sees(window.tenant())).toList());
  }

  /** @return the window, or a failed future with a {@link NotFoundException} */
  public Future<MaintenanceWindow> get(ApiScope scope, long id) {
    return windows.get(id).compose(found -> found
        .filter(window -> scope.sees(window.tenant()))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("maintenance window " + id))));
  }

  /**
   * Stores the window (nothing at all when anything is wrong) and applies it.
   *
   * @return the stored window; a failed future with an {@link InvalidInputException} naming the field
   */
  public Future<MaintenanceWindow> create(ApiScope scope, Actor actor, MaintenanceRequest request) {
    List<Matcher> matchers;
    String author;
    try {
      author = actor.requireName();
      matchers = scope.limit(request.scope(), "scope");
      if (request.schedule().endsAt().filter(end -> !end.isAfter(clock.instant())).isPresent()) {
        throw new InvalidInputException("schedule", "ends " + request.schedule().endsAt().get()
            + ", in the past; a maintenance window must end in the future");
      }
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(InvalidInputException.from(e));
    }
    return windows.create(matchers, request.schedule(), author, request.comment(), actor.address())
        .recover(MaintenanceApi::refusal)
        .compose(id -> refreshed().compose(v -> get(ApiScope.EVERYTHING, id)));
  }

  /**
   * Ends the window now and applies that. An expired window stays as it was; that is no error.
   *
   * @return the window as it is now, or a failed future with a {@link NotFoundException}
   */
  public Future<MaintenanceWindow> expire(ApiScope scope, Actor actor, long id) {
    String author;
    try {
      author = actor.requireName();
    } catch (InvalidInputException e) {
      return Future.failedFuture(e);
    }
    return get(scope, id)
        .compose(visible -> windows.expire(id, author, actor.address()))
        .compose(expired -> refreshed()
            .map(v -> expired.orElseThrow(() -> new NotFoundException("maintenance window " + id))));
  }

  /** Now, by the clock the windows are judged with; for "active" and "next start" in answers. */
  public Instant now() {
    return clock.instant();
  }

  private static <T> Future<T> refusal(Throwable failure) {
    return Future.failedFuture(failure instanceof IllegalArgumentException refused ? InvalidInputException.from(refused) : failure);
  }

  /** The change is stored either way; should re-reading fail, the periodic refresh applies it a little later. */
  private Future<Void> refreshed() {
    return refreshSuppressions.get().recover(e -> {
      LOG.warn("A maintenance window changed, but the suppressions could not be re-read at once: {}", e.getMessage());
      return Future.succeededFuture();
    });
  }
}
