package org.leitwarte.web.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.ServiceCheck;
import org.leitwarte.metrics.CheckReading;
import org.leitwarte.web.CheckTargets;
import org.leitwarte.web.Messages;

/**
 * The rows of the service checks section of a device's page: one per configured check, with its latest
 * result when InfluxDB gave one. Every value is text for {@code {{ }}}; the status is in words.
 */
final class CheckRows {

  private CheckRows() {}

  /**
   * @param latest the latest result per check name; empty when the results are not available
   */
  static List<Map<String, Object>> of(Device device, Optional<Map<String, CheckReading>> latest, Messages messages) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ServiceCheck check : device.checks()) {
      Map<String, Object> row = new HashMap<>();
      row.put("name", check.name());
      row.put("kind", check.kind().name());
      row.put("target", CheckTargets.shown(device, check));
      Optional<CheckReading> reading = latest.map(found -> found.get(check.name()));
      row.put("label", reading.map(result -> result.ok() ? "ok" : "critical").orElse("unknown"));
      row.put("status", messages.text(latest.isEmpty() ? "ui.checks.unavailable.short"
          : reading.map(result -> result.ok() ? "ui.checks.ok" : "ui.checks.failed").orElse("ui.checks.none")));
      row.put("response", reading.flatMap(CheckReading::responseMs).map(ms -> messages.text("ui.checks.ms", ms)).orElse(""));
      row.put("details", reading.map(result -> details(result, messages)).orElse(""));
      row.put("message", reading.map(CheckReading::message).orElse(""));
      row.put("at", reading.map(result -> Pages.when(result.time(), messages)).orElse(null));
      rows.add(row);
    }
    return rows;
  }

  /** The per-kind figures that the result carries, e.g. "NTP-Abweichung 12,5 ms; Stratum 2". */
  private static String details(CheckReading reading, Messages messages) {
    List<String> parts = new ArrayList<>();
    reading.offsetMs().ifPresent(ms -> parts.add(messages.text("ui.checks.offset", ms)));
    reading.stratum().ifPresent(stratum -> parts.add(messages.text("ui.checks.stratum", stratum)));
    reading.replyCode().ifPresent(code -> parts.add(messages.text("ui.checks.reply", String.valueOf(code))));
    // Status 0: no HTTP answer came; the message says why.
    reading.statusCode().filter(code -> code > 0).ifPresent(code -> parts.add(messages.text("ui.checks.http", String.valueOf(code))));
    reading.certDaysLeft().ifPresent(days -> parts.add(messages.text("ui.checks.cert", days)));
    return String.join("; ", parts);
  }
}
