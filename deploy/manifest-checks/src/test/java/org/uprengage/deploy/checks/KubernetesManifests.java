package org.uprengage.deploy.checks;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.uprengage.deploy.checks.StrictYaml.StrictYamlException;

/**
 * Kubernetes resources read strictly into fabric8's Kubernetes model (unknown fields refused), and
 * the rules every Deployment of the platform keeps. Each check returns the problems it finds, each
 * naming the resource and the field at fault.
 */
final class KubernetesManifests {

  /** The kinds the platform uses, by apiVersion and kind; any other is refused. */
  static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "v1/ConfigMap", ConfigMap.class,
          "v1/Service", Service.class,
          "v1/ServiceAccount", ServiceAccount.class,
          "apps/v1/Deployment", Deployment.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

  static final String SINGLE_REPLICA = "upr-engage.org/single-replica";

  private static final Pattern SECRET_NAME =
      Pattern.compile(".*(PASSWORD|SECRET|JAAS|TOKEN|CREDENTIAL|PRIVATE_KEY).*");
  private static final Pattern IMAGE = Pattern.compile("(?:.*/)?uprengage/([a-z-]+)(?::.*)?");

  final List<HasMetadata> resources = new ArrayList<>();
  final List<String> problems = new ArrayList<>();

  /** Parses every document of a YAML text; where one does not fit the model, a problem says why. */
  void parse(String source, String yaml) {
    List<JsonNode> documents = StrictYaml.documents(yaml);
    for (int i = 0; i < documents.size(); i++) {
      JsonNode document = documents.get(i);
      String where = source + (documents.size() > 1 ? " (document " + (i + 1) + ")" : "");
      String kind = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
      Class<? extends HasMetadata> type = KINDS.get(kind);
      if (type == null) {
        problems.add(where + ": " + kind + " is not a kind the platform uses");
        continue;
      }
      try {
        resources.add(StrictYaml.convert(document, type));
      } catch (StrictYamlException e) {
        problems.add(where + " " + kind + ": " + e.getMessage());
      }
    }
  }

  <T extends HasMetadata> List<T> all(Class<T> type) {
    return resources.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The rules for every Deployment: probes, limits, non-root, a disruption budget, a scaler. */
  List<String> deploymentProblems() {
    List<String> found = new ArrayList<>();
    for (Deployment deployment : all(Deployment.class)) {
      String name = "Deployment " + deployment.getMetadata().getName();
      PodSpec pod = deployment.getSpec().getTemplate().getSpec();
      Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
      if (pod.getSecurityContext() == null
          || !Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
        found.add(name + ": spec.template.spec.securityContext.runAsNonRoot is not true");
      }
      for (Container container : pod.getContainers()) {
        found.addAll(containerProblems(name, container, pod.getVolumes()));
        Optional<Integer> management =
            container.getPorts().stream()
                .filter(port -> "management".equals(port.getName()))
                .map(ContainerPort::getContainerPort)
                .findFirst();
        String annotated =
            Optional.ofNullable(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .map(annotations -> annotations.get("prometheus.io/port"))
                .orElse(null);
        if (management.isEmpty()) {
          found.add(name + ": container " + container.getName() + " has no port named management");
        } else if (!String.valueOf(management.get()).equals(annotated)) {
          found.add(
              name
                  + ": annotation prometheus.io/port is "
                  + annotated
                  + ", not the management port "
                  + management.get());
        }
      }
      boolean budgeted =
          all(PodDisruptionBudget.class).stream()
              .anyMatch(budget -> selects(budget.getSpec().getSelector().getMatchLabels(), labels));
      if (!budgeted) {
        found.add(name + ": no PodDisruptionBudget selects its pods");
      }
      boolean scaled =
          all(HorizontalPodAutoscaler.class).stream()
              .anyMatch(
                  scaler ->
                      "Deployment".equals(scaler.getSpec().getScaleTargetRef().getKind())
                          && deployment
                              .getMetadata()
                              .getName()
                              .equals(scaler.getSpec().getScaleTargetRef().getName()));
      String single =
          Optional.ofNullable(deployment.getMetadata().getAnnotations())
              .map(annotations -> annotations.get(SINGLE_REPLICA))
              .orElse(null);
      if (!scaled && single == null) {
        found.add(
            name
                + ": no HorizontalPodAutoscaler scales it (or annotation "
                + SINGLE_REPLICA
                + " saying why it runs one replica)");
      }
      if (single != null && !Objects.equals(deployment.getSpec().getReplicas(), 1)) {
        found.add(name + ": annotated " + SINGLE_REPLICA + " but spec.replicas is not 1");
      }
    }
    return found;
  }

  private static List<String> containerProblems(
      String name, Container container, List<Volume> volumes) {
    List<String> found = new ArrayList<>();
    String where = name + ": container " + container.getName();
    if (!probes(container.getLivenessProbe(), "/livez")) {
      found.add(where + ": livenessProbe is not an HTTP GET of /livez on port http");
    }
    if (!probes(container.getReadinessProbe(), "/readyz")) {
      found.add(where + ": readinessProbe is not an HTTP GET of /readyz on port http");
    }
    ResourceRequirements resources = container.getResources();
    for (String bound : List.of("requests", "limits")) {
      Map<String, ?> values =
          resources == null
              ? null
              : bound.equals("requests") ? resources.getRequests() : resources.getLimits();
      if (values == null || !values.containsKey("cpu") || !values.containsKey("memory")) {
        found.add(where + ": resources." + bound + " do not set both cpu and memory");
      }
    }
    SecurityContext security = container.getSecurityContext();
    if (security == null
        || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
        || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())) {
      found.add(
          where
              + ": securityContext must set readOnlyRootFilesystem true and"
              + " allowPrivilegeEscalation false");
    }
    boolean tmp =
        container.getVolumeMounts().stream()
            .filter(mount -> "/tmp".equals(mount.getMountPath()))
            .anyMatch(
                mount ->
                    volumes.stream()
                        .anyMatch(
                            volume ->
                                volume.getName().equals(mount.getName())
                                    && volume.getEmptyDir() != null));
    if (!tmp) {
      found.add(where + ": no emptyDir mounted at /tmp (the root filesystem is read-only)");
    }
    return found;
  }

  private static boolean probes(Probe probe, String path) {
    return probe != null
        && probe.getHttpGet() != null
        && path.equals(probe.getHttpGet().getPath())
        && "http".equals(probe.getHttpGet().getPort().getStrVal());
  }

  private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
    return selector != null
        && !selector.isEmpty()
        && labels.entrySet().containsAll(selector.entrySet());
  }

  /** No Secret is defined here, and whatever looks secret is read from one (secretKeyRef). */
  List<String> secretProblems() {
    List<String> found = new ArrayList<>();
    for (HasMetadata resource : resources) {
      if ("Secret".equals(resource.getKind())) {
        found.add("Secret " + resource.getMetadata().getName() + " is defined inline");
      }
    }
    for (ConfigMap config : all(ConfigMap.class)) {
      Optional.ofNullable(config.getData())
          .ifPresent(
              data ->
                  data.keySet().stream()
                      .filter(key -> SECRET_NAME.matcher(key).matches())
                      .forEach(
                          key ->
                              found.add(
                                  "ConfigMap "
                                      + config.getMetadata().getName()
                                      + ": data."
                                      + key
                                      + " looks secret; read it from a Secret")));
    }
    for (Deployment deployment : all(Deployment.class)) {
      for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
        for (EnvVar env : container.getEnv()) {
          boolean fromSecret =
              env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null;
          if (SECRET_NAME.matcher(env.getName()).matches() && !fromSecret) {
            found.add(
                "Deployment "
                    + deployment.getMetadata().getName()
                    + ": env "
                    + env.getName()
                    + " is not read with secretKeyRef");
          }
        }
      }
    }
    return found;
  }

  /** The Secrets referenced (name and key), for the documentation to list. */
  Set<SecretKeySelector> secretReferences() {
    Set<SecretKeySelector> references = new HashSet<>();
    for (Deployment deployment : all(Deployment.class)) {
      for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
        container.getEnv().stream()
            .filter(
                env -> env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
            .forEach(env -> references.add(env.getValueFrom().getSecretKeyRef()));
      }
    }
    return references;
  }

  /** A Deployment's container environment: its ConfigMaps' data, then its own env entries. */
  Map<String, EnvVar> environment(Deployment deployment, Container container) {
    Map<String, EnvVar> environment = new LinkedHashMap<>();
    for (EnvFromSource source : container.getEnvFrom()) {
      if (source.getConfigMapRef() != null) {
        all(ConfigMap.class).stream()
            .filter(
                config -> config.getMetadata().getName().equals(source.getConfigMapRef().getName()))
            .flatMap(config -> config.getData().entrySet().stream())
            .forEach(
                entry ->
                    environment.put(
                        entry.getKey(), new EnvVar(entry.getKey(), entry.getValue(), null)));
      }
    }
    container.getEnv().forEach(env -> environment.put(env.getName(), env));
    return environment;
  }

  /** Every variable each service reads without a default is set (production profile). */
  List<String> settingProblems() {
    List<String> found = new ArrayList<>();
    for (Deployment deployment : all(Deployment.class)) {
      for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
        Matcher image = IMAGE.matcher(container.getImage());
        if (!image.matches()) {
          found.add(
              "Deployment "
                  + deployment.getMetadata().getName()
                  + ": image "
                  + container.getImage()
                  + " is not one of the platform's");
          continue;
        }
        Map<String, EnvVar> environment = environment(deployment, container);
        EnvVar profiles = environment.get("SPRING_PROFILES_ACTIVE");
        PlatformService service =
            PlatformService.read(
                image.group(1), List.of((profiles == null ? "" : profiles.getValue()).split(",")));
        for (String variable : service.requiredVariables()) {
          if (!environment.containsKey(variable)) {
            found.add(
                "Deployment "
                    + deployment.getMetadata().getName()
                    + ": "
                    + variable
                    + " is read"
                    + " without a default by "
                    + image.group(1)
                    + " and not set");
          }
        }
      }
    }
    return found;
  }

  /** The files of a kustomization that do not exist. */
  static List<String> missingFiles(Path folder, List<String> listed) {
    return listed.stream()
        .filter(file -> !Files.exists(folder.resolve(file)))
        .map(file -> folder.relativize(folder.resolve(file)) + " is listed but does not exist")
        .toList();
  }
}
