package org.leitwarte.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something a user would see (a point in InfluxDB, a status) without fixed sleeps. */
public final class Eventually {

  private Eventually() {}

  /**
   * Checks {@code condition} every 100 ms until it holds.
   *
   * @throws AssertionError naming {@code what} when it does not hold within {@code timeout}
   */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
  }
}
