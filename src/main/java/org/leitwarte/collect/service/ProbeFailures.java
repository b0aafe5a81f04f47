package org.leitwarte.collect.service;

import io.netty.channel.ConnectTimeoutException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Short texts for why a Vert.x connection or request failed. */
final class ProbeFailures {

  private ProbeFailures() {}

  static String describe(Throwable failure, int port) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause && !(cause instanceof SSLException)) {
      cause = cause.getCause();
    }
    String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (cause instanceof ConnectTimeoutException || cause instanceof TimeoutException
        || failure instanceof TimeoutException || lower.contains("timeout") || lower.contains("timed out")) {
      return "timed out: " + message;
    }
    if (cause instanceof ConnectException) {
      return "connection refused on port " + port;
    }
    if (cause instanceof SSLException) {
      return "TLS failed: " + message;
    }
    return message;
  }
}
