package org.leitwarte.cli;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Optional;
import org.leitwarte.user.ApiToken;
import org.leitwarte.user.TokenRepository;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code leitwarte token create|list|revoke}: API tokens for automation and the command line. */
@Command(name = "token", description = "Create, list and revoke API tokens.",
    subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  @Command(name = "create", description = "Create a token for a user and print it; it is shown this once only.")
  static final class Create extends StoreCommand {

    @Option(names = "--user", required = true, description = "whose token it is: it may do what the user may")
    String user;

    @Option(names = "--name", description = "a label, e.g. \"backup script\"")
    String name;

    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new TokenRepository(pool, clock).create(user, name, actor(), Optional.empty()).map(created -> {
        // Only the token on standard output, so that it can go straight into a file.
        out.println(created.secret());
        spec.commandLine().getErr().println("Token " + created.token().id() + " for " + user
            + " created. Keep it safe: it is not shown again (revoke with: leitwarte token revoke --id " + created.token().id() + ").");
        return null;
      });
    }
  }

  @Command(name = "list", description = "List the tokens (never the tokens themselves).")
  static final class ListTokens extends StoreCommand {

    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new TokenRepository(pool, clock).list().map(tokens -> {
        String format = "%-6s %-20s %-24s %-20s %-20s %s%n";
        out.printf(format, "ID", "USER", "NAME", "CREATED", "LAST USED", "REVOKED");
        for (ApiToken token : tokens) {
          out.printf(format, token.id(), token.user(), token.name(), token.created(),
              token.lastUsed().map(Object::toString).orElse("-"), token.revoked().map(Object::toString).orElse("-"));
        }
        return null;
      });
    }
  }

  @Command(name = "revoke", description = "Revoke a token: it stops working at once.")
  static final class Revoke extends StoreCommand {

    @Option(names = "--id", required = true, description = "the token's id (leitwarte token list)")
    long id;

    @Override
    Future<Void> run(Pool pool, Clock clock, PrintWriter out) {
      return new TokenRepository(pool, clock).revoke(id, actor(), Optional.empty()).compose(found -> {
        if (!found) {
          return Future.failedFuture(new IllegalArgumentException("id: no token " + id));
        }
        out.println("Token " + id + " revoked.");
        return Future.succeededFuture();
      });
    }
  }
}
