package org.leitwarte.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leitwarte.store.Dialect;
import org.leitwarte.web.ApiClient.Answer;

/** The browsable API docs come entirely from our own server: page, scripts, styles and the document they show. */
class ApiDocsTest {

  private static final Pattern REFERENCE = Pattern.compile("(?:src|href)=\"([^\"]+)\"");

  @TempDir Path dir;

  @Test
  void the_docs_page_and_everything_it_loads_come_from_this_server() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      for (String path : List.of("/api/v1/docs", "/api/v1/docs/", "/api/v1/docs/index.html")) {
        Answer page = server.client.get(path);
        assertThat(page.status()).as(path).isEqualTo(200);
        assertThat(page.contentType()).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        // No CDN, no outside host: the page must work in a data centre without internet access.
        assertThat(page.body()).as(path).doesNotContainPattern("(?i)https?:").doesNotContain("//cdn", "unpkg", "jsdelivr");
      }
      String page = server.client.get("/api/v1/docs").body();
      List<String> references = new ArrayList<>();
      Matcher matcher = REFERENCE.matcher(page);
      while (matcher.find()) {
        references.add(matcher.group(1));
      }
      assertThat(references).contains("/api/v1/docs/swagger-ui-bundle.js", "/api/v1/docs/swagger-ui.css",
          "/api/v1/docs/swagger-initializer.js");
      for (String reference : references) {
        assertThat(reference).as("a path on this server").startsWith("/").doesNotStartWith("//");
        Answer loaded = server.client.get(reference);
        assertThat(loaded.status()).as(reference).isEqualTo(200);
        assertThat(loaded.body()).as(reference).isNotEmpty();
        if (reference.endsWith(".js")) {
          assertThat(loaded.contentType()).as(reference).hasValueSatisfying(type -> assertThat(type).contains("javascript"));
        } else if (reference.endsWith(".css")) {
          assertThat(loaded.contentType()).as(reference).hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));
        }
      }
      assertThat(server.client.get("/api/v1/docs/swagger-ui-bundle.js").body().length()).isGreaterThan(1_000_000);
    }
  }

  @Test
  void the_docs_show_our_own_document_and_ask_no_outside_validator() throws Exception {
    try (ApiServer server = new ApiServer(dir.resolve("store"), Dialect.H2)) {
      String initializer = server.client.get("/api/v1/docs/swagger-initializer.js").body();

      assertThat(initializer).contains("url: \"/api/v1/openapi.yaml\"", "validatorUrl: null").doesNotContain("petstore.swagger.io", "http:", "https:");
      assertThat(server.client.get("/api/v1/openapi.yaml").status()).isEqualTo(200);
      assertThat(server.client.get("/api/v1/docs/no-such-file.js").status()).isEqualTo(404);
    }
  }
}
