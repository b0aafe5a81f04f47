package org.leitwarte.incident.notify;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders a notification for a channel from the Mustache templates in {@code
 * org/leitwarte/incident/notify/<language>/}: the words live there, not in code. Templates are
 * compiled strictly (a variable the model lacks is an error, caught by the tests for every kind and
 * language) and cached.
 */
public final class NotificationTexts {

  /** What a template produces; each has its own escaping. */
  public enum Format {
    /** E-mail subject, one line. */
    SUBJECT("subject", Escapers.NONE),
    /** Plain text: the e-mail's text part, the generic JSON's {@code text}, Matrix's fallback. */
    TEXT("text", Escapers.NONE),
    /** An HTML fragment: Matrix's {@code html}; the e-mail's HTML part wraps it. */
    HTML("html", Escapers.HTML),
    /** The e-mail's HTML part, a whole document. */
    EMAIL_HTML("email-html", Escapers.HTML),
    /** A short SMS, at most {@link #SMS_LIMIT} characters. */
    SMS("sms", Escapers.NONE),
    /** Slack {@code mrkdwn} (Mattermost and Rocket.Chat read it too): only &, < and > are escaped. */
    SLACK("slack", Escapers.simple(new String[][] {{"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}})),
    /** A Microsoft Teams message with an Adaptive Card, as JSON. */
    TEAMS("teams", JsonText::escape);

    private final String template;
    private final Mustache.Escaper escaper;

    Format(String template, Mustache.Escaper escaper) {
      this.template = template;
      this.escaper = escaper;
    }
  }

  public static final int SMS_LIMIT = 300;

  private static final String ROOT = "/org/leitwarte/incident/notify/";

  private final Clock clock;
  private final PlaceNames names;
  private final Map<String, Template> templates = new ConcurrentHashMap<>();

  public NotificationTexts(Clock clock) {
    this(clock, PlaceNames.NONE);
  }

  public NotificationTexts(Clock clock, PlaceNames names) {
    this.clock = clock;
    this.names = names;
  }

  public String render(Format format, Envelope envelope) {
    return render(format, envelope, Map.of());
  }

  /**
   * @param extras further flags for the templates, e.g. {@code replyAcknowledges} when replies to the
   *     e-mail are read
   */
  public String render(Format format, Envelope envelope, Map<String, Object> extras) {
    Map<String, Object> model = MessageModel.of(envelope, clock.instant(), names);
    model.putAll(extras);
    String language = (String) model.get("language");
    return switch (format) {
      case SUBJECT -> ResourceTemplates.oneLine(execute(format, language, model));
      case TEXT -> ResourceTemplates.tidy(execute(format, language, model));
      case SMS -> sms(language, model);
      default -> execute(format, language, model);
    };
  }

  /** The SMS, its headline shortened until it fits; cut hard only if even that is not enough. */
  private String sms(String language, Map<String, Object> model) {
    String text = ResourceTemplates.oneLine(execute(Format.SMS, language, model));
    if (text.length() <= SMS_LIMIT) {
      return text;
    }
    String headline = (String) model.get("headline");
    int keep = Math.max(20, headline.length() - (text.length() - SMS_LIMIT) - 1);
    if (keep < headline.length()) {
      Map<String, Object> shorter = new HashMap<>(model);
      shorter.put("headline", headline.substring(0, keep).strip() + "…");
      text = ResourceTemplates.oneLine(execute(Format.SMS, language, shorter));
    }
    return text.length() <= SMS_LIMIT ? text : text.substring(0, SMS_LIMIT - 1) + "…";
  }

  private String execute(Format format, String language, Map<String, Object> model) {
    return templates.computeIfAbsent(language + "/" + format.template, key -> compile(format, language)).execute(model);
  }

  private static Template compile(Format format, String language) {
    Mustache.Compiler compiler = Mustache.compiler().withEscaper(format.escaper).emptyStringIsFalse(true).zeroIsFalse(true);
    return ResourceTemplates.compile(compiler, ROOT, language, format.template, "notification template");
  }
}
