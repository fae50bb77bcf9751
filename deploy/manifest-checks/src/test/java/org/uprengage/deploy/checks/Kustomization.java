package org.uprengage.deploy.checks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.uprengage.deploy.checks.StrictYaml.StrictYamlException;

/**
 * A kustomization.yaml, with the fields the platform's use (any other is refused, so a misspelt one
 * is not silently ignored).
 */
record Kustomization(
    String apiVersion,
    String kind,
    String namespace,
    List<Label> labels,
    List<String> resources,
    List<Patch> patches,
    List<Image> images) {

  Kustomization {
    labels = labels == null ? List.of() : labels;
    resources = resources == null ? List.of() : resources;
    patches = patches == null ? List.of() : patches;
    images = images == null ? List.of() : images;
  }

  /**
   * Reads a Kustomize folder as Kustomize would: every resource it lists (files, and folders with
   * their own kustomization) parsed strictly into the Kubernetes model, and every patch too, each
   * of which must patch a resource of the base.
   */
  static KubernetesManifests load(Path folder) {
    KubernetesManifests manifests = new KubernetesManifests();
    load(folder, manifests);
    return manifests;
  }

  private static void load(Path folder, KubernetesManifests manifests) {
    Path file = folder.resolve("kustomization.yaml");
    String source = ProjectFiles.ROOT.relativize(file.toAbsolutePath()).toString();
    if (!Files.isRegularFile(file)) {
      manifests.problems.add(source + " does not exist");
      return;
    }
    Kustomization kustomization;
    try {
      kustomization =
          StrictYaml.convert(
              StrictYaml.documents(ProjectFiles.read(file)).get(0), Kustomization.class);
    } catch (StrictYamlException e) {
      manifests.problems.add(source + ": " + e.getMessage());
      return;
    }
    if (!"kustomize.config.k8s.io/v1beta1".equals(kustomization.apiVersion())
        || !"Kustomization".equals(kustomization.kind())) {
      manifests.problems.add(source + ": not a kustomize.config.k8s.io/v1beta1 Kustomization");
    }
    List<String> listed = new ArrayList<>(kustomization.resources());
    kustomization.patches().forEach(patch -> listed.add(patch.path()));
    KubernetesManifests.missingFiles(folder, listed)
        .forEach(missing -> manifests.problems.add(source + ": " + missing));
    for (String resource : kustomization.resources()) {
      Path path = folder.resolve(resource).normalize();
      if (Files.isDirectory(path)) {
        load(path, manifests);
      } else if (Files.isRegularFile(path)) {
        manifests.parse(ProjectFiles.ROOT.relativize(path).toString(), ProjectFiles.read(path));
      }
    }
    for (Patch patch : kustomization.patches()) {
      Path path = folder.resolve(patch.path()).normalize();
      if (!Files.isRegularFile(path)) {
        continue;
      }
      KubernetesManifests patches = new KubernetesManifests();
      String patchSource = ProjectFiles.ROOT.relativize(path).toString();
      patches.parse(patchSource, ProjectFiles.read(path));
      manifests.problems.addAll(patches.problems);
      patches.resources.forEach(
          patched -> {
            boolean target =
                manifests.resources.stream()
                    .anyMatch(
                        resource ->
                            resource.getKind().equals(patched.getKind())
                                && resource
                                    .getMetadata()
                                    .getName()
                                    .equals(patched.getMetadata().getName()));
            if (!target) {
              manifests.problems.add(
                  patchSource
                      + ": patches "
                      + patched.getKind()
                      + " "
                      + patched.getMetadata().getName()
                      + ", which the base does not have");
            }
          });
    }
  }

  /** Labels added to every resource. */
  record Label(Map<String, String> pairs, Boolean includeSelectors, Boolean includeTemplates) {}

  /** A patch file (strategic merge). */
  record Patch(String path) {}

  /** An image name replaced: registry, tag or digest. */
  record Image(String name, String newName, String newTag, String digest) {}
}
