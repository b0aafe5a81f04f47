package org.leitwarte.web;

/** The principal may not do this (HTTP 403 {@code forbidden}); the message says why. */
final class Forbidden extends RuntimeException {

  Forbidden(String message) {
    super(message);
  }
}
