package org.leitwarte.collect.icmp;

import io.netty.util.NetUtil;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A device address as fping gets it: a strict IPv4 or IPv6 literal. Anything else is refused before
 * fping sees it, because fping resolves names (DNS traffic, surprises) and reads inet_aton shorthand
 * such as {@code 127.1} or {@code 010.0.0.1} (octal) as some other address than the one meant.
 *
 * @param literal the text handed to fping, exactly as the inventory wrote it
 * @param key equal for two spellings of the same address ({@code ::1} and {@code 0:0:0:0:0:0:0:1}), so
 *     they share one fping target
 * @param ipv6 whether it is an IPv6 address
 */
record IcmpAddress(String literal, String key, boolean ipv6) {

  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");
  private static final Pattern IPV6_TEXT = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9_.-]+");

  IcmpAddress {
    Objects.requireNonNull(literal, "literal");
    Objects.requireNonNull(key, "key");
  }

  /**
   * Checks {@code text} and returns it as an fping target.
   *
   * @throws IllegalArgumentException with a message for the person who wrote the inventory
   */
  static IcmpAddress parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("the address is empty");
    }
    if (IPV4.matcher(text).matches()) {
      return new IcmpAddress(text, text, false);
    }
    if (DIGITS_AND_DOTS.matcher(text).matches()) {
      throw new IllegalArgumentException("'" + text
          + "' is not a valid IPv4 address: four decimal numbers 0-255 without leading zeros, like 192.0.2.10");
    }
    if (text.indexOf(':') >= 0) {
      return parseIpv6(text);
    }
    throw new IllegalArgumentException("'" + text
        + "' is not an IP address literal; host names are not resolved for ICMP, give the address");
  }

  private static IcmpAddress parseIpv6(String text) {
    int percent = text.indexOf('%');
    String address = percent < 0 ? text : text.substring(0, percent);
    String scope = percent < 0 ? "" : text.substring(percent + 1);
    if (!IPV6_TEXT.matcher(address).matches() || !NetUtil.isValidIpV6Address(address)
        || (percent >= 0 && !SCOPE.matcher(scope).matches())) {
      throw new IllegalArgumentException("'" + text + "' is not a valid IPv6 address (write it without brackets, "
          + "with an optional zone such as %eth0)");
    }
    byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
    if (bytes == null || bytes.length != 16) {
      throw new IllegalArgumentException("'" + text + "' is not a valid IPv6 address");
    }
    if (isIpv4Mapped(bytes)) {
      String ipv4 = (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
      throw new IllegalArgumentException("'" + text + "' is an IPv4-mapped IPv6 address, which fping cannot ping: use "
          + ipv4);
    }
    String key = HexFormat.of().formatHex(bytes) + (scope.isEmpty() ? "" : "%" + scope);
    return new IcmpAddress(text, key, true);
  }

  private static boolean isIpv4Mapped(byte[] bytes) {
    for (int i = 0; i < 10; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
  }
}
