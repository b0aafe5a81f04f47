package org.leitwarte.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks that a device address is an IPv4 or IPv6 literal, without ever asking DNS: host names are
 * refused before anything could resolve them.
 */
public final class AddressLiteral {

  private static final Pattern IPV4 =
      Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");

  private AddressLiteral() {}

  /**
   * Returns the address as written (trimmed) when it is an IP literal.
   *
   * @throws IllegalArgumentException with a message for the user otherwise
   */
  public static String parse(String text) {
    String address = text.strip();
    if (IPV4.matcher(address).matches()) {
      return address;
    }
    if (address.contains(":") && IPV6_CHARACTERS.matcher(address).matches() && isIpv6(address)) {
      return address;
    }
    if (address.matches("[0-9.]+") || address.contains(":")) {
      throw new IllegalArgumentException("'" + address + "' is not a valid IPv4 or IPv6 address");
    }
    throw new IllegalArgumentException(
        "'" + address + "' is not an IP address (host names are not supported yet; write the IPv4 or IPv6 address)");
  }

  /**
   * Only reached for strings of hex digits, colons and dots that contain a colon and start with a hex
   * digit or colon: for those the JDK parses the literal itself and never performs a lookup.
   */
  private static boolean isIpv6(String address) {
    try {
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
