package org.uprengage.webapi.review;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.uprengage.webapi.backend.Backend;

/**
 * The review controller alone (no services, no sign-in): what it refuses before relaying and how it
 * answers a started review. The relay is a Mockito stand-in.
 */
@WebMvcTest(controllers = ReviewController.class)
@AutoConfigureMockMvc(addFilters = false)
class ReviewControllerSliceTest {

  private static final UUID REVIEW = UUID.fromString("7f3f4c72-1f67-42c3-9976-600fc9772be3");

  @Autowired MockMvc mvc;

  @MockitoBean(name = "engine")
  Backend engine;

  @Test
  void aStartedReviewAnswers201WithItsAddress() throws Exception {
    when(engine.post(eq("/api/reviews"), any(), eq(ReviewResource.class)))
        .thenReturn(
            new ReviewResource(REVIEW, "GHA", 56, "coordinator", null, "ACTIVE", null, null));
    mvc.perform(
            post("/api/reviews")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"GHA\",\"session\":56}"))
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "http://localhost/api/reviews/" + REVIEW))
        .andExpect(jsonPath("$.id").value(REVIEW.toString()));
  }

  @Test
  void aSessionNumberOver999IsABadRequestNamingSession() throws Exception {
    mvc.perform(
            post("/api/reviews")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"country\":\"GHA\",\"session\":1000}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("session"))
        .andExpect(jsonPath("$.errors[0].message").value("must be a WG session number such as 42"));
    verifyNoInteractions(engine);
  }

  @Test
  void aReviewIdThatIsNoUuidIsABadRequestNamingId() throws Exception {
    mvc.perform(get("/api/reviews/not-a-uuid"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("id"))
        .andExpect(jsonPath("$.errors[0].message").value("is not a valid UUID"));
    verifyNoInteractions(engine);
  }

  @Test
  void aMilestoneNameWithOtherThanLettersIsABadRequestNamingKey() throws Exception {
    mvc.perform(
            put("/api/reviews/{id}/milestones/{key}", REVIEW, "clear_ance")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"dueOn\":\"" + LocalDate.now(ZoneOffset.UTC).plusMonths(6) + "\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("key"));
    verifyNoInteractions(engine);
  }

  @Test
  void aMovedMilestoneWithoutADateIsABadRequestNamingDueOn() throws Exception {
    mvc.perform(
            put("/api/reviews/{id}/milestones/{key}", REVIEW, "clearance")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("dueOn"));
    verifyNoInteractions(engine);
  }
}
