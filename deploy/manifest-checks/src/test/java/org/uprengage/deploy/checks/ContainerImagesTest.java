package org.uprengage.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * The container images, as far as they can be checked without a registry: each service's Spring
 * Boot jar is layered, and its effective Jib configuration (inherited from the parent POM) names a
 * JRE 17 base, a user that is not root, the service's two ports, container-aware JVM flags and OCI
 * labels, in line with the Compose file and the Kubernetes manifests. No image is built here.
 */
class ContainerImagesTest {

  private static final String JIB = "com.google.cloud.tools:jib-maven-plugin";

  @Test
  void eachServiceJarIsLayeredForImages() throws Exception {
    for (String service : PlatformService.NAMES) {
      Path jar =
          ProjectFiles.path(
              service + "/target/" + service + "-" + System.getProperty("upr.version") + ".jar");
      assertThat(jar).as("%s (build the services first: ./mvnw verify does)", jar).isRegularFile();
      // The index `java -Djarmode=tools -jar <jar> list-layers` reads, in the tool's order.
      try (JarFile file = new JarFile(jar.toFile())) {
        assertThat(
                file.getEntry(
                    "BOOT-INF/lib/spring-boot-jarmode-tools-"
                        + SpringBootVersion.getVersion()
                        + ".jar"))
            .as("%s has the layer tools", service)
            .isNotNull();
        String index =
            new String(
                file.getInputStream(file.getEntry("BOOT-INF/layers.idx")).readAllBytes(),
                StandardCharsets.UTF_8);
        assertThat(index.lines().filter(line -> line.startsWith("- ")).toList())
            .as(service)
            .containsExactly(
                "- \"dependencies\":",
                "- \"spring-boot-loader\":",
                "- \"snapshot-dependencies\":",
                "- \"application\":");
        assertThat(index).contains("  - \"BOOT-INF/classes/\"");
      }
    }
  }

  @Test
  void eachServiceImageIsConfiguredForContainers() throws Exception {
    for (String name : PlatformService.NAMES) {
      Model pom = EffectivePom.of(name);
      PlatformService service = PlatformService.production(name);
      Xpp3Dom jib = jib(pom);
      assertThat(value(jib, "skip")).as(name).isEqualTo("false");
      assertThat(value(jib, "from", "image")).as(name).isEqualTo("eclipse-temurin:17-jre");
      assertThat(value(jib, "to", "image")).isEqualTo("uprengage/" + name + ":" + pom.getVersion());
      assertThat(user(jib)).as("%s runs as a user that is not root", name).isPositive();
      assertThat(values(jib, "container", "ports"))
          .containsExactly(
              String.valueOf(service.portWith(Map.of())),
              String.valueOf(service.managementPortWith(Map.of())));
      assertThat(values(jib, "container", "jvmFlags"))
          .anySatisfy(flag -> assertThat(flag).startsWith("-XX:MaxRAMPercentage="))
          .contains("-XX:+ExitOnOutOfMemoryError");
      assertThat(value(jib, "container", "environment", "UPR_BIND_ADDRESS")).isEqualTo("0.0.0.0");
      assertThat(value(jib, "container", "labels", "org.opencontainers.image.version"))
          .isEqualTo(pom.getVersion());
      assertThat(value(jib, "container", "labels", "org.opencontainers.image.source")).isNotBlank();
      assertThat(value(jib, "container", "format")).isEqualTo("OCI");
    }
  }

  @Test
  void modulesThatAreNotServicesBuildNoImage() throws Exception {
    for (String module :
        List.of("bpmn", "test-support", "e2e-tests", "bench", "deploy/local-postgres")) {
      assertThat(value(jib(EffectivePom.of(module)), "skip")).as(module).isEqualTo("true");
    }
  }

  @Test
  void composeAndKubernetesRunTheImagesAsTheirUser() throws Exception {
    KubernetesManifests base = Kustomization.load(KubernetesManifestsTest.BASE);
    for (String name : PlatformService.NAMES) {
      int user = user(jib(EffectivePom.of(name)));
      Deployment deployment = KubernetesManifestsTest.deployment(base, name);
      PodSecurityContext security =
          deployment.getSpec().getTemplate().getSpec().getSecurityContext();
      assertThat(security.getRunAsUser()).as(name).isEqualTo(user);
      assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
          .startsWith("uprengage/" + name + ":");
      assertThat(ComposeFileTest.COMPOSE.replicasOf(name)).as(name).isNotEmpty();
    }
  }

  private static Xpp3Dom jib(Model pom) {
    Plugin plugin =
        pom.getBuild().getPlugins().stream()
            .filter(candidate -> candidate.getKey().equals(JIB))
            .findFirst()
            .orElseGet(() -> pom.getBuild().getPluginManagement().getPluginsAsMap().get(JIB));
    assertThat(plugin).as("%s: %s", pom.getArtifactId(), JIB).isNotNull();
    return (Xpp3Dom) plugin.getConfiguration();
  }

  private static int user(Xpp3Dom jib) {
    return Integer.parseInt(value(jib, "container", "user").split(":")[0]);
  }

  private static String value(Xpp3Dom configuration, String... path) {
    Xpp3Dom node = configuration;
    for (String name : path) {
      node = node == null ? null : node.getChild(name);
    }
    return node == null ? null : node.getValue().trim();
  }

  private static List<String> values(Xpp3Dom configuration, String... path) {
    Xpp3Dom node = configuration;
    for (String name : path) {
      node = node.getChild(name);
    }
    return Arrays.stream(node.getChildren())
        .map(child -> child.getValue().trim())
        .collect(Collectors.toList());
  }
}
