package org.leitwarte.incident.link;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.leitwarte.incident.Acknowledger;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;

/**
 * What an acknowledge link does. Looking at it ({@code GET}) changes nothing — mail scanners such as
 * Outlook Safe Links open every link in a mail — and only the confirmation ({@code POST}) acknowledges,
 * once: a forged, expired or used link is refused and nothing changes.
 */
public final class LinkAcknowledgement {

  /** What the person sees. */
  public sealed interface Outcome {

    /** A valid link to an open incident: asks for confirmation (GET). */
    record Confirm(Incident incident, String person) implements Outcome {}

    /** Acknowledged now, by this link (POST). */
    record Acknowledged(Incident incident, String person) implements Outcome {}

    record AlreadyAcknowledged(Incident incident) implements Outcome {}

    record AlreadyResolved(Incident incident) implements Outcome {}

    /** The link was used before. */
    record Used() implements Outcome {}

    record Expired(Instant expiredAt) implements Outcome {}

    /** Not a link of ours. */
    record Invalid() implements Outcome {}

    /** Signed by us, but the incident is gone. */
    record NotFound() implements Outcome {}
  }

  private final SignedLinks links;
  private final UsedLinks used;
  private final Function<Long, Future<Optional<Incident>>> incidents;
  private final Acknowledger acknowledger;

  public LinkAcknowledgement(
      SignedLinks links, UsedLinks used, Function<Long, Future<Optional<Incident>>> incidents, Acknowledger acknowledger) {
    this.links = links;
    this.used = used;
    this.incidents = incidents;
    this.acknowledger = acknowledger;
  }

  /** For GET: tells what the link would do; changes nothing. */
  public Future<Outcome> look(String token) {
    return checked(token, (valid, incident) -> Future.succeededFuture(new Outcome.Confirm(incident, valid.personId())));
  }

  /** For POST: acknowledges, if the link is valid, unused and the incident still open. */
  public Future<Outcome> acknowledge(String token) {
    return checked(token, (valid, incident) -> used.use(valid).compose(first -> {
      if (!first) {
        return Future.succeededFuture(new Outcome.Used());
      }
      return acknowledger.acknowledge(valid.incidentId(), valid.personId(), "link")
          .compose(result -> incidents.apply(valid.incidentId()).map(now -> outcome(result, now.orElse(incident), valid)));
    }));
  }

  private interface Step {
    Future<Outcome> apply(SignedLinks.Verification.Valid valid, Incident incident);
  }

  private Future<Outcome> checked(String token, Step step) {
    SignedLinks.Verification verification = links.verify(token);
    if (verification instanceof SignedLinks.Verification.Forged) {
      return Future.succeededFuture(new Outcome.Invalid());
    }
    if (verification instanceof SignedLinks.Verification.Expired expired) {
      return Future.succeededFuture(new Outcome.Expired(expired.expiredAt()));
    }
    SignedLinks.Verification.Valid valid = (SignedLinks.Verification.Valid) verification;
    return incidents.apply(valid.incidentId()).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(new Outcome.NotFound());
      }
      Incident incident = found.get();
      if (incident.state() == IncidentState.RESOLVED) {
        return Future.succeededFuture(new Outcome.AlreadyResolved(incident));
      }
      if (incident.state() == IncidentState.ACKNOWLEDGED) {
        return Future.succeededFuture(new Outcome.AlreadyAcknowledged(incident));
      }
      return step.apply(valid, incident);
    });
  }

  private static Outcome outcome(Acknowledger.Outcome result, Incident incident, SignedLinks.Verification.Valid valid) {
    return switch (result) {
      case ACKNOWLEDGED -> new Outcome.Acknowledged(incident, valid.personId());
      case ALREADY_ACKNOWLEDGED -> new Outcome.AlreadyAcknowledged(incident);
      case ALREADY_RESOLVED -> new Outcome.AlreadyResolved(incident);
      case NOT_FOUND -> new Outcome.NotFound();
    };
  }
}
