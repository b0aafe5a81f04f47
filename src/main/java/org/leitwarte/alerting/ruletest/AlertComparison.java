package org.leitwarte.alerting.ruletest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.leitwarte.alerting.Alert;

/**
 * Compares the alerts a check expects with those active: each expected alert must match an active one of
 * its own, and no active alert may be left over. Which expected alert goes with which active one is a
 * bipartite matching, so that {@code labels: {}} does not take the alert a more specific expectation
 * needs.
 */
final class AlertComparison {

  private AlertComparison() {}

  /**
   * @return nothing when they agree; else one entry per alert that differs: an alert that is there with
   *     its wrong attributes, one per following line ({@code device_unreachable {device="wr-router"}:}, then
   *     {@code   state: expected firing, got pending}), {@code missing: …} or {@code unexpected: …}
   */
  static List<String> differences(List<ExpectedAlert> expected, List<Alert> actual) {
    int[] partner = match(expected, actual);
    boolean[] taken = new boolean[actual.size()];
    boolean[] placed = new boolean[expected.size()];
    for (int a = 0; a < actual.size(); a++) {
      if (partner[a] >= 0) {
        taken[a] = true;
        placed[partner[a]] = true;
      }
    }
    List<String> lines = new ArrayList<>();
    for (int e = 0; e < expected.size(); e++) {
      if (placed[e]) {
        continue;
      }
      ExpectedAlert wanted = expected.get(e);
      int closest = closest(wanted, actual, taken);
      if (closest >= 0) {
        taken[closest] = true;
        StringBuilder text = new StringBuilder(wanted.rule()).append(' ')
            .append(AlertText.labels(ExpectedAlert.withoutImplied(actual.get(closest).labels()))).append(':');
        wanted.differences(actual.get(closest)).forEach(d -> text.append("\n  ").append(d));
        lines.add(text.toString());
      } else {
        lines.add("missing: " + wanted.describe());
      }
    }
    for (int a = 0; a < actual.size(); a++) {
      if (!taken[a]) {
        lines.add("unexpected: " + AlertText.alert(actual.get(a)));
      }
    }
    return lines;
  }

  /** The active alerts in the order messages show them: by rule, then labels. */
  static List<Alert> sorted(List<Alert> alerts) {
    return alerts.stream()
        .sorted(Comparator.comparing(Alert::rule).thenComparing(a -> AlertText.labels(a.labels())))
        .toList();
  }

  /**
   * The free active alert this expectation is about with the fewest differences; else the one free alert
   * of its rule, if there is just one (then its labels are what differs); else -1.
   */
  private static int closest(ExpectedAlert wanted, List<Alert> actual, boolean[] taken) {
    int best = -1;
    int fewest = Integer.MAX_VALUE;
    int sameRule = -1;
    int sameRuleCount = 0;
    for (int a = 0; a < actual.size(); a++) {
      if (taken[a] || !actual.get(a).rule().equals(wanted.rule())) {
        continue;
      }
      sameRule = a;
      sameRuleCount++;
      if (wanted.isAbout(actual.get(a))) {
        int count = wanted.differences(actual.get(a)).size();
        if (count < fewest) {
          best = a;
          fewest = count;
        }
      }
    }
    return best >= 0 ? best : sameRuleCount == 1 ? sameRule : -1;
  }

  /** For each active alert, the index of the expected alert it is matched with, or -1 (Kuhn's algorithm). */
  private static int[] match(List<ExpectedAlert> expected, List<Alert> actual) {
    boolean[][] fits = new boolean[expected.size()][actual.size()];
    for (int e = 0; e < expected.size(); e++) {
      for (int a = 0; a < actual.size(); a++) {
        fits[e][a] = expected.get(e).matches(actual.get(a));
      }
    }
    int[] partner = new int[actual.size()];
    Arrays.fill(partner, -1);
    for (int e = 0; e < expected.size(); e++) {
      augment(e, fits, partner, new boolean[actual.size()]);
    }
    return partner;
  }

  private static boolean augment(int e, boolean[][] fits, int[] partner, boolean[] seen) {
    for (int a = 0; a < partner.length; a++) {
      if (fits[e][a] && !seen[a]) {
        seen[a] = true;
        if (partner[a] < 0 || augment(partner[a], fits, partner, seen)) {
          partner[a] = e;
          return true;
        }
      }
    }
    return false;
  }
}
