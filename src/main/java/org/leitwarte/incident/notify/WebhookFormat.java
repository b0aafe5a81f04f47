package org.leitwarte.incident.notify;

import java.net.URI;
import java.util.Locale;

/**
 * What a webhook expects. Named explicitly by the URL's fragment, which is never sent ({@code
 * https://chat.example/hooks/abc#slack}: {@code #teams}, {@code #matrix}, {@code #slack}, {@code
 * #json}), otherwise guessed from the URL.
 */
public enum WebhookFormat {
  /** Microsoft Teams incoming webhook or Workflows (Power Automate): a message with an Adaptive Card. */
  TEAMS,
  /** matrix-hookshot generic webhook: {@code {"text", "html"}}. */
  MATRIX,
  /** Slack incoming webhook, also Mattermost and Rocket.Chat: {@code {"text"}} in mrkdwn. */
  SLACK,
  /** Leitwarte's own JSON, signed with notify.webhook_secret. */
  JSON;

  public static WebhookFormat of(URI url) {
    String fragment = url.getFragment() == null ? "" : url.getFragment().strip().toLowerCase(Locale.ROOT);
    switch (fragment) {
      case "teams":
        return TEAMS;
      case "matrix", "hookshot":
        return MATRIX;
      case "slack", "mattermost", "rocketchat":
        return SLACK;
      case "json", "generic":
        return JSON;
      default:
        break;
    }
    String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
    String path = url.getPath() == null ? "" : url.getPath().toLowerCase(Locale.ROOT);
    if (host.endsWith(".webhook.office.com") || host.equals("outlook.office.com") || host.equals("outlook.office365.com")
        || host.endsWith(".logic.azure.com") || host.endsWith(".powerplatform.com")) {
      return TEAMS;
    }
    if (host.equals("hooks.slack.com") || path.contains("/hooks/")) {
      return SLACK;
    }
    if (host.contains("hookshot") || path.contains("/hookshot/") || host.startsWith("matrix.")) {
      return MATRIX;
    }
    return JSON;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
