package org.leitwarte.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A systemd unit file read as {@code Key=value} settings (every section together; a key may repeat). */
final class SystemdUnit {

  private SystemdUnit() {}

  static Map<String, List<String>> read(Path file) throws IOException {
    Map<String, List<String>> settings = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";") || line.startsWith("[")) {
        continue;
      }
      int equals = line.indexOf('=');
      if (equals < 0) {
        throw new IllegalArgumentException(file.getFileName() + ": expected Key=value, got '" + line + "'");
      }
      settings.computeIfAbsent(line.substring(0, equals).strip(), key -> new ArrayList<>()).add(line.substring(equals + 1).strip());
    }
    return settings;
  }
}
