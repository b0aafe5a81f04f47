package org.leitwarte.collect.icmp;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one host's echo requests in one fping run came to.
 *
 * @param sent echo requests sent
 * @param rttsMillis round-trip times of the replies, in the order the requests were sent (lost ones left
 *     out)
 */
record PingStatistics(int sent, List<Double> rttsMillis) {

  PingStatistics {
    rttsMillis = List.copyOf(rttsMillis);
    if (sent < 0 || rttsMillis.size() > sent) {
      throw new IllegalArgumentException(rttsMillis.size() + " replies to " + sent + " requests");
    }
  }

  int received() {
    return rttsMillis.size();
  }

  double lossPercent() {
    return sent == 0 ? 100.0 : (sent - received()) * 100.0 / sent;
  }

  /**
   * The fields of the {@code icmp} measurement: {@code sent}, {@code received}, {@code loss_pct} always;
   * {@code rtt_min_ms}, {@code rtt_avg_ms}, {@code rtt_max_ms}, {@code jitter_ms} only when a reply came,
   * so a dead host shows as missing latency rather than as a latency of zero.
   */
  Map<String, Object> fields() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("sent", (long) sent);
    fields.put("received", (long) received());
    fields.put("loss_pct", lossPercent());
    if (!rttsMillis.isEmpty()) {
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      double sum = 0;
      for (double rtt : rttsMillis) {
        min = Math.min(min, rtt);
        max = Math.max(max, rtt);
        sum += rtt;
      }
      fields.put("rtt_min_ms", min);
      fields.put("rtt_avg_ms", sum / rttsMillis.size());
      fields.put("rtt_max_ms", max);
      fields.put("jitter_ms", jitter());
    }
    return fields;
  }

  /** Mean absolute difference between consecutive replies' round-trip times; 0 with a single reply. */
  private double jitter() {
    if (rttsMillis.size() < 2) {
      return 0.0;
    }
    double sum = 0;
    for (int i = 1; i < rttsMillis.size(); i++) {
      sum += Math.abs(rttsMillis.get(i) - rttsMillis.get(i - 1));
    }
    return sum / (rttsMillis.size() - 1);
  }
}
