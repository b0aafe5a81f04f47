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

  /** The role of a label ({@code staff}); refused naming the labels there are. */
  public static Role of(String label) {
    for (Role role : values()) {
      if (role.label().equals(label)) {
        return role;
      }
    }
    throw new IllegalArgumentException("role: '" + label + "' is none of admin, staff, oncall, tenant");
  }

  /** Whether the role belongs to the cooperative (sees every tenant). */
  public boolean cooperative() {
    return this != TENANT;
  }
}
