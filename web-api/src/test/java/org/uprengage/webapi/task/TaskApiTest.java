package org.uprengage.webapi.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;

/** The task resource through the whole of web-api: filters, versions, bulk, attachments. */
class TaskApiTest extends DemoApiTest {

  @Test
  void taskFiltersReachTheEngineEncodedAndBadOnesDoNot() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(
            get("/api/tasks")
                .param("show", "team")
                .param("q", "agency & section")
                .param("dueBefore", "2027-01-01")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri())
        .contains("show=team", "dueBefore=2027-01-01", "q=agency%20%26%20section");
    int before = engine.received().size();
    mvc.perform(
            get("/api/tasks")
                .param("show", "everything")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("show"));
    assertThat(engine.received()).hasSize(before);
  }

  @Test
  void theStageFilterIsRelayedAndAnUnknownStageIsNot() throws Exception {
    engine.answer(200, "application/json", "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(
            get("/api/tasks")
                .param("stage", "follow-up")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri()).contains("stage=follow-up");
    int before = engine.received().size();
    mvc.perform(
            get("/api/tasks")
                .param("stage", "lunch")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("stage"));
    assertThat(engine.received()).hasSize(before);
  }

  @Test
  void aBadTaskIdOrPageSizeIsRejectedBeforeItReachesTheEngine() throws Exception {
    mvc.perform(
            get("/api/tasks/{id}", "bad!id").header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"));
    mvc.perform(get("/api/tasks?size=1000").header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void bulkRequestsAreBoundedBeforeTheyReachTheEngine() throws Exception {
    String many = String.join(",", Collections.nCopies(51, "\"abc\""));
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[" + many + "]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taskIds"));
    assertThat(engine.received()).isEmpty();
    engine.answer(
        200,
        "application/json",
        "[{\"taskId\":\"abc\",\"status\":404,\"problem\":{\"title\":\"Task not found\",\"status\":404}}]");
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"taskIds\":[\"abc\"]}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].status").value(404))
        .andExpect(jsonPath("$[0].problem.title").value("Task not found"));
  }

  @Test
  void taskVersionsTravelAsETagAndIfMatch() throws Exception {
    engine.answer(200, "application/json", "{\"id\":\"abc\",\"version\":3}");
    engine.etag("\"3\"");
    mvc.perform(get("/api/tasks/abc").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""));
    mvc.perform(
            post("/api/tasks/abc/claim")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("If-Match", "\"3\""))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""));
    assertThat(engine.last().ifMatch()).isEqualTo("\"3\"");
    engine.answer(
        409,
        "application/problem+json",
        "{\"title\":\"Conflict with the current state\",\"status\":409,\"current\":{\"id\":\"abc\",\"version\":4}}");
    mvc.perform(
            post("/api/tasks/abc/complete")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("If-Match", "\"3\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Our section\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.version").value(4));
    assertThat(engine.last().ifMatch()).isEqualTo("\"3\"");
  }

  @Test
  void aRoundTasksRecommendationsAndAPlansPreviousCountsAreRelayed() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"id\":\"abc\",\"taskKey\":\"UserTask_ReportProgress\",\"recommendations\":[{"
            + "\"id\":\"5b1f3c3e-8d5a-4a43-9f55-0c3f1a2b9d10\",\"paragraph\":\"121.2\","
            + "\"text\":\"Protect children online\",\"status\":\"in-progress\","
            + "\"statusAsOf\":\"2026-11-30\",\"roundUpdateClearance\":\"pending\"}]}");
    mvc.perform(get("/api/tasks/abc").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recommendations[0].paragraph").value("121.2"))
        .andExpect(jsonPath("$.recommendations[0].statusAsOf").value("2026-11-30"))
        .andExpect(jsonPath("$.recommendations[0].roundUpdateClearance").value("pending"));
    engine.answer(
        200,
        "application/json",
        "{\"id\":\"def\",\"taskKey\":\"UserTask_PlanSubmission\",\"previousRecommendations\":{"
            + "\"previousReviewId\":\"5b1f3c3e-8d5a-4a43-9f55-0c3f1a2b9d10\","
            + "\"byLeadAgency\":{\"UNICEF\":12,\"UNDP\":3},\"unassigned\":4}}");
    mvc.perform(get("/api/tasks/def").header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.previousRecommendations.byLeadAgency.UNICEF").value(12))
        .andExpect(jsonPath("$.previousRecommendations.unassigned").value(4));
  }

  @Test
  void approvalsAreRelayed() throws Exception {
    engine.answer(200, "application/json", "[]");
    mvc.perform(get("/api/approvals").header("Authorization", basic("head-unicef", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri()).isEqualTo("/api/approvals?show=both");
  }

  @Test
  void attachmentsAreAddedWithTheirLocationAndRemoved() throws Exception {
    engine.answer(
        201,
        "application/json",
        "{\"id\":\"0b6c3f0e-3c9e-4d8e-9a51-3f7f9a1d2c4b\",\"name\":\"Draft\",\"url\":\"https://drive.example.org/d\",\"addedBy\":\"focal-unicef\"}");
    mvc.perform(
            post("/api/tasks/abc/attachments")
                .header("Authorization", basic("focal-unicef", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Draft\",\"url\":\"https://drive.example.org/d\"}"))
        .andExpect(status().isCreated())
        .andExpect(
            header()
                .string(
                    "Location",
                    endsWith("/api/tasks/abc/attachments/0b6c3f0e-3c9e-4d8e-9a51-3f7f9a1d2c4b")));
    assertThat(engine.last().uri()).isEqualTo("/api/tasks/abc/attachments");

    engine.answer(204, "application/json", "");
    mvc.perform(
            delete("/api/tasks/abc/attachments/0b6c3f0e-3c9e-4d8e-9a51-3f7f9a1d2c4b")
                .header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isNoContent());
    assertThat(engine.last().method()).isEqualTo("DELETE");
  }
}
