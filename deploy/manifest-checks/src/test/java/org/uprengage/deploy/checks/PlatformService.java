package org.uprengage.deploy.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.Yaml;

/**
 * One of the platform's three services as its own configuration files describe it: the environment
 * variables they read (with the default each has, if any), its port and its management port.
 */
record PlatformService(
    String name, Placeholder port, Placeholder managementPort, Map<String, Placeholder> variables) {

  static final List<String> NAMES = List.of("workflow-engine", "notification-service", "web-api");

  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  /** The service as it runs with these Spring profiles (application.yml plus one per profile). */
  static PlatformService read(String name, List<String> profiles) {
    Path resources = ProjectFiles.path(name + "/src/main/resources");
    Map<String, Placeholder> variables = new LinkedHashMap<>();
    Stream.concat(
            Stream.of("application.yml"),
            profiles.stream().map(profile -> "application-" + profile + ".yml"))
        .map(resources::resolve)
        .filter(Files::isRegularFile)
        .forEach(
            file -> {
              Matcher matcher = PLACEHOLDER.matcher(ProjectFiles.read(file));
              while (matcher.find()) {
                Placeholder placeholder = new Placeholder(matcher.group(1), matcher.group(2));
                variables.merge(placeholder.variable(), placeholder, Placeholder::orRequired);
              }
            });
    Map<String, Object> defaults =
        new Yaml().load(ProjectFiles.read(resources.resolve("application.yml")));
    return new PlatformService(
        name,
        placeholder(name, defaults, "server", "port"),
        placeholder(name, defaults, "management", "server", "port"),
        variables);
  }

  /** The service as the production profile runs it. */
  static PlatformService production(String name) {
    return read(name, List.of("prod"));
  }

  @SuppressWarnings("unchecked")
  private static Placeholder placeholder(String name, Map<String, Object> yaml, String... keys) {
    Object value = yaml;
    for (String key : keys) {
      value = value instanceof Map<?, ?> map ? ((Map<String, Object>) map).get(key) : null;
    }
    Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
    if (!matcher.matches()) {
      throw new IllegalStateException(
          name + ": " + String.join(".", keys) + " is not an environment placeholder: " + value);
    }
    return new Placeholder(matcher.group(1), matcher.group(2));
  }

  /** The variables this service cannot start without: read with no default. */
  List<String> requiredVariables() {
    return variables.values().stream()
        .filter(placeholder -> placeholder.fallback().isEmpty())
        .map(Placeholder::variable)
        .toList();
  }

  /** The port this service listens on with these environment variables. */
  int portWith(Map<String, String> environment) {
    return Integer.parseInt(port.valueWith(environment));
  }

  int managementPortWith(Map<String, String> environment) {
    return Integer.parseInt(managementPort.valueWith(environment));
  }

  /** {@code ${VARIABLE:fallback}}: the fallback is empty when there is none. */
  record Placeholder(String variable, Optional<String> fallback) {

    Placeholder(String variable, String fallback) {
      this(variable, Optional.ofNullable(fallback));
    }

    String valueWith(Map<String, String> environment) {
      String value = environment.get(variable);
      if (value != null) {
        return value;
      }
      return fallback.orElseThrow(
          () -> new IllegalStateException(variable + " is not set and has no default"));
    }

    /** A variable that one file reads without a default is required, whatever the others say. */
    Placeholder orRequired(Placeholder other) {
      return fallback.isEmpty() ? this : other;
    }
  }
}
