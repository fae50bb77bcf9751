package org.uprengage.webapi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;

/** Listing reviews, starting one and reading its submission, relayed to the engine. */
class ReviewApiTest extends DemoApiTest {

  @Test
  void aStartedReviewAnswers201WithItsLocation() throws Exception {
    engine.answer(
        201,
        "application/json",
        "{\"id\":\"7f3f4c72-1f67-42c3-9976-600fc9772be3\",\"country\":\"GHA\",\"session\":56,\"state\":\"ACTIVE\",\"processInstanceId\":\"internal\"}");
    mvc.perform(
            post("/api/reviews")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"GHA\",\"session\":56}"))
        .andExpect(status().isCreated())
        .andExpect(
            header()
                .string(
                    "Location",
                    "http://localhost/api/reviews/7f3f4c72-1f67-42c3-9976-600fc9772be3"))
        .andExpect(jsonPath("$.processInstanceId").doesNotExist());
    assertThat(engine.last().body()).isEqualTo("{\"country\":\"GHA\",\"session\":56}");
  }

  @Test
  void theListOfReviewsIsRelayedWithItsFiltersAndABadOneNamedBeforeTheEngine() throws Exception {
    engine.answer(
        200,
        "application/json",
        "{\"items\":[{\"id\":\"7f3f4c72-1f67-42c3-9976-600fc9772be3\",\"country\":\"GHA\",\"session\":56,"
            + "\"sessionStartsOn\":\"2027-11-01\",\"sessionEndsOn\":\"2027-11-12\",\"state\":\"ACTIVE\","
            + "\"stage\":\"submission\",\"step\":\"agency-drafting\",\"startedBy\":\"coordinator\","
            + "\"startedAt\":\"2026-12-01T09:00:00Z\",\"nextDeadline\":{\"key\":\"agencyDraftsDue\","
            + "\"dueOn\":\"2027-03-12\",\"basis\":\"computed\"},\"openTaskCount\":2}],"
            + "\"page\":1,\"size\":10,\"total\":11}");
    mvc.perform(
            get("/api/reviews")
                .param("countryTeam", "GHA")
                .param("state", "ACTIVE")
                .param("page", "1")
                .param("size", "10")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].nextDeadline.key").value("agencyDraftsDue"))
        .andExpect(jsonPath("$.items[0].openTaskCount").value(2))
        .andExpect(jsonPath("$.total").value(11));
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews?page=1&size=10&countryTeam=GHA&state=ACTIVE");
    assertThat(engine.last().authorization()).startsWith("Bearer ");

    engine.reset();
    mvc.perform(
            get("/api/reviews")
                .param("state", "finished")
                .param("size", "101")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[*].field").value(hasItems("state", "size")));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aReviewOfNoStateOrWithAnUnknownFieldIsRejectedBeforeItReachesTheEngine() throws Exception {
    mvc.perform(
            post("/api/reviews")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"Ghana\",\"session\":42}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value("country"));
    mvc.perform(
            post("/api/reviews")
                .header("Authorization", basic("coordinator", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"GHA\",\"session\":42,\"x\":true}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("x"));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aSubmissionNotVisibleToTheCallerIsTheEnginesNotFound() throws Exception {
    engine.answer(
        404,
        "application/problem+json",
        "{\"title\":\"Review not found\",\"status\":404,\"detail\":\"No review is visible to you.\"}");
    mvc.perform(
            get("/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.title").value("Review not found"));
  }

  @Test
  void aRoundsDocumentIsRelayedAsTheEnginesWordDocument() throws Exception {
    String docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    engine.answer(200, docx, "PK-the-document");
    mvc.perform(
            get("/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission/document")
                .param("round", "2")
                .param("language", "es")
                .header("Authorization", basic("coordinator", "demo")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(docx))
        .andExpect(content().bytes("PK-the-document".getBytes(StandardCharsets.UTF_8)))
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"joint-submission-5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a-round-2.docx\""));
    assertThat(engine.last().uri())
        .isEqualTo(
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission/document?round=2&language=es");

    engine.answer(
        404,
        "application/problem+json",
        "{\"title\":\"Review not found\",\"status\":404,\"detail\":\"No review is visible to you.\"}");
    mvc.perform(
            get("/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission/document")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.title").value("Review not found"));
  }
}
