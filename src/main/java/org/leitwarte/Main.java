package org.leitwarte;

/** Entry point; the CLI is wired here. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    throw new UnsupportedOperationException("CLI not wired yet");
  }
}
