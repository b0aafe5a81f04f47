package org.leitwarte.collect.icmp;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.leitwarte.config.LeitwarteConfig;

/**
 * The command line of one fping run over a batch of targets, and how long it may take before it is
 * considered hung.
 *
 * <p>No {@code -q}: without it fping names the targets it cannot ping ({@code x: Name or service not
 * known}) and the ICMP errors it receives; its per-reply lines go to stdout, which is discarded. No
 * {@code -B}/{@code -r}: back-off and retries only apply outside count mode.
 *
 * @param arguments the program and its arguments
 * @param targets the targets, in command-line order (also the order of fping's summary lines)
 * @param deadline after this the process is killed
 */
record FpingCommand(List<String> arguments, List<String> targets, Duration deadline) {

  /** Slack for process start-up and a loaded machine, on top of twice the expected run time. */
  private static final Duration DEADLINE_SLACK = Duration.ofSeconds(2);

  FpingCommand {
    arguments = List.copyOf(arguments);
    targets = List.copyOf(targets);
  }

  static FpingCommand of(String fping, LeitwarteConfig.Icmp icmp, List<String> targets) {
    if (targets.isEmpty()) {
      throw new IllegalArgumentException("an fping run needs at least one target");
    }
    List<String> arguments = new ArrayList<>(List.of(fping,
        "-C", Integer.toString(icmp.count()),
        "-p", millis(icmp.period()),
        "-t", millis(icmp.timeout()),
        "-i", millis(icmp.gap())));
    arguments.addAll(targets);
    return new FpingCommand(arguments, targets, expectedDuration(icmp, targets.size()).multipliedBy(2).plus(DEADLINE_SLACK));
  }

  /**
   * fping sends {@code count} requests per target, {@code period} apart, and never two requests closer
   * than {@code gap}; after the last request it waits {@code timeout} for the reply.
   */
  static Duration expectedDuration(LeitwarteConfig.Icmp icmp, int targets) {
    Duration perTarget = icmp.period().multipliedBy(icmp.count() - 1L);
    Duration allRequests = icmp.gap().multipliedBy((long) icmp.count() * targets);
    return (perTarget.compareTo(allRequests) > 0 ? perTarget : allRequests).plus(icmp.timeout());
  }

  /** fping takes milliseconds and reads fractions ({@code -i 0.5}). */
  static String millis(Duration duration) {
    return BigDecimal.valueOf(duration.toNanos(), 6).stripTrailingZeros().toPlainString();
  }
}
