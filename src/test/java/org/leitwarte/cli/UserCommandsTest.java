package org.leitwarte.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code leitwarte user …} and {@code leitwarte token …} on an embedded H2 store, as an administrator bootstraps. */
class UserCommandsTest {

  @TempDir Path dir;
  private Path config;

  record Outcome(int exit, String out, String err) {}

  @BeforeEach
  void writeConfig() throws Exception {
    Files.writeString(dir.resolve("inventory.yaml"), "tenants: []\n");
    config = dir.resolve("leitwarte.yaml");
    Files.writeString(config, """
        store: {url: "jdbc:h2:file:./data/leitwarte"}
        influx: {url: "http://127.0.0.1:8086", database: leitwarte}
        spool: {dir: ./data/spool}
        inventory: [inventory.yaml]
        """);
  }

  private static Outcome run(String stdin, String... args) {
    InputStream before = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      var commandLine = LeitwarteCommand.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      return new Outcome(commandLine.execute(args), out.toString(), err.toString());
    } finally {
      System.setIn(before);
    }
  }

  @Test
  void an_administrator_is_added_given_a_token_which_is_then_revoked() {
    Outcome add = run("ein sehr geheimes Passwort\n", "user", "add", "--config", config.toString(), "--name", "mmueller",
        "--role", "admin", "--email", "mmueller@kdo.test", "--password-stdin");
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).isEqualTo("User mmueller added (admin).\n");

    Outcome token = run("", "token", "create", "--config", config.toString(), "--user", "mmueller", "--name", "laptop");
    assertThat(token.exit()).as(token.err()).isZero();
    assertThat(token.out()).matches("lw_[A-Za-z0-9_-]{43}\n");
    assertThat(token.err()).contains("Token 1 for mmueller created", "not shown again");

    Outcome list = run("", "token", "list", "--config", config.toString());
    assertThat(list.out()).contains("laptop").doesNotContain(token.out().strip());

    assertThat(run("", "token", "revoke", "--config", config.toString(), "--id", "1").out()).isEqualTo("Token 1 revoked.\n");
    Outcome again = run("", "token", "revoke", "--config", config.toString(), "--id", "7");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("id: no token 7");
  }

  @Test
  void users_are_listed_and_disabled() {
    run("ein sehr geheimes Passwort\n", "user", "add", "--config", config.toString(), "--name", "tbecker", "--role", "oncall",
        "--display-name", "Tim Becker", "--password-stdin");

    assertThat(run("", "user", "disable", "--config", config.toString(), "--name", "tbecker").out()).isEqualTo("User tbecker disabled.\n");
    Outcome list = run("", "user", "list", "--config", config.toString());
    assertThat(list.out()).contains("NAME", "tbecker", "oncall", "disabled", "Tim Becker");
    assertThat(run("", "user", "disable", "--config", config.toString(), "--name", "niemand").exit()).isEqualTo(1);
  }

  @Test
  void an_administrator_sets_a_new_password_and_a_short_one_or_an_unknown_user_is_refused() {
    run("ein sehr geheimes Passwort\n", "user", "add", "--config", config.toString(), "--name", "tbecker", "--role", "oncall",
        "--password-stdin");

    assertThat(run("ein ganz neues Passwort\n", "user", "password", "--config", config.toString(), "--name", "tbecker",
        "--password-stdin").out()).isEqualTo("Password of tbecker set.\n");
    Outcome tooShort = run("kurz\n", "user", "password", "--config", config.toString(), "--name", "tbecker", "--password-stdin");
    assertThat(tooShort.exit()).isEqualTo(2);
    assertThat(tooShort.err()).contains("password");
    Outcome nobody = run("ein ganz neues Passwort\n", "user", "password", "--config", config.toString(), "--name", "niemand",
        "--password-stdin");
    assertThat(nobody.exit()).isEqualTo(1);
    assertThat(nobody.err()).contains("no user 'niemand'");
  }

  @Test
  void a_short_password_an_unknown_role_or_tenant_is_refused_naming_it() {
    Outcome shortPassword = run("kurz\n", "user", "add", "--config", config.toString(), "--name", "a", "--role", "staff", "--password-stdin");
    assertThat(shortPassword.exit()).isEqualTo(2);
    assertThat(shortPassword.err()).contains("password: must have at least 12 characters");

    Outcome role = run("ein sehr geheimes Passwort\n", "user", "add", "--config", config.toString(), "--name", "a", "--role", "chef",
        "--password-stdin");
    assertThat(role.exit()).isEqualTo(2);
    assertThat(role.err()).contains("role: 'chef' is none of admin, staff, oncall, tenant");

    Outcome tenant = run("ein sehr geheimes Passwort\n", "user", "add", "--config", config.toString(), "--name", "wr-it",
        "--role", "tenant", "--tenant", "wernigerode", "--password-stdin");
    assertThat(tenant.exit()).isEqualTo(1);
    assertThat(tenant.err()).contains("tenant: 'wernigerode' is not a tenant of the stored inventory");

    Outcome noTenant = run("ein sehr geheimes Passwort\n", "user", "add", "--config", config.toString(), "--name", "wr-it",
        "--role", "tenant", "--password-stdin");
    assertThat(noTenant.exit()).isEqualTo(2);
    assertThat(noTenant.err()).contains("tenant: a user of role tenant needs a tenant");
  }
}
