package org.leitwarte.collect.icmp;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs one fping process to its end or to its deadline, whichever comes first. Blocking: call it on a
 * worker thread.
 *
 * <p>stderr (where fping puts its results) goes to a temporary file rather than a pipe, so a large batch
 * can never stall on a full pipe and one thread suffices to wait for the process; stdout (per-reply lines)
 * is discarded.
 */
final class FpingProcess {

  /**
   * How a run ended.
   *
   * @param exitCode fping's exit code, or -1 when it was killed
   * @param stderr everything fping wrote to stderr (and to stdout, when asked for)
   * @param killed whether it missed its deadline and was killed
   */
  record Run(int exitCode, String stderr, boolean killed) {}

  private FpingProcess() {}

  /**
   * Starts {@code arguments}, waits at most {@code deadline}, then kills the process by its PID.
   *
   * @param running holds the process while it runs, so that a shutdown can kill it
   * @throws IOException when the program cannot be started (missing, not executable)
   */
  static Run run(List<String> arguments, Duration deadline, Set<Process> running)
      throws IOException, InterruptedException {
    return run(arguments, deadline, running, false);
  }

  /** As {@link #run(List, Duration, Set)}; with {@code withStdout}, stdout is captured with stderr. */
  static Run run(List<String> arguments, Duration deadline, Set<Process> running, boolean withStdout)
      throws IOException, InterruptedException {
    Path stderrFile = Files.createTempFile("leitwarte-fping-", ".stderr");
    try {
      ProcessBuilder builder = new ProcessBuilder(arguments)
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      if (withStdout) {
        builder.redirectOutput(stderrFile.toFile()).redirectErrorStream(true);
      } else {
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(stderrFile.toFile());
      }
      Process process = builder.start();
      running.add(process);
      try {
        boolean finished = process.waitFor(deadline.toNanos(), TimeUnit.NANOSECONDS);
        if (!finished) {
          process.destroyForcibly();
          process.waitFor();
        }
        String stderr = new String(Files.readAllBytes(stderrFile), StandardCharsets.UTF_8);
        return new Run(finished ? process.exitValue() : -1, stderr, !finished);
      } catch (InterruptedException e) {
        process.destroyForcibly();
        throw e;
      } finally {
        running.remove(process);
      }
    } finally {
      Files.deleteIfExists(stderrFile);
    }
  }
}
