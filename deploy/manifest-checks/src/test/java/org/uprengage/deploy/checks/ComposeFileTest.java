package org.uprengage.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose: the Compose file holds to the Compose Specification's JSON Schema, and to what a
 * schema cannot say: dependencies, settings, health checks, limits, Prometheus and the load
 * balancer in line with the services' own ports.
 */
class ComposeFileTest {

  static final Path FOLDER = ProjectFiles.path("deploy/compose");
  static final ComposeFile COMPOSE =
      ComposeFile.read(FOLDER.resolve("compose.yaml"), FOLDER.resolve(".env.example"));

  @Test
  void theComposeFileFollowsTheComposeSpecification() {
    assertThat(COMPOSE.schemaProblems()).isEmpty();
  }

  @Test
  void aFieldTheSpecificationDoesNotKnowIsRefusedByName() {
    ComposeFile broken = brokenFixture();
    assertThat(broken.schemaProblems())
        .anySatisfy(problem -> assertThat(problem).contains("helthcheck"));
  }

  @Test
  void everyDependencyIsAServiceAndOneAwaitedHealthyHasAHealthCheck() {
    assertThat(COMPOSE.dependencyProblems()).isEmpty();
    assertThat(brokenFixture().dependencyProblems())
        .containsExactlyInAnyOrder(
            "workflow-engine.depends_on: no service named postgress",
            "workflow-engine.depends_on.kafka: waits until healthy, but it has no healthcheck");
  }

  @Test
  void everySettingAServiceReadsWithoutADefaultIsSet() {
    assertThat(COMPOSE.settingProblems()).isEmpty();
    assertThat(brokenFixture().settingProblems())
        .contains(
            "workflow-engine.environment.UPR_JWT_ISSUER_URI: workflow-engine reads it without a"
                + " default, and it is not set");
  }

  @Test
  void everyLongRunningServiceHasAHealthCheckAndLimits() {
    assertThat(COMPOSE.healthAndLimitProblems()).isEmpty();
    assertThat(brokenFixture().healthAndLimitProblems())
        .contains(
            "kafka.healthcheck: missing",
            "kafka.deploy.resources.limits: cpus and memory are not both set");
  }

  @Test
  void theReplicasAreTwoEnginesTwoWebApisAndOneNotificationService() {
    assertThat(COMPOSE.replicasOf("workflow-engine")).hasSize(2);
    assertThat(COMPOSE.replicasOf("web-api")).hasSize(2);
    assertThat(COMPOSE.replicasOf("notification-service")).hasSize(1);
    for (String engine : COMPOSE.replicasOf("workflow-engine")) {
      assertThat(COMPOSE.environment(engine)).containsEntry("UPR_JOB_EXECUTOR_ENABLED", "true");
    }
    for (String service : COMPOSE.services().keySet()) {
      if (COMPOSE.platformService(service).isPresent()) {
        assertThat(COMPOSE.environment(service))
            .as(service)
            .containsEntry("SPRING_PROFILES_ACTIVE", "prod")
            .containsEntry(
                "UPR_JWT_ISSUER_URI", "http://keycloak.localhost:8180/realms/upr-engage");
      }
    }
  }

  @Test
  void everyFileMountedFromTheRepositoryExists() {
    assertThat(COMPOSE.mountProblems()).isEmpty();
    assertThat(brokenFixture().mountProblems())
        .containsExactly("kafka.volumes: ./missing.properties does not exist");
  }

  @Test
  void everyVariableWithoutADefaultIsInTheExampleEnvFileAndNothingElseIs() {
    Set<String> example = ComposeFile.readEnvFile(FOLDER.resolve(".env.example")).keySet();
    assertThat(example).containsAll(COMPOSE.variablesWithoutDefault());
    assertThat(COMPOSE.variables()).containsAll(example);
  }

  @Test
  void theEnvFileWithThePasswordsIsIgnoredByGit() {
    assertThat(ProjectFiles.read(FOLDER.resolve(".gitignore")).lines()).contains(".env");
  }

  @Test
  void prometheusScrapesEveryReplicasManagementPortAndNothingElse() {
    Set<String> expected = new TreeSet<>();
    for (String service : PlatformService.NAMES) {
      expected.addAll(COMPOSE.addresses(service, true));
    }
    assertThat(prometheusTargets(ProjectFiles.path("deploy/prometheus/prometheus.yml")))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void theLoadBalancerSendsToEveryWebApiAndEngineReplicaOnItsServicePort() {
    String nginx = ProjectFiles.read(FOLDER.resolve("nginx/nginx.conf"));
    assertThat(upstream(nginx, "web_api"))
        .containsExactlyInAnyOrderElementsOf(COMPOSE.addresses("web-api", false));
    assertThat(upstream(nginx, "workflow_engine"))
        .containsExactlyInAnyOrderElementsOf(COMPOSE.addresses("workflow-engine", false));
    for (String webApi : COMPOSE.replicasOf("web-api")) {
      assertThat(COMPOSE.environment(webApi)).containsEntry("UPR_ENGINE_URL", "http://lb:8081");
    }
  }

  @SuppressWarnings("unchecked")
  static List<String> prometheusTargets(Path file) {
    Map<String, Object> config = new Yaml().load(ProjectFiles.read(file));
    List<String> targets = new ArrayList<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      assertThat(job.get("metrics_path"))
          .as(String.valueOf(job.get("job_name")))
          .isEqualTo("/actuator/prometheus");
      for (Map<String, Object> group : (List<Map<String, Object>>) job.get("static_configs")) {
        targets.addAll((List<String>) group.get("targets"));
      }
    }
    return targets;
  }

  private static Set<String> upstream(String nginx, String name) {
    Matcher block = Pattern.compile("upstream " + name + " \\{([^}]*)}").matcher(nginx);
    assertThat(block.find()).as("upstream " + name).isTrue();
    Matcher server = Pattern.compile("server ([\\w.-]+:\\d+)").matcher(block.group(1));
    Set<String> servers = new LinkedHashSet<>();
    while (server.find()) {
      servers.add(server.group(1));
    }
    return servers;
  }

  private static ComposeFile brokenFixture() {
    return ComposeFile.read(
        ProjectFiles.resource("broken/compose/compose.yaml"), FOLDER.resolve(".env.example"));
  }
}
