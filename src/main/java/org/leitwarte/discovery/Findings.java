package org.leitwarte.discovery;

import java.util.List;

/**
 * What one sweep found, before anything is proposed.
 *
 * @param addresses every address swept, in order
 * @param pinged the addresses that answered ping, in sweep order
 * @param answers the addresses among them whose agent answered one of the credentials, in sweep order
 */
public record Findings(List<String> addresses, List<String> pinged, List<SnmpAnswer> answers) {

  public Findings {
    addresses = List.copyOf(addresses);
    pinged = List.copyOf(pinged);
    answers = List.copyOf(answers);
  }
}
