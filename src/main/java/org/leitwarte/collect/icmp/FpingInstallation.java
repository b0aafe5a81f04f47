package org.leitwarte.collect.icmp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An fping that was found, answered {@code -v}, and pinged 127.0.0.1: proof at start-up that polls will
 * not fail one by one later for want of the program or of the right to open raw ICMP sockets.
 *
 * @param executable the program as it will be run
 * @param version what {@code fping -v} reported, {@code 5.1}
 */
record FpingInstallation(String executable, String version) {

  private static final Duration CHECK_DEADLINE = Duration.ofSeconds(10);
  private static final Pattern VERSION = Pattern.compile("Version (\\S+)");

  /**
   * Checks the fping configured as {@code configured}: a path, or a bare name looked up on {@code PATH}.
   * Blocking: runs two short fping processes.
   */
  static FpingInstallation verify(Path configured) throws FpingUnavailableException, InterruptedException {
    return verify(configured, Optional.ofNullable(System.getenv("PATH")).orElse("/usr/local/bin:/usr/bin:/bin"));
  }

  /** As {@link #verify(Path)}, looking a bare name up in {@code searchPath} (directories separated by ':'). */
  static FpingInstallation verify(Path configured, String searchPath)
      throws FpingUnavailableException, InterruptedException {
    String executable = locate(configured, searchPath)
        .orElseThrow(() -> new FpingUnavailableException(
            "fping not found at '" + configured + "': install it with 'apt-get install fping'"));
    String version = version(configured, executable);
    checkPing(executable);
    return new FpingInstallation(executable, version);
  }

  private static Optional<String> locate(Path configured, String searchPath) {
    if (configured.getParent() != null) {
      return Files.isRegularFile(configured) ? Optional.of(configured.toString()) : Optional.empty();
    }
    for (String dir : searchPath.split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir).resolve(configured);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return Optional.of(candidate.toString());
        }
      }
    }
    return Optional.empty();
  }

  private static String version(Path configured, String executable)
      throws FpingUnavailableException, InterruptedException {
    if (!Files.isExecutable(Path.of(executable))) {
      throw new FpingUnavailableException("fping at '" + executable + "' is not executable: reinstall it with "
          + "'apt-get install --reinstall fping' or fix its permissions");
    }
    // fping 5.1 prints its version to stdout.
    FpingProcess.Run run = runCheck(List.of(executable, "-v"), executable, true);
    Matcher m = VERSION.matcher(run.stderr());
    if (run.killed() || run.exitCode() != 0) {
      throw new FpingUnavailableException("'" + configured + "' (" + executable + ") does not behave like fping: '"
          + executable + " -v' " + (run.killed() ? "did not finish" : "exited with code " + run.exitCode())
          + firstLine(run.stderr()));
    }
    return m.find() ? m.group(1) : "unknown";
  }

  private static void checkPing(String executable) throws FpingUnavailableException, InterruptedException {
    FpingProcess.Run run = runCheck(List.of(executable, "-C", "1", "-t", "1000", "127.0.0.1"), executable, false);
    FpingOutput output = FpingOutput.parse(run.stderr());
    TargetResult result = output.results(List.of("127.0.0.1"), run.exitCode()).get("127.0.0.1");
    if (result instanceof TargetResult.Pinged) {
      return;
    }
    if (run.exitCode() == 4 || run.stderr().contains("can't create socket")) {
      throw new FpingUnavailableException("fping at '" + executable + "' may not open raw ICMP sockets"
          + firstLine(run.stderr()) + ": grant it with 'setcap cap_net_raw+ep " + executable
          + "', make it setuid root with 'chmod u+s " + executable + "', or run Leitwarte as root");
    }
    throw new FpingUnavailableException("fping at '" + executable + "' could not ping 127.0.0.1 ("
        + (run.killed() ? "it did not finish" : FpingOutput.describe(run.exitCode())) + ")" + firstLine(run.stderr()));
  }

  private static FpingProcess.Run runCheck(List<String> arguments, String executable, boolean withStdout)
      throws FpingUnavailableException, InterruptedException {
    try {
      return FpingProcess.run(arguments, CHECK_DEADLINE, ConcurrentHashMap.newKeySet(), withStdout);
    } catch (IOException e) {
      throw new FpingUnavailableException("fping at '" + executable + "' cannot be started: " + e.getMessage());
    }
  }

  private static String firstLine(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .map(line -> " (\"" + line + "\")").orElse("");
  }
}
