package org.leitwarte.user;

import java.util.Locale;

/**
 * What a signed-in user may do. Staff and on-call engineers belong to the cooperative and see every
 * municipality; a tenant user belongs to one municipality and sees only its objects.
 */
public enum Role {
  /** Everything, including users, tokens and the audit log. */
  ADMIN,
  /** Support staff: status board, alerts, incidents, tickets of every municipality. */
  STAFF,
  /** On-call engineers: like staff, for incidents. */
  ONCALL,
  /** A municipality's IT contact: own devices, alerts, incidents (read-only), tickets, maintenance. */
  TENANT;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the role belongs to the cooperative (sees every tenant). */
  public boolean cooperative() {
    return this != TENANT;
  }
}
