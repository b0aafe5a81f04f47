package org.leitwarte.discovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.leitwarte.config.Secret;
import org.leitwarte.inventory.SnmpSettings;
import org.leitwarte.inventory.SnmpSettings.AuthProtocol;
import org.leitwarte.inventory.SnmpSettings.PrivProtocol;

/**
 * A {@link Proposal} as a piece of inventory YAML for an administrator to review, with comments in German
 * (default) or English. The active entries under {@code devices:} are exactly the new SNMP devices;
 * addresses already in the inventory and ping-only addresses are comments (the latter ready to be
 * uncommented). Pasted into an inventory file that has (or next to one that has) the tenant, it loads.
 *
 * <p>Secrets appear as written in leitwarte.yaml when they are references ({@code ${env:…}}, {@code
 * ${file:…}}); a secret written literally there is never shown: its place takes a reference to an
 * environment variable named after the credential ({@code ${env:LEITWARTE_DISCOVERY_SNMP1_COMMUNITY}}),
 * which the header explains. Timeout, retries and repetitions are left to {@code polling.snmp}. Pure.
 */
public final class InventorySnippet {

  /** Longest sysDescr shown in a comment. */
  static final int MAX_COMMENT = 160;

  private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env|file):([^}]+)}");
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*|[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9]+");
  private static final Set<String> YAML_WORDS = Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private final Proposal proposal;
  private final List<SnmpSettings> credentials;
  private final SnippetTexts texts;
  /** Placeholder reference → the credential key it stands for, in order of first use. */
  private final Map<String, String> placeholders = new LinkedHashMap<>();

  private InventorySnippet(Proposal proposal, List<SnmpSettings> credentials, SnippetTexts texts) {
    this.proposal = proposal;
    this.credentials = credentials;
    this.texts = texts;
  }

  /** With German comments. */
  public static String render(Proposal proposal, List<SnmpSettings> credentials) {
    return render(proposal, credentials, "de");
  }

  /**
   * @param credentials {@code discovery.snmp}, which {@link SnmpAnswer#credential()} indexes
   * @param language {@code en} for English comments, anything else German
   */
  public static String render(Proposal proposal, List<SnmpSettings> credentials, String language) {
    return new InventorySnippet(proposal, credentials, SnippetTexts.of(language)).render();
  }

  private String render() {
    List<Proposal.Entry> found = proposal.entries(Proposal.Kind.NEW);
    List<Proposal.Entry> existing = proposal.entries(Proposal.Kind.EXISTING);
    List<Proposal.Entry> pingOnly = proposal.entries(Proposal.Kind.PING_ONLY);
    List<String> body = new ArrayList<>();
    found.forEach(entry -> device(entry, body));
    if (!existing.isEmpty()) {
      body.add("");
      body.add("  " + texts.text("existing.title"));
      existing.forEach(entry -> body.add("  # " + texts.text("existing.entry", entry.address(), entry.id(),
          entry.existingTenant().orElse("?")) + entry.answer().map(a -> " – " + describe(a)).orElse("")));
    }
    if (!pingOnly.isEmpty()) {
      body.add("");
      body.add("  " + texts.text("ping_only.title"));
      pingOnly.forEach(entry -> body.add("  # - {id: " + scalar(entry.id()) + ", tenant: " + scalar(proposal.tenant())
          + ", address: " + scalar(entry.address()) + ", icmp: true}"));
    }
    List<String> lines = new ArrayList<>(header(found.size(), existing.size(), pingOnly.size()));
    lines.add(found.isEmpty() ? "devices: []" : "devices:");
    lines.addAll(body);
    return String.join("\n", lines) + "\n";
  }

  private List<String> header(int found, int existing, int pingOnly) {
    List<String> lines = new ArrayList<>();
    lines.add(texts.text("header.title", proposal.tenant()));
    lines.add(texts.text("header.counts", String.join(", ", proposal.ranges()), proposal.swept(),
        found + existing + pingOnly, found, existing, pingOnly));
    lines.add(texts.text("header.review"));
    if (!placeholders.isEmpty()) {
      lines.addAll(texts.text("header.secrets").lines().toList());
      placeholders.forEach((reference, key) -> lines.add("#   " + reference + " = " + key));
    }
    return lines;
  }

  private void device(Proposal.Entry entry, List<String> lines) {
    SnmpAnswer answer = entry.answer().orElseThrow();
    lines.add("  # " + describe(answer) + " – " + texts.text("device.credential", answer.credential()));
    lines.add("  - id: " + scalar(entry.id()));
    lines.add("    tenant: " + scalar(proposal.tenant()));
    lines.add("    address: " + scalar(entry.address()));
    lines.add("    snmp: " + snmp(answer.credential()));
    lines.add("    icmp: true");
  }

  private String describe(SnmpAnswer answer) {
    List<String> parts = new ArrayList<>();
    parts.add("sysName " + answer.sysName().map(InventorySnippet::oneLine).orElse(texts.text("sys_name.none")));
    answer.sysDescr().ifPresent(descr -> parts.add("sysDescr " + oneLine(descr)));
    answer.sysObjectId().ifPresent(oid -> parts.add("sysObjectID " + oneLine(oid)));
    return String.join(", ", parts);
  }

  private String snmp(int index) {
    SnmpSettings settings = credentials.get(index);
    String prefix = "discovery.snmp[" + index + "].";
    List<String> keys = new ArrayList<>();
    keys.add("version: " + settings.version().yamlName());
    if (settings.port() != 161) {
      keys.add("port: " + settings.port());
    }
    settings.community().ifPresent(community -> keys.add("community: " + secret(community, index, prefix, "community")));
    settings.user().ifPresent(user -> keys.add("user: " + quoted(user)));
    if (settings.auth() != AuthProtocol.NONE) {
      keys.add("auth: " + scalar(settings.auth().yamlName()));
      settings.authPassword().ifPresent(p -> keys.add("auth_password: " + secret(p, index, prefix, "auth_password")));
    }
    if (settings.priv() != PrivProtocol.NONE) {
      keys.add("priv: " + scalar(settings.priv().yamlName()));
      settings.privPassword().ifPresent(p -> keys.add("priv_password: " + secret(p, index, prefix, "priv_password")));
    }
    settings.context().ifPresent(context -> keys.add("context: " + quoted(context)));
    return "{" + String.join(", ", keys) + "}";
  }

  /** A reference as written; a literal never, but a reference to a variable named after the credential. */
  private String secret(Secret secret, int index, String prefix, String key) {
    if (REFERENCE.matcher(secret.raw()).matches()) {
      return quoted(secret.raw());
    }
    String reference = "${env:LEITWARTE_DISCOVERY_SNMP" + (index + 1) + "_" + key.toUpperCase(Locale.ROOT) + "}";
    placeholders.putIfAbsent(reference, prefix + key);
    return quoted(reference);
  }

  /** A plain scalar where YAML reads it back as the same string, else a double-quoted one. */
  static String scalar(String text) {
    return PLAIN.matcher(text).matches() && !YAML_WORDS.contains(text.toLowerCase(Locale.ROOT)) ? text : quoted(text);
  }

  static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            out.append(String.format("\\x%02x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Agent text for a comment: one line, no control characters, not too long. */
  static String oneLine(String text) {
    String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    return line.length() > MAX_COMMENT ? line.substring(0, MAX_COMMENT - 1) + "…" : line;
  }
}
