package org.leitwarte.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StoreUrlTest {

  private static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "jdbc:h2:file:/var/lib/leitwarte/db | jdbc:h2:file:/var/lib/leitwarte/db" + H2_SETTINGS,
        "jdbc:h2:file:/x;MODE=PostgreSQL | jdbc:h2:file:/x;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
        "jdbc:h2:file:/x;database_to_lower=false | jdbc:h2:file:/x;database_to_lower=false;MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE",
        "jdbc:h2:mem:test | jdbc:h2:mem:test" + H2_SETTINGS + ";DB_CLOSE_DELAY=-1",
      })
  void h2_urls_get_the_settings_that_make_sql_portable(String url, String jdbcUrl) {
    StoreUrl parsed = StoreUrl.parse(url);

    assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
    assertThat(parsed.dialect()).isEqualTo(Dialect.H2);
    assertThat(parsed.user()).isEmpty();
    assertThat(parsed.password()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "postgresql://leitwarte@127.0.0.1:5432/leitwarte | jdbc:postgresql://127.0.0.1:5432/leitwarte | leitwarte | ",
        "postgresql://lw:s%40cret@db.example/monitoring | jdbc:postgresql://db.example/monitoring | lw | s@cret",
        "jdbc:postgresql://127.0.0.1:5433/lw?sslmode=disable | jdbc:postgresql://127.0.0.1:5433/lw?sslmode=disable | | ",
        "jdbc:postgresql://u:p@[::1]:5432/lw | jdbc:postgresql://[::1]:5432/lw | u | p",
        "jdbc:postgresql://db/lw?user=lw&ssl=true&password=s%26cret | jdbc:postgresql://db/lw?ssl=true | lw | s&cret",
      })
  void postgresql_urls_are_split_into_jdbc_url_user_and_password(
      String url, String jdbcUrl, String user, String password) {
    StoreUrl parsed = StoreUrl.parse(url);

    assertThat(parsed.jdbcUrl()).isEqualTo(jdbcUrl);
    assertThat(parsed.user()).isEqualTo(Optional.ofNullable(user));
    assertThat(parsed.password()).isEqualTo(Optional.ofNullable(password));
    assertThat(parsed.dialect()).isEqualTo(Dialect.POSTGRESQL);
  }

  @Test
  void a_password_never_shows_in_to_string() {
    assertThat(StoreUrl.parse("postgresql://lw:hunter2@127.0.0.1/lw").toString())
        .isEqualTo("StoreUrl[jdbc:postgresql://127.0.0.1/lw, user=lw, password=******, POSTGRESQL]");
    assertThat(StoreUrl.parse("jdbc:postgresql://127.0.0.1/lw?user=lw&password=hunter2&ssl=true").toString())
        .isEqualTo("StoreUrl[jdbc:postgresql://127.0.0.1/lw?ssl=true, user=lw, password=******, POSTGRESQL]");
    assertThat(StoreUrl.parse("jdbc:h2:file:/x;PASSWORD=hunter2").toString()).doesNotContain("hunter2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql://127.0.0.1/lw", "postgresql://127.0.0.1", "postgresql:///lw", "/var/lib/db"})
  void other_urls_are_refused(String url) {
    assertThatThrownBy(() -> StoreUrl.parse(url)).isInstanceOf(IllegalArgumentException.class);
  }
}
