package org.leitwarte.alerting.silence;

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
 * What the silence routes of the API do: list, show, create and expire silences within the request's
 * {@link ApiScope}. A silence belongs to a tenant through a {@code tenant="…"} matcher; a tenant sees
 * only its own, and its new silences get that matcher. Every change is audited (by the repository) and
 * applied at once: the suppressions are re-read before the answer goes out.
 */
public final class SilenceApi {

  private static final Logger LOG = LoggerFactory.getLogger(SilenceApi.class);

  private final SilenceRepository silences;
  private final Supplier<Future<Void>> refreshSuppressions;
  private final Clock clock;

  /**
   * @param refreshSuppressions re-reads silences and maintenance windows into the evaluator's
   *     suppressors; called after every change
   */
  public SilenceApi(SilenceRepository silences, Supplier<Future<Void>> refreshSuppressions, Clock clock) {
    this.silences = Objects.requireNonNull(silences, "silences");
    this.refreshSuppressions = Objects.requireNonNull(refreshSuppressions, "refreshSuppressions");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * @param all also expired and ended silences; else those not over (in effect now or starting later)
   */
  public Future<List<Silence>> list(ApiScope scope, boolean all) {
    return (all ? silences.all() : silences.current(clock.instant()))
        .map(found -> found.stream().filter(silence -> visible(scope, silence)).toList());
  }

  /** @return the silence, or a failed future with a {@link NotFoundException} */
  public Future<Silence> get(ApiScope scope, long id) {
    return silences.get(id).compose(found -> found
        .filter(silence -> visible(scope, silence))
        .map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFoundException("silence " + id))));
  }

  /**
   * Stores the silence (nothing at all when anything is wrong) and applies it.
   *
   * @return the stored silence; a failed future with an {@link InvalidInputException} naming the field
   */
  public Future<Silence> create(ApiScope scope, Actor actor, SilenceRequest request) {
    Instant now = clock.instant();
    Instant startsAt;
    Instant endsAt;
    List<Matcher> matchers;
    String author;
    try {
      author = actor.requireName();
      matchers = scope.limit(request.matchers(), "matchers");
      startsAt = request.startsAt().orElse(now);
      endsAt = end(request, startsAt, now);
    } catch (IllegalArgumentException e) {
      return Future.failedFuture(InvalidInputException.from(e));
    }
    return silences.create(matchers, startsAt, endsAt, author, request.comment(), actor.address())
        .recover(SilenceApi::refusal)
        .compose(id -> refreshed().compose(v -> get(ApiScope.EVERYTHING, id)));
  }

  /**
   * Ends the silence now and applies that. An expired silence stays as it was; that is no error.
   *
   * @return the silence as it is now, or a failed future with a {@link NotFoundException}
   */
  public Future<Silence> expire(ApiScope scope, Actor actor, long id) {
    String author;
    try {
      author = actor.requireName();
    } catch (InvalidInputException e) {
      return Future.failedFuture(e);
    }
    return get(scope, id)
        .compose(visible -> silences.expire(id, author, actor.address()))
        .compose(expired -> refreshed().map(v -> expired.orElseThrow(() -> new NotFoundException("silence " + id))));
  }

  /** Now, by the clock silences are judged with; for their state in answers. */
  public Instant now() {
    return clock.instant();
  }

  private static Instant end(SilenceRequest request, Instant startsAt, Instant now) {
    if (request.endsAt().isPresent() && request.duration().isPresent()) {
      throw new InvalidInputException("duration", "give ends_at or duration, not both");
    }
    if (request.duration().isPresent() && (request.duration().get().isNegative() || request.duration().get().isZero())) {
      throw new InvalidInputException("duration", "must be longer than zero");
    }
    Instant endsAt = request.endsAt()
        .or(() -> request.duration().map(startsAt::plus))
        .orElseThrow(() -> new InvalidInputException("ends_at", "missing: give ends_at or duration"));
    String field = request.endsAt().isPresent() ? "ends_at" : "duration";
    if (!endsAt.isAfter(now)) {
      throw new InvalidInputException(field, "the end (" + endsAt + ") is in the past; a silence must end in the future");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new InvalidInputException(field, "the end (" + endsAt + ") must be after starts_at (" + startsAt + ")");
    }
    return endsAt;
  }

  private static boolean visible(ApiScope scope, Silence silence) {
    return scope.sees(ApiScope.tenantOf(silence.matchers()));
  }

  private static <T> Future<T> refusal(Throwable failure) {
    return Future.failedFuture(failure instanceof IllegalArgumentException refused ? InvalidInputException.from(refused) : failure);
  }

  /** The change is stored either way; should re-reading fail, the periodic refresh applies it a little later. */
  private Future<Void> refreshed() {
    return refreshSuppressions.get().recover(e -> {
      LOG.warn("A silence changed, but the suppressions could not be re-read at once: {}", e.getMessage());
      return Future.succeededFuture();
    });
  }
}
