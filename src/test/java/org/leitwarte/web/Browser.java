package org.leitwarte.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser as far as sign-in needs one: keeps cookies, posts forms, follows no redirects. */
final class Browser {

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  record Page(int status, String body, Map<String, List<String>> headers) {

    String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
          .map(e -> e.getValue().get(0)).orElse(null);
    }

    List<String> setCookies() {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("set-cookie"))
          .flatMap(e -> e.getValue().stream()).toList();
    }

    /** The CSRF token of the page's form. */
    String csrf() {
      Matcher found = CSRF.matcher(body);
      if (!found.find()) {
        throw new AssertionError("no CSRF field in " + body);
      }
      return found.group(1);
    }
  }

  private final int port;
  final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(int port) {
    this.port = port;
  }

  Page get(String path, String... headers) throws Exception {
    return send(request(path, headers).GET());
  }

  Page postForm(String path, Map<String, String> form) throws Exception {
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(request(path, "Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Page postJson(String path, String json, String... headers) throws Exception {
    HttpRequest.Builder request = request(path, headers).header("Content-Type", "application/json");
    return send(request.POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Signs in through the form; the answer to the form's POST. */
  Page signIn(String user, String password) throws Exception {
    String csrf = get("/login").csrf();
    return postForm("/login", Map.of("csrf", csrf, "user", user, "password", password, "next", "/"));
  }

  private HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30));
    for (int i = 0; i + 1 < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    if (!cookies.isEmpty()) {
      builder.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    return builder;
  }

  private Page send(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    Page page = new Page(response.statusCode(), response.body(), response.headers().map());
    for (String cookie : page.setCookies()) {
      String pair = cookie.split(";", 2)[0];
      String name = pair.substring(0, pair.indexOf('='));
      String value = pair.substring(pair.indexOf('=') + 1);
      if (value.isEmpty() || cookie.toLowerCase().contains("max-age=0")) {
        cookies.remove(name);
      } else {
        cookies.put(name, value);
      }
    }
    return page;
  }
}
