package org.leitwarte.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads the {@code incidents:} and {@code notify:} sections of {@code leitwarte.yaml}. */
final class NotifyConfigReader {

  private final Map<String, String> environment;

  NotifyConfigReader(Map<String, String> environment) {
    this.environment = environment;
  }

  LeitwarteConfig.Incidents incidents(YamlMap incidents) {
    return new LeitwarteConfig.Incidents(
        incidents.optional("public_url", NotifyConfigReader::httpUrl),
        incidents.optionalSecret("link_secret", environment),
        incidents.duration("link_validity", Duration.ofHours(24), Duration.ofMinutes(1)));
  }

  LeitwarteConfig.Notify notify(YamlMap notify) {
    Optional<LeitwarteConfig.Notify.Email> email = notify.optionalMap("email").map(this::email);
    Optional<org.leitwarte.config.Secret> webhookSecret = notify.optionalSecret("webhook_secret", environment);
    Optional<LeitwarteConfig.Notify.Sms> sms = notify.optionalMap("sms").map(this::sms);
    YamlMap limit = notify.map("rate_limit");
    LeitwarteConfig.Notify.RateLimit rateLimit = new LeitwarteConfig.Notify.RateLimit(
        limit.integer("per_person", 1, 10_000, 10), limit.duration("window", Duration.ofMinutes(10), Duration.ofSeconds(1)));
    limit.finish();
    YamlMap retries = notify.map("retries");
    LeitwarteConfig.Notify.Retries retry = new LeitwarteConfig.Notify.Retries(
        retries.integer("attempts", 1, 100, 5),
        retries.duration("first_delay", Duration.ofSeconds(5), Duration.ofMillis(1)),
        retries.duration("max_delay", Duration.ofMinutes(5), Duration.ofMillis(1)));
    retries.finish();
    Optional<LeitwarteConfig.Notify.Imap> imap = notify.optionalMap("imap").map(this::imap);
    return new LeitwarteConfig.Notify(email, webhookSecret, sms, rateLimit, retry, imap);
  }

  private LeitwarteConfig.Notify.Email email(YamlMap email) {
    boolean tls = email.bool("tls", false);
    LeitwarteConfig.Notify.Email result = new LeitwarteConfig.Notify.Email(
        email.string("host"),
        email.integer("port", 1, 65535, tls ? 465 : 25),
        tls,
        email.value("starttls", NotifyConfigReader::startTls, LeitwarteConfig.Notify.StartTls.OPTIONAL),
        email.optionalString("username"),
        email.optionalSecret("password", environment),
        email.string("from", "Leitwarte <leitwarte@localhost>"));
    email.finish();
    return result;
  }

  private LeitwarteConfig.Notify.Sms sms(YamlMap sms) {
    LeitwarteConfig.Notify.Sms result = new LeitwarteConfig.Notify.Sms(
        sms.string("url"),
        sms.value("method", text -> {
          String method = text.strip().toUpperCase(Locale.ROOT);
          if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("expected GET or POST, got '" + text.strip() + "'");
          }
          return method;
        }, "POST"),
        sms.optionalString("body"),
        sms.has("headers") ? sms.stringMap("headers", key -> Optional.empty()) : Map.of(),
        sms.optionalSecret("token", environment));
    sms.finish();
    return result;
  }

  private LeitwarteConfig.Notify.Imap imap(YamlMap imap) {
    boolean tls = imap.bool("tls", true);
    LeitwarteConfig.Notify.Imap result = new LeitwarteConfig.Notify.Imap(
        imap.string("host"),
        imap.integer("port", 1, 65535, tls ? 993 : 143),
        tls,
        imap.string("username"),
        imap.optionalSecret("password", environment).orElseGet(() -> {
          imap.missing("password", "the mailbox password, e.g. \"${env:LEITWARTE_IMAP_PASSWORD}\"");
          return Secret.of("");
        }),
        imap.string("folder", "INBOX"),
        imap.duration("poll", Duration.ofSeconds(30), Duration.ofSeconds(1)));
    imap.finish();
    return result;
  }

  private static LeitwarteConfig.Notify.StartTls startTls(String text) {
    try {
      return LeitwarteConfig.Notify.StartTls.valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("expected disabled, optional or required, got '" + text.strip() + "'");
    }
  }

  private static URI httpUrl(String text) {
    try {
      URI uri = new URI(text.strip());
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new IllegalArgumentException("expected an http or https URL like https://leitwarte.example.org, got '" + text.strip() + "'");
  }
}
