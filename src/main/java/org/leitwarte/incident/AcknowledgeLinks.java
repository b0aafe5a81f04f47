package org.leitwarte.incident;

import java.net.URI;

/** Makes the signed, expiring one-click acknowledge link for a person and an incident. */
public interface AcknowledgeLinks {

  URI linkFor(long incidentId, String personId);
}
