package org.leitwarte.alerting.history;

import java.util.Objects;
import java.util.Optional;

/**
 * Who makes a change through the API, for the audit log: for now the {@code author} the request names,
 * and the client address it came from.
 *
 * @param name may be blank here; the API refuses a blank author, naming the field
 * @param address the client's IP address; empty when unknown
 */
public record Actor(String name, Optional<String> address) {

  public Actor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
  }

  /** @throws InvalidInputException naming {@code author} when the name is blank */
  public String requireName() {
    if (name.isBlank()) {
      throw new InvalidInputException("author", "must not be blank");
    }
    return name.strip();
  }
}
