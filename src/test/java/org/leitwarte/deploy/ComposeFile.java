package org.leitwarte.deploy;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.yaml.snakeyaml.Yaml;

/** A compose file parsed with SnakeYAML, with the few views the deployment tests need. */
record ComposeFile(Path file, Map<String, Object> root) {

  /** A published port in compose's short form {@code [HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTOCOL]}. */
  record Port(String hostIp, int hostPort, int containerPort, String protocol) {
    static Port parse(String text) {
      String protocol = "tcp";
      String rest = text;
      int slash = rest.indexOf('/');
      if (slash >= 0) {
        protocol = rest.substring(slash + 1);
        rest = rest.substring(0, slash);
      }
      String[] parts = rest.split(":");
      return switch (parts.length) {
        case 2 -> new Port("", Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), protocol);
        case 3 -> new Port(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]), protocol);
        default -> throw new IllegalArgumentException("port '" + text + "': expected [HOST_IP:]HOST_PORT:CONTAINER_PORT[/PROTOCOL]");
      };
    }
  }

  /** A volume in compose's short form {@code SOURCE:TARGET[:MODE]}; a source without . / or ~ is a named volume. */
  record Mount(String source, String target, boolean readOnly) {
    static Mount parse(String text) {
      String[] parts = text.split(":");
      if (parts.length < 2 || parts.length > 3) {
        throw new IllegalArgumentException("volume '" + text + "': expected SOURCE:TARGET[:MODE]");
      }
      return new Mount(parts[0], parts[1], parts.length == 3 && parts[2].contains("ro"));
    }

    boolean named() {
      return !(source.startsWith(".") || source.startsWith("/") || source.startsWith("~"));
    }
  }

  static ComposeFile read(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return new ComposeFile(file, map(new Yaml().load(reader), file.getFileName().toString()));
    }
  }

  Map<String, Object> services() {
    return map(root.get("services"), "services");
  }

  Map<String, Object> service(String name) {
    return map(services().get(name), "services." + name);
  }

  Optional<String> image(String service) {
    return Optional.ofNullable((String) service(service).get("image"));
  }

  /** The build section, empty when the service uses an image only. */
  Optional<Map<String, Object>> build(String service) {
    Object build = service(service).get("build");
    if (build instanceof String context) {
      return Optional.of(Map.of("context", context));
    }
    return Optional.ofNullable(build).map(b -> map(b, "services." + service + ".build"));
  }

  /** The Dockerfile a service is built from, resolved against the compose file's directory. */
  Optional<Path> dockerfile(String service) {
    return build(service).map(build -> {
      Path context = directory().resolve((String) build.get("context")).normalize();
      return context.resolve((String) build.getOrDefault("dockerfile", "Dockerfile")).normalize();
    });
  }

  List<Port> ports(String service) {
    return strings(service(service).get("ports")).stream().map(Port::parse).toList();
  }

  List<Mount> mounts(String service) {
    return strings(service(service).get("volumes")).stream().map(Mount::parse).toList();
  }

  Map<String, Object> environment(String service) {
    Object environment = service(service).get("environment");
    return environment == null ? Map.of() : map(environment, "services." + service + ".environment");
  }

  Map<String, Object> dependsOn(String service) {
    Object dependsOn = service(service).get("depends_on");
    return dependsOn == null ? Map.of() : map(dependsOn, "services." + service + ".depends_on (use the long form with condition)");
  }

  Map<String, Object> declaredVolumes() {
    Object volumes = root.get("volumes");
    return volumes == null ? Map.of() : map(volumes, "volumes");
  }

  Path directory() {
    return file.toAbsolutePath().getParent();
  }

  /** Every scalar in the file (keys and values), comments excluded. */
  List<String> scalars() {
    List<String> scalars = new ArrayList<>();
    walk(root, scalars::add);
    return scalars;
  }

  static void walk(Object node, Consumer<String> scalars) {
    if (node instanceof Map<?, ?> map) {
      map.forEach((key, value) -> {
        walk(key, scalars);
        walk(value, scalars);
      });
    } else if (node instanceof List<?> list) {
      list.forEach(item -> walk(item, scalars));
    } else if (node != null) {
      scalars.accept(node.toString());
    }
  }

  static List<String> strings(Object node) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list)) {
      throw new IllegalArgumentException("expected a list, got " + node);
    }
    return list.stream().map(item -> {
      if (!(item instanceof String text)) {
        throw new IllegalArgumentException("expected the short string form, got " + item);
      }
      return text;
    }).toList();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object node, String where) {
    if (!(node instanceof Map<?, ?>)) {
      throw new IllegalArgumentException(where + ": expected a mapping, got " + node);
    }
    return (Map<String, Object>) node;
  }
}
