package org.leitwarte.incident.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.alerting.Alert;
import org.leitwarte.alerting.AlertState;
import org.leitwarte.alerting.Severity;
import org.leitwarte.incident.Incident;
import org.leitwarte.incident.IncidentState;
import org.leitwarte.incident.Notification;
import org.leitwarte.incident.Person;

/** A night at the cooperative: a router in Musterstadt's town hall stops answering. */
final class Fixtures {

  /** 03:37 in Berlin (CET). */
  static final Instant NOW = Instant.parse("2025-03-14T02:37:00Z");
  /** 03:12 in Berlin. */
  static final Instant SINCE = Instant.parse("2025-03-14T02:12:00Z");

  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Fixtures() {}

  static Person german(String email) {
    return new Person("mmueller", "Martina Müller", Optional.of(email), Optional.of("+49 170 1234567"), Optional.empty(), "de");
  }

  static Person english(String email) {
    return new Person("jsmith", "John Smith", Optional.of(email), Optional.empty(), Optional.empty(), "en");
  }

  static Person withWebhook(URI webhook) {
    return new Person("mmueller", "Martina Müller", Optional.empty(), Optional.empty(), Optional.of(webhook), "de");
  }

  static Person withPhone(String phone) {
    return new Person("mmueller", "Martina Müller", Optional.empty(), Optional.of(phone), Optional.empty(), "de");
  }

  static Incident incident(long id) {
    return new Incident(id, "default/musterstadt/rathaus", "router-rathaus ist nicht erreichbar", IncidentState.TRIGGERED,
        "critical", "netz", "netz-standard", Map.of("tenant", "musterstadt", "site", "rathaus"), "musterstadt",
        SINCE, SINCE, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 2, 2);
  }

  static Alert unreachable() {
    return new Alert("a1", "device_unreachable", Severity.CRITICAL, AlertState.FIRING,
        Map.of("tenant", "musterstadt", "site", "rathaus", "device", "router-rathaus"),
        Map.of(
            "de", Map.of("summary", "router-rathaus ist nicht erreichbar", "runbook", "https://wiki.example/runbooks/device_unreachable"),
            "en", Map.of("summary", "router-rathaus is unreachable", "runbook", "https://wiki.example/runbooks/device_unreachable")),
        SINCE, SINCE.plusSeconds(60), Optional.empty(), Optional.empty(), false);
  }

  static Alert interfaceDown() {
    return new Alert("a2", "interface_down", Severity.WARNING, AlertState.FIRING,
        Map.of("tenant", "musterstadt", "site", "rathaus", "device", "switch-rathaus"),
        Map.of("de", Map.of("summary", "Uplink <Gi0/1> & VPN auf switch-rathaus ist down")),
        SINCE.plusSeconds(120), SINCE.plusSeconds(180), Optional.empty(), Optional.empty(), false);
  }

  static Notification notification(long id, Person person, Notification.Kind kind) {
    return new Notification(incident(id), List.of(interfaceDown(), unreachable()), person, kind,
        kind == Notification.Kind.RESOLVED ? 0 : kind == Notification.Kind.ESCALATED ? 2 : 1,
        URI.create("https://leitwarte.example/ack/" + id + "?person=" + person.id() + "&sig=abc"));
  }

  static Envelope envelope(long id, Person person, Notification.Kind kind) {
    return new Envelope(notification(id, person, kind), 0);
  }
}
