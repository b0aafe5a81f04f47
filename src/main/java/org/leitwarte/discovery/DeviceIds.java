package org.leitwarte.discovery;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Device ids for discovered devices: derived from sysName, as the inventory wants them ({@code
 * [a-z0-9][a-z0-9._-]*}), and unique. {@code Rathaus-Switch 1} becomes {@code rathaus-switch-1}, {@code
 * Bürgerbüro} {@code buergerbuero}; without a usable sysName the address names it ({@code host-192-0-2-7}).
 */
final class DeviceIds {

  /** Long enough for an FQDN's first labels, short enough for a table column. */
  static final int MAX_LENGTH = 63;

  private static final Pattern NOT_ALLOWED = Pattern.compile("[^a-z0-9._-]+");
  private static final Pattern LEADING = Pattern.compile("^[^a-z0-9]+");
  private static final Pattern TRAILING = Pattern.compile("[._-]+$");

  private DeviceIds() {}

  /** The id a device with this sysName (may be null) at this address would get, unique or not. */
  static String derive(String sysName, String address) {
    String id = sysName == null ? "" : clean(sysName);
    return id.isEmpty() ? clean("host-" + address.replace('.', '-').replace(':', '-')) : id;
  }

  /** {@code base}, or {@code base-2}, {@code base-3}, … : the first that is not {@code taken}. */
  static String unique(String base, Set<String> taken) {
    if (!taken.contains(base)) {
      return base;
    }
    for (int n = 2; ; n++) {
      String suffix = "-" + n;
      String candidate = base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
      if (!taken.contains(candidate)) {
        return candidate;
      }
    }
  }

  private static String clean(String text) {
    String id = text.strip().toLowerCase(Locale.ROOT)
        .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss");
    id = NOT_ALLOWED.matcher(id).replaceAll("-");
    id = LEADING.matcher(id).replaceAll("");
    if (id.length() > MAX_LENGTH) {
      id = id.substring(0, MAX_LENGTH);
    }
    return TRAILING.matcher(id).replaceAll("");
  }
}
