package org.leitwarte.web;

import java.util.Objects;
import org.leitwarte.user.SignIn;
import org.leitwarte.user.TokenRepository;
import org.leitwarte.user.UserRepository;

/**
 * Users, tokens and sign-in behind the HTTP server's authentication, as the composition root hands them over.
 *
 * @param secureCookies mark the session cookie Secure even when the request came over plain HTTP (a
 *     reverse proxy in front terminates TLS); requests that come over TLS get a Secure cookie anyway
 */
public record UserAccess(UserRepository users, TokenRepository tokens, SignIn signIn, boolean secureCookies) {

  public UserAccess {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(signIn, "signIn");
  }
}
