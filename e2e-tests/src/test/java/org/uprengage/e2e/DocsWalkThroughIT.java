package org.uprengage.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The API guide's walk-through, run as written with bash and curl from the repository's root
 * against the whole platform: a joint submission from the start of the review to its record, with a
 * send-back on the way; then OHCHR's real thematic list of recommendations imported, imported
 * again, corrected by a CSV, and browsed, and a position recorded.
 */
@ExtendWith(Api.HeldToTheDocument.class)
class DocsWalkThroughIT {

  private static final Path GUIDE = Path.of("..", "docs", "api-guide.md");
  private static final int SESSION = 80;

  @Test
  void theApiGuidesWalkThroughRunsAsWritten() throws Exception {
    Platform platform = Platform.get();
    LocalDate opens = LocalDate.now(ZoneOffset.UTC).plusDays(400);
    Api.Response session =
        new Api(platform.webApi, "admin", "demo")
            .post(
                "/api/sessions",
                "{\"number\":"
                    + SESSION
                    + ",\"startsOn\":\""
                    + opens
                    + "\",\"endsOn\":\""
                    + opens.plusDays(11)
                    + "\"}");
    assertThat(session.status()).as(session.body().toString()).isEqualTo(201);

    Path script = Files.createTempFile("walk-through", ".sh");
    Files.writeString(script, "set -euo pipefail\n" + walkThrough());
    ProcessBuilder builder =
        new ProcessBuilder("bash", script.toString()).directory(Path.of("..").toFile());
    builder.environment().put("API", platform.webApi + "/api");
    builder.environment().put("SESSION", String.valueOf(SESSION));
    Path log = Files.createTempFile("walk-through", ".log");
    Process run = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean finished = run.waitFor(180, TimeUnit.SECONDS);
    if (!finished) {
      run.destroyForcibly();
    }
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(finished).as("finished in time\n" + output).isTrue();
    assertThat(run.exitValue()).as(output).isZero();
    // the matrix files the guide downloads, into the repository's root as a reader's would go;
    // read, then removed so that the tests leave the working tree as they found it
    Path csv = Path.of("..", "matrix.csv");
    Path docx = Path.of("..", "matrix.docx");
    try {
      assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("121.1");
      assertThat(Files.readAllBytes(docx)).startsWith((byte) 'P', (byte) 'K');
    } finally {
      Files.deleteIfExists(csv);
      Files.deleteIfExists(docx);
    }

    List<String> lines = output.lines().toList();
    assertThat(lines.stream().filter(line -> line.equals("204")).count())
        .as(
            "each task completed: plan, two drafts, two consolidations, five decisions, "
                + "a revision, the record\n"
                + output)
        .isEqualTo(12);
    assertThat(output)
        .as("the head of office's claim of the focal point's task")
        .contains("\"status\":409");
    assertThat(output).as("the bad input").contains("\"field\":\"country\"");
    assertThat(output)
        .as("the list imported, then again")
        .contains("\"format\":\"docx\",\"added\":215,\"updated\":0,\"unchanged\":0")
        .contains("\"added\":0,\"updated\":0,\"unchanged\":215");
    assertThat(output)
        .as("the CSV's correction, addition and refused row")
        .contains("\"format\":\"csv\",\"added\":1,\"updated\":1,\"unchanged\":0")
        .contains("\"row\":4,\"paragraph\":\"121.301\"");
    assertThat(output)
        .as("the position recorded on 121.300")
        .contains("\"changed\":1,\"unchanged\":0,\"rejected\":0");

    String reviewId = lines.get(0);
    JsonNode review =
        new Api(platform.webApi, "coordinator", "demo").get("/api/reviews/" + reviewId).body();
    assertThat(review.get("stage").asText()).as(review.toString()).isEqualTo("review");
    JsonNode submission =
        new Api(platform.webApi, "coordinator", "demo")
            .get("/api/reviews/" + reviewId + "/submission")
            .body();
    assertThat(submission.toString()).contains("UNCT-GHA-" + SESSION).contains("send-back");
    Api viewer = new Api(platform.webApi, "viewer", "demo");
    String register = "/api/reviews/" + reviewId + "/recommendations";
    assertThat(viewer.get(register + "?size=1").body().get("total").asInt()).isEqualTo(216);
    assertThat(viewer.get(register + "?position=supported&size=1").body().get("total").asInt())
        .as("the list's 182 and 121.300")
        .isEqualTo(183);
    assertThat(viewer.get(register + "?position=noted&size=1").body().get("total").asInt())
        .isEqualTo(33);
    JsonNode first = viewer.get(register + "?size=1").body().get("items").get(0);
    assertThat(first.get("paragraph").asText()).isEqualTo("121.1");
    assertThat(first.get("recommendingStates").toString())
        .isEqualTo(
            "[{\"name\":\"France\",\"code\":\"FRA\"},{\"name\":\"Lithuania\",\"code\":\"LTU\"}]");
    assertThat(first.get("positionSource").toString())
        .isEqualTo("{\"symbol\":\"A/HRC/43/15/Add.1\",\"paragraph\":\"3\"}");
  }

  /** The bash blocks between the guide's walk-through markers, in order. */
  private static String walkThrough() throws IOException {
    String guide = Files.readString(GUIDE);
    int start = guide.indexOf("<!-- walk-through:start -->");
    int end = guide.indexOf("<!-- walk-through:end -->");
    assertThat(start).as("walk-through markers in " + GUIDE).isNotNegative().isLessThan(end);
    Matcher blocks =
        Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(guide.substring(start, end));
    List<String> script = new ArrayList<>();
    while (blocks.find()) {
      script.add(blocks.group(1));
    }
    assertThat(script).as("bash blocks of the walk-through").hasSizeGreaterThan(3);
    return String.join("\n", script);
  }
}
