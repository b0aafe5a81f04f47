package org.leitwarte.web;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.leitwarte.incident.IncidentDesk;
import org.leitwarte.incident.link.LinkAcknowledgement;
import org.leitwarte.incident.oncall.LiveOnCallDirectory;
import org.leitwarte.incident.oncall.OnCallRepository;

/**
 * Incidents and on-call behind the API's routes, as the composition root hands them to the HTTP server.
 *
 * @param oncall who is who and who is on call; also names the people on the acknowledge pages
 * @param repository where overrides made through the API are stored (then {@code oncall} is refreshed)
 * @param clock "now" for who is on call and for the age of overrides
 * @param links the one-click acknowledge links ({@code /ack/<token>}); empty: those pages are not served
 */
public record IncidentApi(
    IncidentDesk desk, LiveOnCallDirectory oncall, OnCallRepository repository, Clock clock, Optional<LinkAcknowledgement> links) {

  public IncidentApi {
    Objects.requireNonNull(desk, "desk");
    Objects.requireNonNull(oncall, "oncall");
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(links, "links");
  }
}
