package org.leitwarte.testsupport;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping the daemons the tests start. */
public final class Processes {

  private Processes() {}

  /** SIGTERM, then SIGKILL when it has not ended within {@code grace}; returns once it is gone. */
  public static void stop(Process process, Duration grace) {
    process.destroy();
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
