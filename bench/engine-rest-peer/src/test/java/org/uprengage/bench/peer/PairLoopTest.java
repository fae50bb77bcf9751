package org.uprengage.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.uprengage.testsupport.TestInfrastructure;

/**
 * The peer as the side-by-side client drives it, over HTTP on a real PostgreSQL database: the pair
 * loop's list, claim and complete calls, and the process looping from the second task to the first.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.bpm.job-execution.enabled=false")
class PairLoopTest {

  private static final ObjectMapper json = new ObjectMapper();
  private static final HttpClient http = HttpClient.newHttpClient();

  @LocalServerPort int port;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.datasource.url", () -> TestInfrastructure.database("peer"));
    registry.add("spring.datasource.username", () -> TestInfrastructure.postgres().user());
    registry.add("spring.datasource.password", () -> TestInfrastructure.postgres().password());
  }

  @Test
  void completingTheSecondTaskOffersTheFirstAgain() throws Exception {
    String instance =
        call(
                "POST",
                "/process-definition/key/" + PairProcess.KEY + "/start",
                "{\"businessKey\":\"pair-test\",\"variables\":{\"group\":{\"value\":\"UNICEF\",\"type\":\"String\"}}}")
            .get("id")
            .asText();

    JsonNode first = claimable("pair-test", "UNICEF");
    assertThat(first.get("taskDefinitionKey").asText()).isEqualTo(PairProcess.TASK_FIRST);
    assertThat(claimable("pair-test", "UNDP")).isNull();
    pair(first.get("id").asText());

    JsonNode second = claimable("pair-test", "UNICEF");
    assertThat(second.get("taskDefinitionKey").asText()).isEqualTo(PairProcess.TASK_SECOND);
    pair(second.get("id").asText());

    JsonNode again = claimable("pair-test", "UNICEF");
    assertThat(again.get("taskDefinitionKey").asText()).isEqualTo(PairProcess.TASK_FIRST);
    assertThat(again.get("processInstanceId").asText()).isEqualTo(instance);
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM act_hi_taskinst WHERE proc_inst_id_ = ? AND end_time_ IS NOT NULL",
                Integer.class,
                instance))
        .as("history level full keeps every finished task")
        .isEqualTo(2);
  }

  @Test
  void aClaimedTaskIsNoLongerClaimable() throws Exception {
    call(
        "POST",
        "/process-definition/key/" + PairProcess.KEY + "/start",
        "{\"businessKey\":\"pair-claimed\",\"variables\":{\"group\":{\"value\":\"UNDP\",\"type\":\"String\"}}}");
    JsonNode task = claimable("pair-claimed", "UNDP");
    call("POST", "/task/" + task.get("id").asText() + "/claim", "{\"userId\":\"worker-1\"}");

    assertThat(claimable("pair-claimed", "UNDP")).isNull();
  }

  /** Claims and completes a task, as one of the client's workers does. */
  private void pair(String taskId) throws Exception {
    call("POST", "/task/" + taskId + "/claim", "{\"userId\":\"worker-0\"}");
    call(
        "POST",
        "/task/" + taskId + "/complete",
        "{\"variables\":{\"text\":{\"value\":\"A section\",\"type\":\"String\"}}}");
  }

  private JsonNode claimable(String businessKey, String group) throws Exception {
    JsonNode tasks =
        call(
            "GET",
            "/task?processInstanceBusinessKey="
                + businessKey
                + "&candidateGroup="
                + group
                + "&firstResult=0&maxResults=1",
            null);
    return tasks.size() == 0 ? null : tasks.get(0);
  }

  private JsonNode call(String method, String path, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/engine-rest" + path));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 204);
    return response.body().isEmpty() ? json.nullNode() : json.readTree(response.body());
  }
}
