package org.leitwarte.incident.notify;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message ids that make every mail about one incident one thread: each mail's own id is signed
 * ({@link ReplyTokens}, {@code <LW-42.nonce.sig@domain>}), and all of them refer to the same (never
 * sent) root {@code <LW-42@domain>} in In-Reply-To and References.
 */
final class MailThreading {

  private static final Pattern ADDRESS = Pattern.compile("<([^<>@\\s]+@[^<>\\s]+)>|([^\\s<>@]+@[^\\s<>]+)");

  private MailThreading() {}

  static String rootId(String reference, String domain) {
    return "<" + reference + "@" + domain + ">";
  }

  /** The domain of a From like {@code Leitwarte <leitwarte@kdo.example>}; {@code leitwarte.local} without one. */
  static String domainOf(String from) {
    String address = addressOf(from);
    int at = address.lastIndexOf('@');
    return at < 0 || at == address.length() - 1 ? "leitwarte.local" : address.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  /** The bare address of {@code Name <a@b>} or {@code a@b}; the text itself when it has none. */
  static String addressOf(String mailbox) {
    Matcher matcher = ADDRESS.matcher(mailbox);
    if (!matcher.find()) {
      return mailbox.strip();
    }
    return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
  }
}
