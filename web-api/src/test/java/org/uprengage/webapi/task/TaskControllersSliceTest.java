package org.uprengage.webapi.task;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.webapi.backend.Backend;
import org.uprengage.webapi.web.ApiProblem;

/**
 * The task controllers alone (no services, no sign-in): what they refuse before relaying, how they
 * answer, and how the engine's failures reach the caller. The relay is a Mockito stand-in.
 */
@WebMvcTest(
    controllers = {
      TaskQueryController.class,
      TaskCommandController.class,
      BulkTaskController.class,
      TaskAttachmentController.class
    })
@AutoConfigureMockMvc(addFilters = false)
class TaskControllersSliceTest {

  private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

  @Autowired MockMvc mvc;

  @MockitoBean(name = "engine")
  Backend engine;

  @Test
  void aTaskIdWithCharactersNoTaskIdHasIsABadRequestNamingId() throws Exception {
    mvc.perform(get("/api/tasks/{id}", "bad!id"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/invalid-input"))
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a task id"));
    verifyNoInteractions(engine);
  }

  @Test
  void aPageOfMoreThanAHundredTasksIsABadRequestNamingSize() throws Exception {
    mvc.perform(get("/api/tasks").param("size", "101"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    verifyNoInteractions(engine);
  }

  @Test
  void anUnknownListIsABadRequestNamingShow() throws Exception {
    mvc.perform(get("/api/tasks").param("show", "all"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("show"))
        .andExpect(
            jsonPath("$.errors[0].message").value("must be one of mine, claimable, both, team"));
    verifyNoInteractions(engine);
  }

  @Test
  void aDueBeforeThatIsNoDateIsABadRequestNamingDueBefore() throws Exception {
    mvc.perform(get("/api/tasks").param("dueBefore", "soon"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueBefore"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a valid LocalDate"));
    verifyNoInteractions(engine);
  }

  @Test
  void anAttachmentIdThatIsNoUuidIsABadRequestNamingAttachmentId() throws Exception {
    mvc.perform(delete("/api/tasks/abc/attachments/not-a-uuid"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("attachmentId"));
    verifyNoInteractions(engine);
  }

  @Test
  void aCommentWithoutTextIsABadRequestNamingText() throws Exception {
    mvc.perform(
            post("/api/tasks/abc/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("text"));
    verifyNoInteractions(engine);
  }

  @Test
  void anUnknownFieldIsABadRequestNamingIt() throws Exception {
    mvc.perform(
            post("/api/tasks/abc/assign")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"assignee\":\"focal-undp\",\"priority\":1}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("priority"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a known field"));
    verifyNoInteractions(engine);
  }

  @Test
  void aBulkRequestOfMoreThanFiftyTasksIsABadRequestNamingTaskIds() throws Exception {
    mvc.perform(
            post("/api/tasks/bulk/claim")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"taskIds\":[" + String.join(",", Collections.nCopies(51, "\"a\"")) + "]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("taskIds"));
    verifyNoInteractions(engine);
  }

  @Test
  void claimingATaskAnswersItWithItsVersionAsETag() throws Exception {
    when(engine.relay(
            eq(HttpMethod.POST), eq("/api/tasks/{id}/claim"), isNull(), eq("\"3\""), eq("abc")))
        .thenReturn(
            ResponseEntity.ok()
                .eTag("\"4\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body(JSON.writeValueAsBytes(task("abc", 4))));
    mvc.perform(post("/api/tasks/abc/claim").header("If-Match", "\"3\""))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"4\""))
        .andExpect(content().contentType(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.id").value("abc"))
        .andExpect(jsonPath("$.version").value(4));
  }

  @Test
  void completingATaskAnswers204WithNoBody() throws Exception {
    mvc.perform(
            post("/api/tasks/abc/complete")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Our section\"}"))
        .andExpect(status().isNoContent())
        .andExpect(content().string(""));
  }

  @Test
  void aCommentAnswers201WithTheComment() throws Exception {
    when(engine.post(
            eq("/api/tasks/{id}/comments"), any(), eq(TaskResources.Comment.class), eq("abc")))
        .thenReturn(new TaskResources.Comment("c1", "focal-undp", null, "Looks good"));
    mvc.perform(
            post("/api/tasks/abc/comments")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Looks good\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.text").value("Looks good"));
  }

  @Test
  void claimingATaskSomeoneElseHoldsIsTheEnginesConflict() throws Exception {
    when(engine.relay(eq(HttpMethod.POST), anyString(), any(), any(), eq("abc")))
        .thenThrow(
            ApiProblem.relayed(
                "workflow engine",
                HttpStatusCode.valueOf(409),
                "{\"type\":\"https://uprengage.org/problems/conflict\",\"title\":\"Conflict with the current state\",\"status\":409,\"detail\":\"The task is already claimed by focal-unicef.\"}"
                    .getBytes(StandardCharsets.UTF_8)));
    mvc.perform(post("/api/tasks/abc/claim"))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The task is already claimed by focal-unicef."));
  }

  @Test
  void anEngineThatDoesNotAnswerIsServiceUnavailable() throws Exception {
    when(engine.relay(eq(HttpMethod.GET), anyString(), isNull(), isNull(), any(Object[].class)))
        .thenThrow(
            ApiProblem.unavailable("The workflow engine did not answer; try again shortly.", null));
    mvc.perform(get("/api/tasks"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/service-unavailable"));
  }

  @Test
  void anUnexpectedFailureIsAnInternalErrorThatTellsNothingOfIt() throws Exception {
    when(engine.relay(eq(HttpMethod.GET), anyString(), isNull(), isNull(), any(Object[].class)))
        .thenThrow(new IllegalStateException("connection pool secret-host:5432 exhausted"));
    mvc.perform(get("/api/tasks"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/internal"))
        .andExpect(content().string(not(containsString("secret-host"))));
  }

  private static TaskResources.Task task(String id, int version) {
    return new TaskResources.Task(
        id,
        "Draft the agency section",
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        version,
        null,
        null,
        null,
        null);
  }
}
