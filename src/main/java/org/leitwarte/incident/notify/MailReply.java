package org.leitwarte.incident.notify;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a mail in the reply mailbox says: which incident it claims to answer (the {@code LW-<id>} in
 * In-Reply-To, References or Subject), who sent it, and whether the first line the sender wrote
 * starts with ACK or ok. The claim is only good for sorting and logging; what counts is a signed id
 * in {@code threadHeaders} ({@link ReplyTokens}).
 *
 * @param threadHeaders the In-Reply-To and References headers as they came, in that order
 * @param automatic an auto-reply (Auto-Submitted other than {@code no}): never an acknowledgement
 */
record MailReply(
    Optional<Long> incident, Optional<String> sender, List<String> threadHeaders, boolean acknowledges, boolean automatic) {

  MailReply {
    threadHeaders = List.copyOf(threadHeaders);
  }

  private static final Pattern REFERENCE = Pattern.compile("(?i)(?<![\\w-])LW-(\\d{1,18})(?![\\p{L}\\p{N}_])");
  /** ACK, Ack., acknowledged; ok, OK!, okay; not "Oktober" or "oki". */
  private static final Pattern ACK = Pattern.compile("(?i)^(ack\\p{L}*|ok|okay)(?![\\p{L}\\p{N}]).*");

  static MailReply of(RawMail mail) {
    Optional<Long> incident = reference(mail.header("In-Reply-To"))
        .or(() -> reference(mail.header("References")))
        .or(() -> reference(mail.decodedHeader("Subject")));
    Optional<String> sender = mail.decodedHeader("From")
        .map(MailThreading::addressOf)
        .filter(address -> address.contains("@"))
        .map(address -> address.toLowerCase(Locale.ROOT));
    String autoSubmitted = mail.header("Auto-Submitted").orElse("no").strip().toLowerCase(Locale.ROOT);
    boolean automatic = !autoSubmitted.startsWith("no");
    List<String> threadHeaders = Stream.of(mail.header("In-Reply-To"), mail.header("References"))
        .flatMap(Optional::stream)
        .toList();
    boolean acknowledges = mail.text().flatMap(MailReply::firstOwnLine).map(line -> ACK.matcher(line).matches()).orElse(false);
    return new MailReply(incident, sender, threadHeaders, acknowledges, automatic);
  }

  static MailReply of(String raw) {
    return of(RawMail.parse(raw));
  }

  private static Optional<Long> reference(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    Matcher matcher = REFERENCE.matcher(header.get());
    return matcher.find() ? Optional.of(Long.parseLong(matcher.group(1))) : Optional.empty();
  }

  /** The first line that is neither empty nor quoted ({@code >}). */
  static Optional<String> firstOwnLine(String text) {
    for (String line : text.split("\\R")) {
      String stripped = line.replace('\u00a0', ' ').replace("\ufeff", "").strip();
      if (!stripped.isEmpty() && !stripped.startsWith(">")) {
        return Optional.of(stripped);
      }
    }
    return Optional.empty();
  }
}
