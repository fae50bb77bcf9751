package org.uprengage.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;

/**
 * A Compose file as Compose reads it (anchors and merge keys resolved, variables interpolated from
 * an env file), and the checks a schema cannot make: each returns the problems it finds, each
 * naming the service and the field at fault.
 */
final class ComposeFile {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([^}]*))?}");
  private static final Pattern IMAGE = Pattern.compile("(?:.*/)?uprengage/([a-z-]+):.*");

  private final Path file;
  private final Map<String, Object> model;
  private final Map<String, String> envFile;

  private ComposeFile(Path file, Map<String, Object> model, Map<String, String> envFile) {
    this.file = file;
    this.model = model;
    this.envFile = envFile;
  }

  /** The file, its variables taken from the env file beside it (Compose's .env). */
  static ComposeFile read(Path file, Path envFile) {
    Map<String, Object> model = new Yaml().load(ProjectFiles.read(file));
    return new ComposeFile(file, model, readEnvFile(envFile));
  }

  static Map<String, String> readEnvFile(Path envFile) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : ProjectFiles.read(envFile).lines().toList()) {
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      String value = trimmed.substring(equals + 1);
      if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
        value = value.substring(1, value.length() - 1);
      }
      values.put(trimmed.substring(0, equals), value);
    }
    return values;
  }

  /** What the Compose Specification's JSON Schema says of the file (nothing when it is valid). */
  List<String> schemaProblems() {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode specification;
    try (InputStream in =
        Files.newInputStream(ProjectFiles.resource("compose-spec/compose-spec.json"))) {
      specification = (ObjectNode) mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Its "$id" is a bare file name, which the validator refuses as a base address; the schema
    // refers only to its own definitions (#/definitions/...), so it needs none.
    specification.remove("$id");
    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(specification);
    JsonNode json = mapper.valueToTree(model);
    return schema.validate(json).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> services() {
    return (Map<String, Map<String, Object>>) model.getOrDefault("services", Map.of());
  }

  /** The platform service (workflow-engine, ...) a Compose service runs, by its image. */
  Optional<String> platformService(String service) {
    Matcher matcher =
        IMAGE.matcher(interpolate(String.valueOf(services().get(service).get("image"))));
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /** The Compose services that run this platform service (its replicas). */
  List<String> replicasOf(String platformService) {
    return services().keySet().stream()
        .filter(service -> platformService(service).equals(Optional.of(platformService)))
        .toList();
  }

  /** A service's environment, interpolated. */
  @SuppressWarnings("unchecked")
  Map<String, String> environment(String service) {
    Object environment = services().get(service).get("environment");
    Map<String, String> values = new LinkedHashMap<>();
    if (environment instanceof Map<?, ?> map) {
      ((Map<String, Object>) map)
          .forEach((key, value) -> values.put(key, interpolate(String.valueOf(value))));
    } else if (environment instanceof List<?> list) {
      for (Object entry : list) {
        String[] pair = String.valueOf(entry).split("=", 2);
        values.put(
            pair[0], pair.length > 1 ? interpolate(pair[1]) : envFile.getOrDefault(pair[0], ""));
      }
    }
    return values;
  }

  /**
   * Every service a depends_on names exists, and one waited on until healthy has a health check.
   */
  List<String> dependencyProblems() {
    List<String> problems = new ArrayList<>();
    services()
        .forEach(
            (name, service) ->
                dependencies(service)
                    .forEach(
                        (dependency, condition) -> {
                          if (!services().containsKey(dependency)) {
                            problems.add(name + ".depends_on: no service named " + dependency);
                          } else if ("service_healthy".equals(condition)
                              && !services().get(dependency).containsKey("healthcheck")) {
                            problems.add(
                                name
                                    + ".depends_on."
                                    + dependency
                                    + ": waits until healthy, but it has no healthcheck");
                          }
                        }));
    return problems;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependencies(Map<String, Object> service) {
    Object dependsOn = service.get("depends_on");
    Map<String, String> dependencies = new LinkedHashMap<>();
    if (dependsOn instanceof List<?> list) {
      list.forEach(name -> dependencies.put(String.valueOf(name), "service_started"));
    } else if (dependsOn instanceof Map<?, ?> map) {
      ((Map<String, Object>) map)
          .forEach(
              (name, spec) ->
                  dependencies.put(
                      name,
                      spec instanceof Map<?, ?> options
                          ? String.valueOf(options.get("condition"))
                          : "service_started"));
    }
    return dependencies;
  }

  /** Every variable a platform service reads without a default is set in its environment. */
  List<String> settingProblems() {
    List<String> problems = new ArrayList<>();
    for (String name : services().keySet()) {
      Optional<String> platform = platformService(name);
      if (platform.isEmpty()) {
        continue;
      }
      Map<String, String> environment = environment(name);
      List<String> profiles =
          List.of(environment.getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","));
      PlatformService service = PlatformService.read(platform.get(), profiles);
      for (String variable : service.requiredVariables()) {
        if (!environment.containsKey(variable)) {
          problems.add(
              name
                  + ".environment."
                  + variable
                  + ": "
                  + platform.get()
                  + " reads it without a default, and it is not set");
        }
      }
    }
    return problems;
  }

  /** The variables the file reads from the env file with no default of its own. */
  Set<String> variablesWithoutDefault() {
    Set<String> variables = new TreeSet<>();
    Matcher matcher = VARIABLE.matcher(ProjectFiles.read(file));
    while (matcher.find()) {
      if (!":-".equals(matcher.group(2)) && !"-".equals(matcher.group(2))) {
        variables.add(matcher.group(1));
      }
    }
    return variables;
  }

  /** Every variable the file reads. */
  Set<String> variables() {
    Set<String> variables = new TreeSet<>();
    Matcher matcher = VARIABLE.matcher(ProjectFiles.read(file));
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }
    return variables;
  }

  /** Every long-running service has a health check and CPU and memory limits. */
  List<String> healthAndLimitProblems() {
    List<String> problems = new ArrayList<>();
    services()
        .forEach(
            (name, service) -> {
              if (!service.containsKey("healthcheck") && !isMonitoring(service)) {
                problems.add(name + ".healthcheck: missing");
              }
              Object limits = path(service, "deploy", "resources", "limits");
              if (!(limits instanceof Map<?, ?> map)
                  || !map.containsKey("cpus")
                  || !map.containsKey("memory")) {
                problems.add(name + ".deploy.resources.limits: cpus and memory are not both set");
              }
            });
    return problems;
  }

  /** Prometheus and Grafana are watched by the person looking at them, not by health checks. */
  private static boolean isMonitoring(Map<String, Object> service) {
    String image = String.valueOf(service.get("image"));
    return image.startsWith("prom/prometheus") || image.startsWith("grafana/");
  }

  /** Every file bound from the repository into a container exists. */
  List<String> mountProblems() {
    List<String> problems = new ArrayList<>();
    services()
        .forEach(
            (name, service) -> {
              if (service.get("volumes") instanceof List<?> volumes) {
                for (Object volume : volumes) {
                  String source = String.valueOf(volume).split(":")[0];
                  if ((source.startsWith("./") || source.startsWith("../"))
                      && !Files.exists(file.getParent().resolve(source))) {
                    problems.add(name + ".volumes: " + source + " does not exist");
                  }
                }
              }
            });
    return problems;
  }

  /** Host and port of every replica of a platform service: its service or management port. */
  Set<String> addresses(String platformService, boolean management) {
    Set<String> addresses = new LinkedHashSet<>();
    for (String replica : replicasOf(platformService)) {
      PlatformService service = PlatformService.production(platformService);
      Map<String, String> environment = environment(replica);
      int port =
          management ? service.managementPortWith(environment) : service.portWith(environment);
      addresses.add(replica + ":" + port);
    }
    return addresses;
  }

  private String interpolate(String value) {
    Matcher matcher = VARIABLE.matcher(value);
    StringBuilder result = new StringBuilder();
    while (matcher.find()) {
      String set = envFile.getOrDefault(matcher.group(1), "");
      String operator = matcher.group(2);
      String replacement;
      if (operator != null && operator.contains("-")) {
        replacement = set.isEmpty() ? matcher.group(3) : set;
      } else {
        replacement = set;
      }
      matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(result);
    return result.toString();
  }

  @SuppressWarnings("unchecked")
  private static Object path(Map<String, Object> map, String... keys) {
    Object value = map;
    for (String key : keys) {
      value = value instanceof Map<?, ?> inner ? ((Map<String, Object>) inner).get(key) : null;
    }
    return value;
  }
}
