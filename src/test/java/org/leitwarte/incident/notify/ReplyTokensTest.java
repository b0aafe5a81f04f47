package org.leitwarte.incident.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTokensTest {

  static final byte[] KEY = key(7);

  private final ReplyTokens tokens = new ReplyTokens(KEY);

  @Test
  void id_answered_by_the_person_it_was_sent_to_names_its_incident() {
    String id = tokens.messageId("LW-42", "mmueller", "kdo.example");

    assertThat(id).matches("<LW-42\\.[A-Za-z0-9_-]{12}\\.[A-Za-z0-9_-]{22}@kdo\\.example>");
    assertThat(tokens.answeredIncident(List.of(id), "mmueller")).contains(42L);
  }

  @Test
  void id_does_not_show_whom_it_was_sent_to_and_is_new_for_every_mail() {
    String first = tokens.messageId("LW-42", "mmueller", "kdo.example");
    String second = tokens.messageId("LW-42", "mmueller", "kdo.example");

    assertThat(first).doesNotContainIgnoringCase("mmueller").isNotEqualTo(second);
  }

  @Test
  void id_sent_to_another_person_acknowledges_nothing() {
    String id = tokens.messageId("LW-42", "mmueller", "kdo.example");

    assertThat(tokens.answeredIncident(List.of(id), "jsmith")).isEmpty();
  }

  @Test
  void id_moved_to_another_incident_acknowledges_nothing() {
    String id = tokens.messageId("LW-42", "mmueller", "kdo.example");

    assertThat(tokens.answeredIncident(List.of(id.replace("LW-42.", "LW-43.")), "mmueller")).isEmpty();
    assertThat(tokens.answeredIncident(List.of(id.replace("LW-42.", "LW-042.")), "mmueller")).isEmpty();
  }

  @Test
  void altered_signature_or_nonce_acknowledges_nothing() {
    String id = tokens.messageId("LW-42", "mmueller", "kdo.example");
    int sigStart = id.indexOf('@') - 22;
    int nonceStart = id.indexOf('.') + 1;

    assertThat(tokens.answeredIncident(List.of(flip(id, sigStart)), "mmueller")).isEmpty();
    assertThat(tokens.answeredIncident(List.of(flip(id, nonceStart)), "mmueller")).isEmpty();
  }

  @Test
  void id_signed_with_another_key_acknowledges_nothing() {
    String id = new ReplyTokens(key(8)).messageId("LW-42", "mmueller", "kdo.example");

    assertThat(tokens.answeredIncident(List.of(id), "mmueller")).isEmpty();
  }

  @Test
  void root_id_and_subject_style_references_acknowledge_nothing() {
    assertThat(tokens.answeredIncident(List.of("<LW-42@kdo.example>", "Re: [LW-42]"), "mmueller")).isEmpty();
  }

  @Test
  void signed_id_among_other_references_is_found() {
    String id = tokens.messageId("LW-42", "mmueller", "kdo.example");

    assertThat(tokens.answeredIncident(List.of("<CAF00@mail.example>", "<LW-42@kdo.example>\r\n " + id), "mmueller"))
        .contains(42L);
  }

  @Test
  void short_key_is_refused() {
    assertThatThrownBy(() -> new ReplyTokens(new byte[16])).hasMessageContaining("32 bytes");
  }

  static byte[] key(int fill) {
    byte[] key = new byte[32];
    Arrays.fill(key, (byte) fill);
    return key;
  }

  private static String flip(String id, int at) {
    char replacement = id.charAt(at) == 'A' ? 'B' : 'A';
    return id.substring(0, at) + replacement + id.substring(at + 1);
  }
}
