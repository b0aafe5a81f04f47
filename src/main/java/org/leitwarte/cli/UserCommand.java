package org.leitwarte.cli;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.leitwarte.user.PasswordHasher;
import org.leitwarte.user.Role;
import org.leitwarte.user.User;
import org.leitwarte.user.UserRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leitwarte user add|list|disable}: the users who sign in. */
@Command(name = "user", description = "Add, list and disable the users who sign in, and set their passwords.",
    subcommands = {UserCommand.Add.class, UserCommand.ListUsers.class, UserCommand.Disable.class, UserCommand.SetPassword.class})
final class UserCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "add", description = "Add a user; the password is read from standard input (one line, at least "
      + PasswordHasher.MIN_LENGTH + " characters).")
  static final class Add extends StoreCommand {

    @Option(names = "--name", required = true, description = "lower-case user name; for the cooperative's people their person id in oncall.yaml")
    String name;

    @Option(names = "--role", required = true, description = "admin, staff, oncall or tenant")
    String role;

    @Option(names = "--tenant", description = "the municipality of a tenant user (a tenant id of the inventory)")
    String tenant;

    @Option(names = "--email", description = "e-mail address")
    String email;

    @Option(names = "--display-name", description = "the name people see; default the user name")
    String displayName;

    @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
    boolean passwordStdin;

    private User user;
    private String hash;

    @Override
    Integer prepare(PrintWriter err) {
      try {
        user = new User(User.checkName(name.strip()), displayName == null ? name.strip() : displayName.strip(),
            Optional.ofNullable(email).map(String::strip), Role.of(role.strip().toLowerCase(Locale.ROOT)),
            Optional.ofNullable(tenant).map(String::strip), Instant.EPOCH, false, 0, Optional.empty());
        String password = readPassword("add");
        PasswordHasher.checkStrength(password);
        hash = new PasswordHasher().hash(password);
        return null;
      } catch (IllegalArgumentException | IOException e) {
        err.println(e.getMessage());
        err.flush();
        return CommandLine.ExitCode.USAGE;
      }
    }


    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new UserRepository(pool, clock).add(user, hash, actor(), Optional.empty())
          .map(added -> {
            out.println("User " + added.name() + " added (" + added.role().label() + added.tenant().map(t -> ", tenant " + t).orElse("") + ").");
            return null;
          });
    }
  }

  /** One line of standard input: the password, never an argument (it would show in the process list). */
  private static String readPassword(String command) throws IOException {
    String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (line == null) {
      throw new IllegalArgumentException("password: nothing on standard input (echo … | leitwarte user " + command
          + " … --password-stdin)");
    }
    return line;
  }

  @Command(name = "password", description = "Set a user's password (read from standard input, at least "
      + PasswordHasher.MIN_LENGTH + " characters): a lock-out after failed sign-ins ends, and sessions started with"
      + " the old password end at their next request; API tokens stay.")
  static final class SetPassword extends StoreCommand {

    @Option(names = "--name", required = true, description = "the user name")
    String name;

    @Option(names = "--password-stdin", required = true, description = "read the password from standard input")
    boolean passwordStdin;

    private String hash;

    @Override
    Integer prepare(PrintWriter err) {
      try {
        String password = readPassword("password");
        PasswordHasher.checkStrength(password);
        hash = new PasswordHasher().hash(password);
        return null;
      } catch (IllegalArgumentException | IOException e) {
        err.println(e.getMessage());
        err.flush();
        return CommandLine.ExitCode.USAGE;
      }
    }

    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new UserRepository(pool, clock).setPassword(name, hash, actor(), Optional.empty()).compose(found -> {
        if (!found) {
          return Future.failedFuture(new IllegalArgumentException("name: no user '" + name + "'"));
        }
        out.println("Password of " + name + " set.");
        return Future.succeededFuture();
      });
    }
  }

  @Command(name = "list", description = "List the users.")
  static final class ListUsers extends StoreCommand {

    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new UserRepository(pool, clock).list().map(users -> {
        if (users.isEmpty()) {
          out.println("No users.");
          return null;
        }
        String format = "%-20s %-8s %-16s %-10s %s%n";
        out.printf(format, "NAME", "ROLE", "TENANT", "STATE", "DISPLAY NAME");
        Instant now = clock.instant();
        for (User user : users) {
          String state = user.disabled() ? "disabled" : user.lockedAt(now) ? "locked" : "active";
          out.printf(format, user.name(), user.role().label(), user.tenant().orElse("-"), state, user.displayName());
        }
        return null;
      });
    }
  }

  @Command(name = "disable", description = "Disable a user: no sign-in, their tokens stop working, their sessions end.")
  static final class Disable extends StoreCommand {

    @Option(names = "--name", required = true, description = "the user name")
    String name;

    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new UserRepository(pool, clock).disable(name, actor(), Optional.empty()).compose(found -> {
        if (!found) {
          return Future.failedFuture(new IllegalArgumentException("name: no user '" + name + "'"));
        }
        out.println("User " + name + " disabled.");
        return Future.succeededFuture();
      });
    }
  }
}
