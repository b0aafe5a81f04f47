package org.leitwarte.incident.notify;

import io.vertx.core.net.TrustOptions;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.StartTLSOptions;
import java.util.Optional;
import org.leitwarte.config.LeitwarteConfig;

/** The Vert.x mail client's settings from {@code notify.email}: for incident mails and ticket mails alike. */
public final class SmtpSettings {

  private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

  private SmtpSettings() {}

  /** The password is resolved here and goes only to the client, never to a log. */
  public static MailConfig of(LeitwarteConfig.Notify.Email config, Optional<TrustOptions> trust) {
    MailConfig mail = new MailConfig()
        .setHostname(config.host())
        .setPort(config.port())
        .setSsl(config.tls())
        .setStarttls(config.tls() ? StartTLSOptions.DISABLED : switch (config.startTls()) {
          case DISABLED -> StartTLSOptions.DISABLED;
          case OPTIONAL -> StartTLSOptions.OPTIONAL;
          case REQUIRED -> StartTLSOptions.REQUIRED;
        })
        .setConnectTimeout(CONNECT_TIMEOUT_MILLIS)
        .setHostnameVerificationAlgorithm("HTTPS");
    trust.ifPresent(mail::setTrustOptions);
    if (config.username().isPresent()) {
      mail.setLogin(LoginOption.REQUIRED)
          .setUsername(config.username().get())
          .setPassword(config.password().map(secret -> secret.reveal()).orElse(""));
    } else {
      mail.setLogin(LoginOption.DISABLED);
    }
    return mail;
  }
}
