package org.uprengage.webapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * web-api and workflow-engine share no code library on purpose, so a few small classes are
 * deliberate copies: they must stay the same but for their package line. The only difference
 * allowed is that line; to keep it so, neither copy may use a type of its own service (a copy that
 * needs one is no longer a copy: change both, or stop copying).
 */
class DeliberateCopiesTest {

  private static final Path WEB_API = Path.of("src/main/java/org/uprengage/webapi");
  private static final Path ENGINE =
      Path.of("../workflow-engine/src/main/java/org/uprengage/engine");

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "web/StrictInput.java",
    "security/ClaimNames.java",
    "security/RememberedTokens.java",
    "security/PathMatchedSecurity.java",
    "security/ManagementPortSecurity.java"
  })
  void theCopyInWebApiIsTheEnginesButForThePackageLine(String file) throws IOException {
    List<String> ours = withoutPackageLine(WEB_API.resolve(file));
    List<String> engines = withoutPackageLine(ENGINE.resolve(file));
    assertThat(ours)
        .as("%s in web-api and in workflow-engine (change both the same way)", file)
        .isEqualTo(engines);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "web/StrictInput.java",
    "security/ClaimNames.java",
    "security/RememberedTokens.java",
    "security/PathMatchedSecurity.java",
    "security/ManagementPortSecurity.java"
  })
  void neitherCopyUsesATypeOfItsOwnService(String file) throws IOException {
    for (Path copy : List.of(WEB_API.resolve(file), ENGINE.resolve(file))) {
      assertThat(withoutPackageLine(copy))
          .as("%s uses only shared libraries", copy)
          .noneMatch(line -> line.contains("org.uprengage."));
    }
  }

  private static List<String> withoutPackageLine(Path file) throws IOException {
    return Files.readAllLines(file).stream().filter(line -> !line.startsWith("package ")).toList();
  }
}
