package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookFormatTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(delimiter = '|', textBlock = """
      https://kdo.webhook.office.com/webhookb2/abc@def/IncomingWebhook/123/456           | TEAMS
      https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x | TEAMS
      https://default1234.56.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc | TEAMS
      https://hooks.slack.com/services/T000/B000/XXXX                                  | SLACK
      https://chat.kdo.example/hooks/3xuqbbyd5fbb5e                                   | SLACK
      https://rocket.kdo.example/hooks/abc/def                                        | SLACK
      https://matrix.kdo.example/hookshot/webhook/abcdef                              | MATRIX
      https://hookshot.kdo.example/webhook/abcdef                                     | MATRIX
      https://ticket.kdo.example/api/leitwarte                                        | JSON
      https://ticket.kdo.example/api/leitwarte#teams                                  | TEAMS
      https://chat.kdo.example/in/abc#matrix                                          | MATRIX
      https://chat.kdo.example/in/abc#Slack                                           | SLACK
      https://chat.kdo.example/hooks/abc#json                                         | JSON
      https://chat.kdo.example/in/abc#unknown                                         | JSON
      """)
  void format_comes_from_the_fragment_or_the_url(String url, WebhookFormat expected) {
    assertThat(WebhookFormat.of(URI.create(url))).isEqualTo(expected);
  }
}
