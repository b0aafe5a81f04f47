package org.leitwarte.collect.service;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.net.ntp.NTPUDPClient;
import org.apache.commons.net.ntp.NtpV3Packet;
import org.apache.commons.net.ntp.TimeInfo;

/**
 * Asks an NTP server for the time with Apache Commons Net (one mode-3 request) and reports the offset of
 * its clock from ours and its stratum. Blocking: runs on a worker thread.
 *
 * <p>A server that is not synchronised (stratum 0 "kiss-o'-death" or 16, leap indicator 3) answered,
 * but fails the check: its time is not to be trusted, and clients will refuse it.
 */
final class NtpProbe {

  private NtpProbe() {}

  /** @param address an IP literal (the inventory allows nothing else, so no DNS lookup happens) */
  static CheckResult run(String address, int port, Duration timeout) {
    NTPUDPClient client = new NTPUDPClient();
    client.setDefaultTimeout(timeout);
    long started = System.nanoTime();
    try {
      client.open();
      TimeInfo info = client.getTime(InetAddress.getByName(address), port);
      double responseMs = (System.nanoTime() - started) / 1e6;
      info.computeDetails();
      return judge(info, responseMs);
    } catch (SocketTimeoutException e) {
      return CheckResult.failed("no NTP answer within " + timeout.toMillis() + " ms (timed out)");
    } catch (IOException e) {
      return CheckResult.failed("NTP request failed: " + e.getMessage());
    } finally {
      client.close();
    }
  }

  static CheckResult judge(TimeInfo info, double responseMs) {
    NtpV3Packet message = info.getMessage();
    int stratum = message.getStratum();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("stratum", (long) stratum);
    Long offset = info.getOffset();
    if (offset != null) {
      fields.put("offset_ms", offset.doubleValue());
    }
    String reference = message.getReferenceIdString();
    if (stratum == 0) {
      return CheckResult.failed(Optional.of(responseMs), Map.of("stratum", 0L),
          "the server refuses to serve time (kiss-o'-death " + reference + ")");
    }
    if (stratum >= 16 || message.getLeapIndicator() == NtpV3Packet.LI_ALARM_CONDITION) {
      return CheckResult.failed(Optional.of(responseMs), fields, "the server's clock is not synchronised (stratum "
          + stratum + ", leap indicator " + message.getLeapIndicator() + ")");
    }
    if (offset == null) {
      return CheckResult.failed(Optional.of(responseMs), fields, "the answer carries no usable time stamps");
    }
    return CheckResult.passed(responseMs, fields, "stratum " + stratum + ", reference " + reference
        + ", offset " + offset + " ms");
  }
}
