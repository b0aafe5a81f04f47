package org.leitwarte.web.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.leitwarte.metrics.DeviceHistory;
import org.leitwarte.web.Messages;

/**
 * A device's history as small server-side SVG charts (sparklines) for the device page: no script, no
 * style attributes (the page's CSP forbids both), a text alternative with minimum, mean and maximum, and the
 * same figures as a list for screen readers.
 */
final class Charts {

  static final int WIDTH = 240;
  static final int HEIGHT = 48;
  private static final Duration SPAN = Duration.ofHours(24);
  /** Room for the line's stroke at the edges. */
  private static final double PAD = 2;

  private Charts() {}

  /** The template's view of each chart, in the order given; {@code now} is the right edge of every chart. */
  static List<Map<String, Object>> views(List<DeviceHistory.Series> series, Instant now, Messages messages) {
    return series.stream().map(one -> view(one, now, messages)).toList();
  }

  private static Map<String, Object> view(DeviceHistory.Series series, Instant now, Messages messages) {
    List<DeviceHistory.Point> points = series.points();
    double min = points.stream().mapToDouble(DeviceHistory.Point::value).min().orElse(0);
    double max = points.stream().mapToDouble(DeviceHistory.Point::value).max().orElse(0);
    double mean = points.stream().mapToDouble(DeviceHistory.Point::value).average().orElse(0);
    // Percentages on their whole scale, so that 2 % loss does not look like an outage; latency from 0 to its peak.
    double top = series.unit().equals("%") ? Math.max(100, max) : (max > 0 ? max : 1);
    Instant start = now.minus(SPAN);
    String coordinates = points.stream()
        .map(point -> coordinate(x(point.time(), start)) + "," + coordinate(y(point.value(), top)))
        .collect(Collectors.joining(" "));
    DeviceHistory.Point last = points.get(points.size() - 1);
    String title = messages.text("ui.chart." + series.name());
    Map<String, Object> view = new HashMap<>();
    view.put("name", series.name());
    view.put("title", title);
    view.put("unit", series.unit());
    view.put("width", WIDTH);
    view.put("height", HEIGHT);
    view.put("points", coordinates);
    view.put("last_x", coordinate(x(last.time(), start)));
    view.put("last_y", coordinate(y(last.value(), top)));
    view.put("summary", messages.text("ui.chart.summary", title, min, mean, max, series.unit()));
    view.put("figures", List.of(
        figure(messages, "ui.chart.min", min, series.unit()),
        figure(messages, "ui.chart.avg", mean, series.unit()),
        figure(messages, "ui.chart.max", max, series.unit()),
        figure(messages, "ui.chart.last", last.value(), series.unit())));
    return view;
  }

  private static Map<String, Object> figure(Messages messages, String key, double value, String unit) {
    return Map.of("term", messages.text(key), "value", messages.text("ui.chart.value", value, unit));
  }

  private static double x(Instant time, Instant start) {
    double share = (double) Duration.between(start, time).toMillis() / SPAN.toMillis();
    return PAD + Math.max(0, Math.min(1, share)) * (WIDTH - 2 * PAD);
  }

  private static double y(double value, double top) {
    double share = Math.max(0, Math.min(1, value / top));
    return HEIGHT - PAD - share * (HEIGHT - 2 * PAD);
  }

  /** SVG wants a dot as decimal separator, whatever the page's language. */
  private static String coordinate(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
