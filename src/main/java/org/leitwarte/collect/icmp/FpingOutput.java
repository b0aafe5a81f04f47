package org.leitwarte.collect.icmp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leitwarte.collect.icmp.FpingLine.Duplicate;
import org.leitwarte.collect.icmp.FpingLine.IcmpError;
import org.leitwarte.collect.icmp.FpingLine.Ignored;
import org.leitwarte.collect.icmp.FpingLine.Other;
import org.leitwarte.collect.icmp.FpingLine.Summary;
import org.leitwarte.collect.icmp.FpingLine.TargetProblem;

/**
 * What one {@code fping -C N addr…} run (fping 5.1, without {@code -q}) wrote to stderr, parsed. fping
 * names each target exactly as it was given on the command line, so results are keyed by that text.
 */
final class FpingOutput {

  // A value is "-" or fping's sprint_tm rendering: 0.04, 1.23, 12.3, 153, 1.00e+06.
  private static final Pattern SUMMARY =
      Pattern.compile("(\\S+)\\s+:((?:\\s+(?:-|[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?))+)");
  private static final Pattern DUPLICATE = Pattern.compile("(\\S+)\\s+: duplicate for \\[\\d+\\].*");
  private static final Pattern PER_REPLY = Pattern.compile("(\\S+)\\s+: \\[\\d+\\],.*");
  private static final Pattern ICMP_ERROR = Pattern.compile("(ICMP .+) for ICMP Echo sent to (\\S+)");
  private static final Pattern TARGET_PROBLEM = Pattern.compile("(\\S+): (.+)");

  private final Map<String, PingStatistics> summaries = new HashMap<>();
  private final Map<String, List<String>> problems = new HashMap<>();
  private final Map<String, List<String>> icmpErrors = new HashMap<>();
  private final Map<String, Integer> duplicates = new HashMap<>();
  private final List<String> other = new ArrayList<>();

  private FpingOutput() {}

  static FpingOutput parse(String stderr) {
    FpingOutput output = new FpingOutput();
    stderr.lines().map(FpingOutput::parseLine).forEach(output::add);
    return output;
  }

  static FpingLine parseLine(String line) {
    String text = line.strip();
    if (text.isEmpty()) {
      return new Ignored();
    }
    Matcher m = SUMMARY.matcher(text);
    if (m.matches()) {
      return summary(m.group(1), m.group(2));
    }
    if ((m = DUPLICATE.matcher(text)).matches()) {
      return new Duplicate(m.group(1));
    }
    if (PER_REPLY.matcher(text).matches()) {
      return new Ignored();
    }
    if ((m = ICMP_ERROR.matcher(text)).matches()) {
      return new IcmpError(m.group(2), text);
    }
    if ((m = TARGET_PROBLEM.matcher(text)).matches()) {
      return new TargetProblem(m.group(1), m.group(2));
    }
    return new Other(text);
  }

  private static Summary summary(String target, String values) {
    String[] tokens = values.strip().split("\\s+");
    List<Double> rtts = new ArrayList<>();
    for (String token : tokens) {
      if (!token.equals("-")) {
        rtts.add(Double.parseDouble(token));
      }
    }
    return new Summary(target, new PingStatistics(tokens.length, rtts));
  }

  private void add(FpingLine line) {
    if (line instanceof Summary s) {
      summaries.put(s.target(), s.statistics());
    } else if (line instanceof TargetProblem p) {
      problems.computeIfAbsent(p.target(), t -> new ArrayList<>()).add(p.message());
    } else if (line instanceof IcmpError e) {
      icmpErrors.computeIfAbsent(e.target(), t -> new ArrayList<>()).add(e.message());
    } else if (line instanceof Duplicate d) {
      duplicates.merge(d.target(), 1, Integer::sum);
    } else if (line instanceof Other o) {
      other.add(o.text());
    }
  }

  /** How many duplicate replies {@code target} sent (fping reports them only with {@code -q}). */
  int duplicates(String target) {
    return duplicates.getOrDefault(target, 0);
  }

  /**
   * The result for each of {@code targets} (the arguments fping was given), in their order.
   *
   * @param exitCode fping's exit code, used to explain a target fping said nothing about
   */
  Map<String, TargetResult> results(List<String> targets, int exitCode) {
    Map<String, TargetResult> results = new LinkedHashMap<>();
    for (String target : targets) {
      PingStatistics statistics = summaries.get(target);
      List<String> said = problems.getOrDefault(target, List.of());
      if (statistics != null) {
        results.put(target, new TargetResult.Pinged(statistics, icmpErrors.getOrDefault(target, List.of())));
      } else if (!said.isEmpty()) {
        results.put(target, new TargetResult.Failed("fping could not ping " + target + ": " + String.join("; ", said)));
      } else {
        results.put(target, new TargetResult.Failed("fping gave no result for " + target + " (" + describe(exitCode)
            + generalMessages(targets) + ")"));
      }
    }
    return results;
  }

  /** Lines that are about no target of {@code targets}, e.g. {@code fping: can't create socket …}. */
  List<String> generalLines(List<String> targets) {
    List<String> lines = new ArrayList<>(other);
    problems.forEach((subject, messages) -> {
      if (!targets.contains(subject)) {
        messages.forEach(message -> lines.add(subject + ": " + message));
      }
    });
    return lines;
  }

  private String generalMessages(List<String> targets) {
    List<String> lines = generalLines(targets);
    return lines.isEmpty() ? "" : "; fping said: " + String.join(" / ", lines);
  }

  /** fping's exit codes as fping 5.1 uses them (it exits 1, not 3, for a bad option). */
  static String describe(int exitCode) {
    return switch (exitCode) {
      case 0 -> "exit code 0: all targets replied";
      case 1 -> "exit code 1: some targets did not reply, or an option was invalid";
      case 2 -> "exit code 2: some addresses could not be resolved";
      case 3 -> "exit code 3: invalid arguments";
      case 4 -> "exit code 4: a system call failed";
      default -> "exit code " + exitCode;
    };
  }
}
