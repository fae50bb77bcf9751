package org.uprengage.deploy.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository the checks read, found from this module's folder. */
final class ProjectFiles {

  static final Path ROOT =
      Path.of(System.getProperty("upr.repository-root", "../..")).toAbsolutePath().normalize();

  private ProjectFiles() {}

  static Path path(String relative) {
    return ROOT.resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test resource of this module, as a file. */
  static Path resource(String name) {
    return Path.of("src/test/resources").resolve(name).toAbsolutePath();
  }
}
