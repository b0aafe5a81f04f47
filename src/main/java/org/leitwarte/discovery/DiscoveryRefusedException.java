package org.leitwarte.discovery;

import java.util.Objects;

/**
 * A discovery request that is not run: a range that is no CIDR or too large, an unknown tenant. The
 * message names the argument; {@link #field()} names the request field to blame ({@code ranges[1]},
 * {@code tenant}).
 */
public final class DiscoveryRefusedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public DiscoveryRefusedException(String field, String message) {
    super(message);
    this.field = Objects.requireNonNull(field, "field");
  }

  public String field() {
    return field;
  }
}
