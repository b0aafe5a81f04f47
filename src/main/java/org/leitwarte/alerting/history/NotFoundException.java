package org.leitwarte.alerting.history;

/**
 * The object an API request names does not exist, or is not visible in the request's {@link ApiScope}
 * (which must look the same). The message says what was looked for: {@code silence 7}.
 */
public final class NotFoundException extends RuntimeException {

  public NotFoundException(String what) {
    super(what + " not found", null, false, false);
  }
}
