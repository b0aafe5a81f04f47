package org.leitwarte.incident.notify;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.incident.Acknowledger;
import org.leitwarte.incident.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acknowledgement by e-mail reply (notify.imap): every {@code poll}, reads the unseen mail of the reply
 * mailbox and acknowledges an incident for a reply that comes from a known person's address, answers a
 * mail Leitwarte sent to that very person about that incident (a signed id of ours in In-Reply-To or
 * References, see {@link ReplyTokens}: a forged From alone acknowledges nothing) and starts with ACK
 * or ok.
 *
 * <p>Replies that name an incident are marked seen once handled, whatever came of them (unknown
 * sender, not an answer to a mail sent to that sender, no ACK, an auto-reply), so each is judged and
 * logged once; if the acknowledgement itself fails (the store is away) the reply stays unseen and is
 * tried again. Mail that names no incident is left unseen for the people who may share the mailbox,
 * and remembered so it is read only once.
 */
public final class ImapReplyPoller {

  private static final Logger LOG = LoggerFactory.getLogger(ImapReplyPoller.class);

  /** How many UIDs of unrelated mail are remembered before the memory starts over. */
  private static final int MAX_REMEMBERED = 10_000;

  /**
   * What one poll did.
   *
   * @param replies unseen mails that named an incident
   * @param acknowledged incidents acknowledged by them
   */
  public record PollOutcome(int replies, int acknowledged) {}

  private record Received(long uid, MailReply reply) {}

  private final Vertx vertx;
  private final LeitwarteConfig.Notify.Imap config;
  private final ImapMailbox mailbox;
  private final Function<String, Optional<Person>> peopleByEmail;
  private final Acknowledger acknowledger;
  private final ReplyTokens tokens;

  private final Set<Long> unrelated = new HashSet<>();
  private long unrelatedValidity = -1;
  private Future<PollOutcome> running;
  private boolean stopped = true;
  private long timer = -1;

  /**
   * @param peopleByEmail the person with that mail address (lower case), e.g. {@link #byEmail}
   * @param replyKey the key the e-mails' message ids were signed with ({@link NotificationDispatcher#create})
   */
  public ImapReplyPoller(
      Vertx vertx, LeitwarteConfig.Notify.Imap config, Function<String, Optional<Person>> peopleByEmail,
      Acknowledger acknowledger, byte[] replyKey) {
    this.tokens = new ReplyTokens(replyKey);
    this.vertx = vertx;
    this.config = config;
    this.mailbox = new ImapMailbox(config);
    this.peopleByEmail = peopleByEmail;
    this.acknowledger = acknowledger;
  }

  /** Looks people up by their mail address, ignoring case. */
  public static Function<String, Optional<Person>> byEmail(Collection<Person> people) {
    Map<String, Person> byAddress = people.stream()
        .filter(person -> person.email().isPresent())
        .collect(Collectors.toMap(person -> person.email().get().strip().toLowerCase(Locale.ROOT), person -> person, (a, b) -> a));
    return address -> Optional.ofNullable(byAddress.get(address.strip().toLowerCase(Locale.ROOT)));
  }

  /** Polls now and then every {@code poll}, the next one only after the last has ended. */
  public synchronized void start() {
    if (!stopped) {
      return;
    }
    stopped = false;
    LOG.info("reading replies to notifications from {} every {} ms", mailbox.where(), config.poll().toMillis());
    pollOnce().onComplete(done -> scheduleNext());
  }

  /** Stops polling; completes when a poll under way has ended. */
  public synchronized Future<Void> stop() {
    stopped = true;
    if (timer >= 0) {
      vertx.cancelTimer(timer);
      timer = -1;
    }
    return running == null ? Future.succeededFuture() : running.<Void>mapEmpty().otherwiseEmpty();
  }

  private synchronized void scheduleNext() {
    if (!stopped) {
      timer = vertx.setTimer(Math.max(1, config.poll().toMillis()), id -> pollOnce().onComplete(done -> scheduleNext()));
    }
  }

  /** One poll; while one runs, asking again gives that one. Fails when the mailbox cannot be read. */
  public synchronized Future<PollOutcome> pollOnce() {
    if (running != null) {
      return running;
    }
    Future<PollOutcome> poll = vertx.executeBlocking(this::readReplies)
        .compose(this::handleAll)
        .onFailure(error -> LOG.warn("reply mailbox {}: {}", mailbox.where(), error.getMessage()));
    running = poll;
    poll.onComplete(done -> finished());
    return poll;
  }

  private synchronized void finished() {
    running = null;
  }

  /** Blocking: the unseen mail that names an incident; what names none is remembered and skipped. */
  private List<Received> readReplies() throws IOException {
    Set<Long> skip;
    synchronized (this) {
      skip = Set.copyOf(unrelated);
    }
    ImapMailbox.Unseen unseen = mailbox.unseen(skip);
    List<Received> replies = new ArrayList<>();
    synchronized (this) {
      if (unseen.uidValidity() != unrelatedValidity || unrelated.size() > MAX_REMEMBERED) {
        unrelated.clear();
        unrelatedValidity = unseen.uidValidity();
      }
      for (ImapMailbox.Message message : unseen.messages()) {
        MailReply reply = MailReply.of(message.raw());
        if (reply.incident().isEmpty()) {
          LOG.debug("reply mailbox: message {} names no incident; left unread", message.uid());
          unrelated.add(message.uid());
        } else {
          replies.add(new Received(message.uid(), reply));
        }
      }
    }
    return replies;
  }

  private Future<PollOutcome> handleAll(List<Received> replies) {
    List<Long> seen = new ArrayList<>();
    int[] acknowledged = {0};
    Future<Void> chain = Future.succeededFuture();
    for (Received received : replies) {
      chain = chain.compose(previous -> handle(received).map(done -> {
        if (done.markSeen()) {
          seen.add(received.uid());
        }
        if (done.acknowledged()) {
          acknowledged[0]++;
        }
        return null;
      }));
    }
    return chain
        .compose(done -> vertx.executeBlocking(() -> {
          mailbox.markSeen(seen);
          return null;
        }))
        .map(done -> new PollOutcome(replies.size(), acknowledged[0]));
  }

  private record Handled(boolean acknowledged, boolean markSeen) {}

  private Future<Handled> handle(Received received) {
    MailReply reply = received.reply();
    String reference = "LW-" + reply.incident().orElseThrow();
    String sender = reply.sender().orElse("(no sender)");
    if (reply.automatic()) {
      LOG.info("{}: automatic reply from {} ignored", reference, sender);
      return Future.succeededFuture(new Handled(false, true));
    }
    Optional<Person> person = reply.sender().flatMap(peopleByEmail);
    if (person.isEmpty()) {
      LOG.info("{}: reply from {}, who is nobody on call, acknowledges nothing", reference, sender);
      return Future.succeededFuture(new Handled(false, true));
    }
    Optional<Long> answered = tokens.answeredIncident(reply.threadHeaders(), person.get().id());
    if (answered.isEmpty()) {
      LOG.info("{}: reply from {} answers no mail Leitwarte sent to {}; nothing acknowledged", reference, sender, person.get().id());
      return Future.succeededFuture(new Handled(false, true));
    }
    // The signed id decides, not what the subject or another reference claims.
    String incident = "LW-" + answered.get();
    if (!reply.acknowledges()) {
      LOG.info("{}: reply from {} does not start with ACK or ok; nothing acknowledged", incident, person.get().id());
      return Future.succeededFuture(new Handled(false, true));
    }
    return acknowledge(answered.get(), person.get())
        .map(outcome -> {
          LOG.info("{}: e-mail reply from {}: {}", incident, person.get().id(), outcome.name().toLowerCase(Locale.ROOT));
          return new Handled(outcome == Acknowledger.Outcome.ACKNOWLEDGED, true);
        })
        .otherwise(error -> {
          LOG.warn("{}: e-mail reply from {} could not be taken ({}); trying again at the next poll",
              incident, person.get().id(), DeliveryFailure.describe(error));
          return new Handled(false, false);
        });
  }

  private Future<Acknowledger.Outcome> acknowledge(long incident, Person person) {
    try {
      return acknowledger.acknowledge(incident, person.id(), "email");
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
