package org.leitwarte.web;

import java.net.URI;
import java.util.Optional;
import org.leitwarte.inventory.Device;
import org.leitwarte.inventory.ServiceCheck;

/**
 * What the API and the pages show of a service check's target: {@code address:port}, or the URL of an
 * HTTP(S) check without any user-info ({@code user:password@}), which must never reach an answer.
 */
public final class CheckTargets {

  private CheckTargets() {}

  /** The check's target as shown to people: {@code address:port} or the URL without user-info. */
  public static String shown(Device device, ServiceCheck check) {
    return url(check).orElseGet(() -> check.target(device.address()));
  }

  /** The URL of an HTTP(S) check without user-info; empty for other kinds. */
  public static Optional<String> url(ServiceCheck check) {
    return check.url().map(CheckTargets::withoutUserInfo);
  }

  /** How often the check runs: its own interval, else every poll of the device. */
  public static long intervalSeconds(Device device, ServiceCheck check) {
    return check.interval().orElse(device.interval()).toSeconds();
  }

  static String withoutUserInfo(URI url) {
    String authority = url.getRawAuthority();
    if (authority == null || !authority.contains("@")) {
      return url.toString();
    }
    StringBuilder shown = new StringBuilder();
    if (url.getScheme() != null) {
      shown.append(url.getScheme()).append(':');
    }
    shown.append("//").append(authority.substring(authority.lastIndexOf('@') + 1));
    if (url.getRawPath() != null) {
      shown.append(url.getRawPath());
    }
    if (url.getRawQuery() != null) {
      shown.append('?').append(url.getRawQuery());
    }
    if (url.getRawFragment() != null) {
      shown.append('#').append(url.getRawFragment());
    }
    return shown.toString();
  }
}
