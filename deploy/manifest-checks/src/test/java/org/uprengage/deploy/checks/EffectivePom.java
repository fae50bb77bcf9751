package org.uprengage.deploy.checks;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.model.Parent;
import org.apache.maven.model.Repository;
import org.apache.maven.model.building.DefaultModelBuilderFactory;
import org.apache.maven.model.building.DefaultModelBuildingRequest;
import org.apache.maven.model.building.FileModelSource;
import org.apache.maven.model.building.ModelBuildingException;
import org.apache.maven.model.building.ModelBuildingRequest;
import org.apache.maven.model.building.ModelSource;
import org.apache.maven.model.resolution.ModelResolver;
import org.apache.maven.model.resolution.UnresolvableModelException;

/**
 * A module's effective POM as Maven builds it (parents, imported BOMs, plugin management merged,
 * properties interpolated), with the parent POMs that are not in the repository taken from the
 * local Maven repository the build filled.
 */
final class EffectivePom {

  private EffectivePom() {}

  static Model of(String module) throws ModelBuildingException {
    ModelBuildingRequest request =
        new DefaultModelBuildingRequest()
            .setPomFile(pom(module))
            .setValidationLevel(ModelBuildingRequest.VALIDATION_LEVEL_MINIMAL)
            .setProcessPlugins(true)
            .setSystemProperties(System.getProperties())
            .setModelResolver(new LocalRepository(localRepository()));
    return new DefaultModelBuilderFactory().newInstance().build(request).getEffectiveModel();
  }

  private static File pom(String module) {
    return ProjectFiles.path(module + "/pom.xml").toFile();
  }

  private static Path localRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null
        ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** POMs by coordinates, from a local repository's folder layout. */
  private record LocalRepository(Path root) implements ModelResolver {

    @Override
    public ModelSource resolveModel(String groupId, String artifactId, String version)
        throws UnresolvableModelException {
      File pom =
          root.resolve(groupId.replace('.', '/'))
              .resolve(artifactId)
              .resolve(version)
              .resolve(artifactId + "-" + version + ".pom")
              .toFile();
      if (!pom.isFile()) {
        throw new UnresolvableModelException(
            "not in the local repository (build first): " + pom, groupId, artifactId, version);
      }
      return new FileModelSource(pom);
    }

    @Override
    public ModelSource resolveModel(Parent parent) throws UnresolvableModelException {
      return resolveModel(parent.getGroupId(), parent.getArtifactId(), parent.getVersion());
    }

    @Override
    public ModelSource resolveModel(Dependency dependency) throws UnresolvableModelException {
      return resolveModel(
          dependency.getGroupId(), dependency.getArtifactId(), dependency.getVersion());
    }

    @Override
    public void addRepository(Repository repository) {}

    @Override
    public void addRepository(Repository repository, boolean replace) {}

    @Override
    public ModelResolver newCopy() {
      return this;
    }
  }
}
