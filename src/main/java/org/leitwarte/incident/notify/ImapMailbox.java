package org.leitwarte.incident.notify;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.net.imap.IMAPClient;
import org.apache.commons.net.imap.IMAPSClient;
import org.leitwarte.config.LeitwarteConfig;

/**
 * The reply mailbox through Apache Commons Net: blocking, so only ever called off the event loop, one
 * session at a time. Messages are fetched with BODY.PEEK, so reading does not mark them seen.
 */
final class ImapMailbox {

  /** One unseen message: its UID and its raw text (one char per byte). */
  record Message(long uid, String raw) {}

  /** The unseen messages, and the UIDVALIDITY their UIDs belong to. */
  record Unseen(long uidValidity, List<Message> messages) {}

  /** A reply with a huge attachment is read in part: the text comes first. */
  private static final int MAX_BYTES = 1 << 20;
  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
  private static final int READ_TIMEOUT_MILLIS = 30_000;

  private static final Pattern LITERAL = Pattern.compile("\\{(\\d+)}$");
  private static final Pattern UID_VALIDITY = Pattern.compile("\\[UIDVALIDITY (\\d+)]");

  private final LeitwarteConfig.Notify.Imap config;

  ImapMailbox(LeitwarteConfig.Notify.Imap config) {
    this.config = config;
  }

  String where() {
    return config.username() + " at " + config.host() + ":" + config.port() + "/" + config.folder();
  }

  /** Unseen messages, except those whose UIDs are in {@code skip} (already looked at). */
  Unseen unseen(Set<Long> skip) throws IOException {
    IMAPClient client = open();
    try {
      long uidValidity = select(client, false);
      check(client, client.uid("SEARCH", "UNSEEN"), "search unseen messages");
      List<Long> uids = new ArrayList<>();
      for (String line : client.getReplyStrings()) {
        if (line.startsWith("* SEARCH")) {
          for (String uid : line.substring("* SEARCH".length()).trim().split("\\s+")) {
            if (!uid.isEmpty()) {
              uids.add(Long.parseLong(uid));
            }
          }
        }
      }
      List<Message> messages = new ArrayList<>();
      for (long uid : uids) {
        if (!skip.contains(uid)) {
          check(client, client.uid("FETCH", uid + " (BODY.PEEK[]<0." + MAX_BYTES + ">)"), "fetch message " + uid);
          messages.add(new Message(uid, literal(client.getReplyStrings())));
        }
      }
      return new Unseen(uidValidity, messages);
    } finally {
      close(client);
    }
  }

  void markSeen(Collection<Long> uids) throws IOException {
    if (uids.isEmpty()) {
      return;
    }
    IMAPClient client = open();
    try {
      select(client, true);
      String set = uids.stream().map(String::valueOf).collect(Collectors.joining(","));
      check(client, client.uid("STORE", set + " +FLAGS.SILENT (\\Seen)"), "mark messages seen");
    } finally {
      close(client);
    }
  }

  private IMAPClient open() throws IOException {
    IMAPClient client;
    if (config.tls()) {
      IMAPSClient secure = new IMAPSClient(true);
      secure.setEndpointCheckingEnabled(true);
      client = secure;
    } else {
      client = new IMAPClient();
    }
    client.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
    client.setDefaultTimeout(READ_TIMEOUT_MILLIS);
    client.connect(config.host(), config.port());
    client.setSoTimeout(READ_TIMEOUT_MILLIS);
    if (!client.login(config.username(), config.password().reveal())) {
      String reply = client.getReplyString().strip();
      close(client);
      throw new IOException("IMAP login as " + config.username() + " at " + config.host() + ":" + config.port() + " refused: " + reply);
    }
    return client;
  }

  /** Selects the folder (read-only when only reading) and returns its UIDVALIDITY (0 when not told). */
  private long select(IMAPClient client, boolean writable) throws IOException {
    check(client, writable ? client.select(config.folder()) : client.examine(config.folder()), "open folder " + config.folder());
    for (String line : client.getReplyStrings()) {
      Matcher matcher = UID_VALIDITY.matcher(line);
      if (matcher.find()) {
        return Long.parseLong(matcher.group(1));
      }
    }
    return 0;
  }

  private void check(IMAPClient client, boolean ok, String what) throws IOException {
    if (!ok) {
      throw new IOException("IMAP " + where() + ": cannot " + what + ": " + client.getReplyString().strip());
    }
  }

  /** The message in a FETCH answer: the literal {@code {n}} announced, n chars after its line. */
  static String literal(String[] lines) {
    for (int i = 0; i < lines.length; i++) {
      Matcher matcher = LITERAL.matcher(lines[i]);
      if (matcher.find()) {
        int size = Integer.parseInt(matcher.group(1));
        StringBuilder text = new StringBuilder(size + 2);
        for (int j = i + 1; j < lines.length && text.length() < size; j++) {
          text.append(lines[j]).append("\r\n");
        }
        return text.length() <= size ? text.toString() : text.substring(0, size);
      }
    }
    return "";
  }

  private static void close(IMAPClient client) {
    try {
      if (client.isConnected()) {
        client.logout();
      }
    } catch (IOException e) {
      // The session is over either way.
    }
    try {
      client.disconnect();
    } catch (IOException e) {
      // Nothing left to release.
    }
  }
}
