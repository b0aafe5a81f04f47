package org.leitwarte.incident;

/** A change that the incident's state does not allow: a note or re-assignment on a resolved incident, … */
public final class IncidentConflictException extends RuntimeException {

  public IncidentConflictException(String message) {
    super(message, null, false, false);
  }
}
