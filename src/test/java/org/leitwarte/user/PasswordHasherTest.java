package org.leitwarte.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher();

  private static byte[] repeated(int value, int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  @Test
  void argon2id_gives_the_tag_of_the_test_vector_in_rfc_9106() {
    // RFC 9106, section 5.3: 32 KiB, 3 passes, 4 lanes, with secret and associated data.
    byte[] tag = PasswordHasher.argon2id(repeated(1, 32), repeated(2, 16), 32, 3, 4, 32, repeated(3, 8), repeated(4, 12));

    assertThat(HexFormat.of().formatHex(tag)).isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void argon2id_gives_the_hash_of_the_reference_implementations_test() {
    // phc-winner-argon2, src/test.c: argon2id, t=2, m=2^16 KiB, p=1, "password", "somesalt".
    byte[] hash = PasswordHasher.argon2id("password".getBytes(StandardCharsets.UTF_8),
        "somesalt".getBytes(StandardCharsets.UTF_8), 1 << 16, 2, 1, 32);

    assertThat(HexFormat.of().formatHex(hash)).isEqualTo("09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7");
  }

  @Test
  void a_reference_phc_string_is_read_and_checked() {
    String reference = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";

    assertThat(hasher.matches("password", reference)).isTrue();
    assertThat(hasher.matches("Password", reference)).isFalse();
  }

  @Test
  void a_hash_is_a_phc_string_with_owasp_parameters_and_a_fresh_salt() {
    String first = hasher.hash("korrekt pferd batterie");
    String second = hasher.hash("korrekt pferd batterie");

    assertThat(first).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(first).isNotEqualTo(second);
    assertThat(hasher.matches("korrekt pferd batterie", first)).isTrue();
    assertThat(hasher.matches("korrekt pferd batteriE", first)).isFalse();
  }

  @Test
  void something_that_is_not_a_phc_string_matches_no_password() {
    assertThat(hasher.matches("", "")).isFalse();
    assertThat(hasher.matches("secret", "$2a$10$bcryptlooksdifferent")).isFalse();
  }

  @Test
  void passwords_shorter_than_twelve_characters_are_refused() {
    assertThatThrownBy(() -> PasswordHasher.checkStrength("elf zeichen")).hasMessage("password: must have at least 12 characters");
    PasswordHasher.checkStrength("zwölf zeiche");
  }
}
