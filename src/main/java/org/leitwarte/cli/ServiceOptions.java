package org.leitwarte.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.leitwarte.config.ConfigException;
import org.leitwarte.config.ConfigLoader;
import org.leitwarte.config.LeitwarteConfig;
import org.leitwarte.config.Problem;
import picocli.CommandLine.Option;

/** Where the running service is: {@code --server URL}, or the {@code http} section of {@code --config FILE}. */
final class ServiceOptions {

  static final String DEFAULT_SERVER = "http://127.0.0.1:8080";
  static final String TOKEN_VARIABLE = "LEITWARTE_TOKEN";

  @Option(names = {"-c", "--config"}, description = "leitwarte.yaml of the running service: its http host and port are used")
  Path config;

  @Option(names = "--server", description = "the service's address, e.g. http://127.0.0.1:8080 (default: ${DEFAULT-VALUE} "
      + "unless --config is given)", defaultValue = DEFAULT_SERVER)
  String server;

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "a file holding the API token (leitwarte token create); default: the environment variable " + TOKEN_VARIABLE)
  Path tokenFile;

  /**
   * The API token: the content of {@code --token-file}, else {@value #TOKEN_VARIABLE}; empty when neither
   * is given (the service will ask for one); null (after saying why on {@code err}) when the file cannot be read.
   */
  Optional<String> token(Map<String, String> environment, PrintWriter err) {
    if (tokenFile != null) {
      try {
        String token = Files.readString(tokenFile).strip();
        if (token.isEmpty()) {
          err.println("--token-file: " + tokenFile + " is empty");
          err.flush();
          return null;
        }
        return Optional.of(token);
      } catch (IOException e) {
        err.println("--token-file: cannot read " + tokenFile + " (" + e.getMessage() + ")");
        err.flush();
        return null;
      }
    }
    return Optional.ofNullable(environment.get(TOKEN_VARIABLE)).map(String::strip).filter(token -> !token.isEmpty());
  }

  /** The service's base address; null (after saying why on {@code err}) when it cannot be known. */
  URI base(Map<String, String> environment, PrintWriter err) {
    if (config != null) {
      try {
        return of(ConfigLoader.load(config, environment).http());
      } catch (ConfigException e) {
        e.problems().stream().map(Problem::toString).forEach(err::println);
        err.flush();
        return null;
      }
    }
    try {
      URI uri = URI.create(server.endsWith("/") ? server.substring(0, server.length() - 1) : server);
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
      return uri;
    } catch (IllegalArgumentException e) {
      err.println("--server: '" + server + "' is not an address like " + DEFAULT_SERVER);
      err.flush();
      return null;
    }
  }

  /** A service bound to every address is reached on loopback. */
  static URI of(LeitwarteConfig.Http http) {
    String host = http.host();
    if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
      host = "127.0.0.1";
    } else if (host.contains(":") && !host.startsWith("[")) {
      host = "[" + host + "]";
    }
    return URI.create("http://" + host + ":" + http.port());
  }
}
