package org.uprengage.deploy.checks;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes: every file each kustomization lists exists and parses into the Kubernetes
 * model with no unknown field; every Deployment has probes, limits, a disruption budget and an
 * autoscaler; secrets are only referenced; each service gets every setting it needs. The production
 * overlay, rendered by Kustomize (kubectl kustomize) where kubectl is installed, too.
 */
class KubernetesManifestsTest {

  static final Path BASE = ProjectFiles.path("deploy/kubernetes/base");
  static final Path PRODUCTION = ProjectFiles.path("deploy/kubernetes/overlays/production");

  @Test
  void everyListedFileExistsAndParsesWithNoUnknownField() {
    assertThat(Kustomization.load(BASE).problems).isEmpty();
    assertThat(Kustomization.load(PRODUCTION).problems).isEmpty();
  }

  @Test
  void aBrokenManifestIsRefusedNamingTheFieldAtFault() {
    KubernetesManifests broken = Kustomization.load(ProjectFiles.resource("broken/kubernetes"));
    assertThat(broken.problems)
        .containsExactlyInAnyOrder(
            "deploy/manifest-checks/src/test/resources/broken/kubernetes/kustomization.yaml:"
                + " service.yaml is listed but does not exist",
            "deploy/manifest-checks/src/test/resources/broken/kubernetes/deployment.yaml"
                + " (document 1) apps/v1/Deployment: spec.template.spec.containers[0].imagePullPolicyy:"
                + " Unrecognized field \"imagePullPolicyy\" (class"
                + " io.fabric8.kubernetes.api.model.Container), not marked as ignorable",
            "deploy/manifest-checks/src/test/resources/broken/kubernetes/deployment.yaml"
                + " (document 2): autoscaling/v1/HorizontalPodAutoscaler is not a kind the"
                + " platform uses");
  }

  @Test
  void aMisspeltKustomizationFieldIsRefused() {
    KubernetesManifests broken =
        Kustomization.load(ProjectFiles.resource("broken/kubernetes-overlay"));
    assertThat(broken.problems)
        .anySatisfy(problem -> assertThat(problem).contains("patchesStrategicMerge"));
  }

  @Test
  void everyDeploymentHasProbesLimitsABudgetAndAnAutoscaler() {
    KubernetesManifests base = Kustomization.load(BASE);
    assertThat(base.all(Deployment.class)).hasSize(3);
    assertThat(base.deploymentProblems()).isEmpty();
  }

  @Test
  void aDeploymentWithoutProbesLimitsBudgetOrScalerIsReported() {
    KubernetesManifests bare = new KubernetesManifests();
    bare.parse(
        "bare.yaml",
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web-api
        spec:
          selector:
            matchLabels: {app.kubernetes.io/name: web-api}
          template:
            metadata:
              labels: {app.kubernetes.io/name: web-api}
            spec:
              containers:
                - name: web-api
                  image: uprengage/web-api:0.1.0
        """);
    assertThat(bare.problems).isEmpty();
    assertThat(bare.deploymentProblems())
        .containsExactlyInAnyOrder(
            "Deployment web-api: spec.template.spec.securityContext.runAsNonRoot is not true",
            "Deployment web-api: container web-api: livenessProbe is not an HTTP GET of /livez on"
                + " port http",
            "Deployment web-api: container web-api: readinessProbe is not an HTTP GET of /readyz on"
                + " port http",
            "Deployment web-api: container web-api: resources.requests do not set both cpu and"
                + " memory",
            "Deployment web-api: container web-api: resources.limits do not set both cpu and"
                + " memory",
            "Deployment web-api: container web-api: securityContext must set"
                + " readOnlyRootFilesystem true and allowPrivilegeEscalation false",
            "Deployment web-api: container web-api: no emptyDir mounted at /tmp (the root"
                + " filesystem is read-only)",
            "Deployment web-api: container web-api has no port named management",
            "Deployment web-api: no PodDisruptionBudget selects its pods",
            "Deployment web-api: no HorizontalPodAutoscaler scales it (or annotation"
                + " upr-engage.org/single-replica saying why it runs one replica)");
  }

  @Test
  void theEngineAndWebApiRunTwoReplicasAtLeast() {
    KubernetesManifests base = Kustomization.load(BASE);
    for (String name : List.of("workflow-engine", "web-api")) {
      assertThat(deployment(base, name).getSpec().getReplicas()).isEqualTo(2);
      assertThat(base.all(HorizontalPodAutoscaler.class))
          .anySatisfy(
              scaler -> {
                assertThat(scaler.getSpec().getScaleTargetRef().getName()).isEqualTo(name);
                assertThat(scaler.getSpec().getMinReplicas()).isEqualTo(2);
              });
    }
  }

  @Test
  void noSecretValueIsInlineAndEverySecretReferencedIsDocumented() {
    KubernetesManifests production = Kustomization.load(PRODUCTION);
    assertThat(Kustomization.load(BASE).secretProblems()).isEmpty();
    assertThat(production.secretProblems()).isEmpty();
    KubernetesManifests inline = new KubernetesManifests();
    inline.parse(
        "inline.yaml",
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          UPR_DB_PASSWORD: hunter2
        """);
    assertThat(inline.secretProblems())
        .containsExactly(
            "ConfigMap settings: data.UPR_DB_PASSWORD looks secret; read it from a Secret");
    String operations = ProjectFiles.read(ProjectFiles.path("docs/operations.md"));
    assertThat(production.secretReferences()).isNotEmpty();
    for (SecretKeySelector reference : production.secretReferences()) {
      assertThat(operations)
          .as(
              "docs/operations.md names Secret %s and its key %s",
              reference.getName(), reference.getKey())
          .contains("`" + reference.getName() + "`")
          .contains("`" + reference.getKey() + "`");
    }
  }

  @Test
  void eachServiceGetsEverySettingItReadsWithoutADefault() {
    assertThat(Kustomization.load(BASE).settingProblems()).isEmpty();
    assertThat(Kustomization.load(PRODUCTION).settingProblems()).isEmpty();
  }

  @Test
  void theContainersPortsAreTheServicesOwn() {
    KubernetesManifests base = Kustomization.load(BASE);
    for (String name : PlatformService.NAMES) {
      PlatformService service = PlatformService.production(name);
      Container container =
          deployment(base, name).getSpec().getTemplate().getSpec().getContainers().get(0);
      Map<String, Integer> ports =
          container.getPorts().stream()
              .collect(Collectors.toMap(ContainerPort::getName, ContainerPort::getContainerPort));
      Map<String, String> settings = base.all(ConfigMap.class).get(0).getData();
      assertThat(ports)
          .containsEntry("http", service.portWith(settings))
          .containsEntry("management", service.managementPortWith(settings));
    }
  }

  @Test
  void theProductionOverlayRendersWithAnExternalKafkaAndPostgres() throws Exception {
    String rendered = kustomize(PRODUCTION);
    KubernetesManifests production = new KubernetesManifests();
    production.parse("kubectl kustomize overlays/production", rendered);
    assertThat(production.problems).isEmpty();
    assertThat(production.deploymentProblems()).isEmpty();
    assertThat(production.secretProblems()).isEmpty();
    assertThat(production.settingProblems()).isEmpty();
    Map<String, String> settings = production.all(ConfigMap.class).get(0).getData();
    assertThat(settings)
        .containsEntry("UPR_TOPIC_REPLICATION_FACTOR", "3")
        .containsEntry("UPR_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("UPR_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
    assertThat(settings.get("UPR_ENGINE_DB_URL")).contains("sslmode=verify-full");
    for (String name : List.of("workflow-engine", "notification-service")) {
      Deployment deployment = deployment(production, name);
      Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
      assertThat(container.getImage()).startsWith("registry.example.org/uprengage/" + name + ":");
      assertThat(production.environment(deployment, container).get("UPR_KAFKA_SASL_JAAS_CONFIG"))
          .satisfies(
              env ->
                  assertThat(env.getValueFrom().getSecretKeyRef().getName())
                      .isEqualTo("upr-engage-kafka"));
      assertThat(container.getVolumeMounts())
          .anySatisfy(
              mount -> assertThat(mount.getMountPath()).isEqualTo("/etc/upr-engage/kafka-ca"));
      assertThat(deployment.getMetadata().getNamespace()).isEqualTo("upr-engage");
    }
  }

  static Deployment deployment(KubernetesManifests manifests, String name) {
    return manifests.all(Deployment.class).stream()
        .filter(deployment -> deployment.getMetadata().getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** Kustomize's own rendering of a folder (kubectl kustomize); skipped where kubectl is absent. */
  private static String kustomize(Path folder) throws IOException, InterruptedException {
    Process process;
    try {
      process =
          new ProcessBuilder("kubectl", "kustomize", folder.toString())
              .redirectErrorStream(true)
              .start();
    } catch (IOException e) {
      Assumptions.abort("kubectl is not installed: " + e.getMessage());
      throw e;
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(Duration.ofMinutes(1).toSeconds(), TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return output;
  }
}
