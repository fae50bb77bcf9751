package org.uprengage.engine.recommendation;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.engine.review.ReviewProcess;

/**
 * The hand-over of recommendations: the next review lists those of the review before it not yet
 * implemented, and how many of them each agency leads on, which its submission plan shows too.
 */
class PreviousRecommendationsTest extends RegisterTest {

  private static final String LIST =
      "paragraph,text\n"
          + "121.1,Ratify the Convention (France);\n"
          + "121.2,Protect children online (Chile);\n"
          + "121.3,Enrol every girl (Peru);\n"
          + "121.4,Train the police (Spain);\n";

  @Test
  void theNextReviewListsWhatIsNotImplementedAndHowManyEachAgencyLeadsOn() throws Exception {
    String team = newCountryTeam();
    String previous = reviewWithList(team, 41, LIST);
    for (String paragraph : new String[] {"121.1", "121.2", "121.3"}) {
      mvc.perform(
              put(oneOf(previous, paragraph) + "/assignment")
                  .with(coordinator(team))
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(
                      "{\"leadAgency\":\""
                          + (paragraph.equals("121.1") ? "UNDP" : "UNICEF")
                          + "\"}"))
          .andExpect(status().isOk());
    }
    postJson(
            oneOf(previous, "121.2") + "/progress",
            "{\"status\":\"implemented\",\"narrative\":\"Law adopted\",\"asOf\":\""
                + today()
                + "\"}",
            focalUnicef(team))
        .andExpect(status().isCreated());
    String next = startReview(team, 42, coordinator(team));
    jdbc.update(
        "UPDATE upr_review SET previous_review_id = ?::uuid WHERE id = ?::uuid", previous, next);

    mvc.perform(get("/api/reviews/" + next + "/previous-recommendations").with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.previousReviewId").value(previous))
        .andExpect(jsonPath("$.recommendations.length()").value(3))
        .andExpect(jsonPath("$.recommendations[0].paragraph").value("121.1"))
        .andExpect(jsonPath("$.recommendations[1].paragraph").value("121.3"))
        .andExpect(jsonPath("$.recommendations[2].paragraph").value("121.4"))
        .andExpect(jsonPath("$.byLeadAgency.UNDP").value(1))
        .andExpect(jsonPath("$.byLeadAgency.UNICEF").value(1))
        .andExpect(jsonPath("$.unassigned").value(1));
    String plan = taskIds(next, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    mvc.perform(get("/api/tasks/" + plan).with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.previousRecommendations.previousReviewId").value(previous))
        .andExpect(jsonPath("$.previousRecommendations.byLeadAgency.UNDP").value(1))
        .andExpect(jsonPath("$.previousRecommendations.byLeadAgency.UNICEF").value(1))
        .andExpect(jsonPath("$.previousRecommendations.byLeadAgency.length()").value(2))
        .andExpect(jsonPath("$.previousRecommendations.unassigned").value(1));
    String firstPlan =
        taskIds(previous, ReviewProcess.TASK_PLAN_SUBMISSION, coordinator(team)).get(0);
    mvc.perform(get("/api/tasks/" + firstPlan).with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.previousRecommendations").doesNotExist());
    mvc.perform(get("/api/reviews/" + previous + "/previous-recommendations").with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recommendations.length()").value(0));
    mvc.perform(
            get("/api/reviews/" + next + "/previous-recommendations")
                .with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
  }
}
