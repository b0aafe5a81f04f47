package org.leitwarte.incident;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Someone who can be paged: a specialist of the cooperative, with the ways to reach them.
 *
 * @param id short, lower-case ({@code mmueller}); also their user name for signing in later
 * @param phone for the SMS gateway, international form ({@code +49…})
 * @param webhook a personal chat webhook (Teams, Matrix, Slack-compatible or generic JSON)
 * @param language {@code de} or {@code en}: the language of their notifications
 */
public record Person(String id, String name, Optional<String> email, Optional<String> phone, Optional<URI> webhook, String language) {

  public Person {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(webhook, "webhook");
    Objects.requireNonNull(language, "language");
  }
}
