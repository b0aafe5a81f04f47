package org.leitwarte.incident.oncall;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;

/**
 * Wall-clock times to instants across clock changes. A time the clock skips (02:30 on the night the
 * clocks spring forward) happens when the clock jumps; a time the clock shows twice (02:30 on the night
 * they fall back) happens the first time for a start and the second time for an end.
 */
final class WallClock {

  private WallClock() {}

  /** The first instant the clock shows {@code time}; the moment it jumps, if it skips {@code time}. */
  static Instant first(LocalDateTime time, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(time);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(time, zone, null).withEarlierOffsetAtOverlap().toInstant();
  }

  /** The last instant the clock shows {@code time}; the moment it jumps, if it skips {@code time}. */
  static Instant last(LocalDateTime time, ZoneId zone) {
    ZoneOffsetTransition transition = zone.getRules().getTransition(time);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(time, zone, null).withLaterOffsetAtOverlap().toInstant();
  }
}
