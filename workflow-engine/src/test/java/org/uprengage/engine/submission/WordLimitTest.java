package org.uprengage.engine.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Word counts of the sections and the consolidated text against the installation's limit (the
 * tests' configuration sets 12 words for the UN country team's joint submission in cycle 5 only),
 * and the RC's sign-off over it: refused naming both numbers, or overridden with a reason that is
 * kept.
 */
class WordLimitTest extends EngineIntegrationTest {

  private static final String LONG_TEXT =
      "The UN country team welcomes the adoption of the national action plan and"
          + " recommends its full funding in 2027.";

  @Test
  void everyTextShowsItsWordsAndTheLimitOfItsCycle() throws Exception {
    String team = newCountryTeam();
    String reviewId = consolidated(team, 55, LONG_TEXT);
    mvc.perform(get("/api/reviews/" + reviewId + "/submission").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.words").value(19))
        .andExpect(jsonPath("$.wordLimit").value(12))
        .andExpect(jsonPath("$.sections[0].words").value(4));
    String other = newCountryTeam();
    String cycle4 = consolidated(other, 42, LONG_TEXT);
    mvc.perform(get("/api/reviews/" + cycle4 + "/submission").with(coordinator(other)))
        .andExpect(jsonPath("$.words").value(19))
        .andExpect(jsonPath("$.wordLimit").doesNotExist());
  }

  @Test
  void theDetailOfADraftingOrApprovalTaskShowsItsWordsAgainstTheLimit() throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 55, "UNICEF", "UNDP");
    String draft =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    mvc.perform(get("/api/tasks/" + draft).with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.words.sections[0].agency").value("UNICEF"))
        .andExpect(jsonPath("$.words.sections[0].words").value(0))
        .andExpect(jsonPath("$.words.sections.length()").value(1))
        .andExpect(jsonPath("$.words.consolidated").doesNotExist())
        .andExpect(jsonPath("$.words.limit").value(12))
        .andExpect(jsonPath("$.words.overLimit").value(false));
    draft(reviewId, focalUnicef(team), "Our section, in full.");
    draft(reviewId, focalUndp(team), "Access to justice: eight words on what UNDP saw.");

    String consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    // the coordinator sees every section, in the agreed order (UNICEF was named first), and their
    // sum over the limit before any consolidated text
    mvc.perform(get("/api/tasks/" + consolidate).with(coordinator(team)))
        .andExpect(jsonPath("$.words.sections[0].agency").value("UNICEF"))
        .andExpect(jsonPath("$.words.sections[0].words").value(4))
        .andExpect(jsonPath("$.words.sections[1].agency").value("UNDP"))
        .andExpect(jsonPath("$.words.sections[1].words").value(9))
        .andExpect(jsonPath("$.words.sectionsTotal").value(13))
        .andExpect(jsonPath("$.words.overLimit").value(true));
    act(consolidate, "claim", coordinator(team));
    complete(consolidate, "{\"text\":\"" + LONG_TEXT + "\"}", coordinator(team))
        .andExpect(status().isNoContent());

    String clearance =
        taskIds(reviewId, ReviewProcess.TASK_CLEAR_SUBMISSION, headUnicef(team)).get(0);
    mvc.perform(get("/api/tasks/" + clearance).with(headUnicef(team)))
        .andExpect(jsonPath("$.words.sections[0].agency").value("UNICEF"))
        .andExpect(jsonPath("$.words.sections.length()").value(1))
        .andExpect(jsonPath("$.words.consolidated").value(19))
        .andExpect(jsonPath("$.words.limit").value(12))
        .andExpect(jsonPath("$.words.overLimit").value(true));
    // the list of tasks leaves the words out
    mvc.perform(get("/api/tasks").with(headUnicef(team)))
        .andExpect(jsonPath("$.items[0].words").doesNotExist());
  }

  @Test
  void theRcsSignOffOverTheLimitIsRefusedUnlessOverriddenWithAReason() throws Exception {
    String team = newCountryTeam();
    String reviewId = consolidated(team, 55, LONG_TEXT);
    clear(team, reviewId);
    RequestPostProcessor rc = person("rc", List.of("rc"), null, List.of(team));
    String signOff = taskIds(reviewId, ReviewProcess.TASK_SIGN_OFF_SUBMISSION, rc).get(0);
    act(signOff, "claim", rc);

    complete(signOff, "{\"decision\":\"approve\"}", rc)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.actual").value(19))
        .andExpect(jsonPath("$.limit").value(12))
        .andExpect(jsonPath("$.errors[0].field").value("overWordLimitReason"))
        .andExpect(jsonPath("$.detail").value(containsString("19 words")))
        .andExpect(jsonPath("$.detail").value(containsString("limit of 12")));
    assertThat(taskIds(reviewId, ReviewProcess.TASK_SIGN_OFF_SUBMISSION, rc))
        .containsExactly(signOff);

    complete(
            signOff,
            "{\"decision\":\"approve\",\"overWordLimitReason\":\"OHCHR agreed to the length\"}",
            rc)
        .andExpect(status().isNoContent());
    String submission =
        mvc.perform(get("/api/reviews/" + reviewId + "/submission").with(coordinator(team)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(
            JsonPath.<List<String>>read(
                submission, "$.decisions[?(@.stage == 'sign-off')].comments"))
        .containsExactly(
            "Signed off over the word limit (19 words, limit 12): OHCHR agreed to the length");
    assertThat(
            JsonPath.<List<String>>read(
                submission, "$.decisions[?(@.stage == 'sign-off')].overWordLimitReason"))
        .containsExactly("OHCHR agreed to the length");
    String audit =
        mvc.perform(get("/api/tasks/" + signOff + "/audit").with(coordinator(team)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<Integer>>read(audit, "$[*].outcome")).contains(422, 204);
  }

  @Test
  void aHeadOfOfficeCannotOverrideTheLimit() throws Exception {
    String team = newCountryTeam();
    String reviewId = consolidated(team, 55, LONG_TEXT);
    String clearance =
        taskIds(reviewId, ReviewProcess.TASK_CLEAR_SUBMISSION, headUnicef(team)).get(0);
    act(clearance, "claim", headUnicef(team));
    complete(
            clearance,
            "{\"decision\":\"approve\",\"overWordLimitReason\":\"fine\"}",
            headUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("overWordLimitReason"));
  }

  /** A review in {@code session} with UNICEF's section drafted and the text consolidated. */
  private String consolidated(String team, int session, String text) throws Exception {
    String reviewId = planned(team, session, "UNICEF");
    draft(reviewId, focalUnicef(team), "Our section, in full.");
    String consolidate =
        taskIds(reviewId, ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, coordinator(team)).get(0);
    act(consolidate, "claim", coordinator(team));
    complete(consolidate, "{\"text\":\"" + text + "\"}", coordinator(team))
        .andExpect(status().isNoContent());
    return reviewId;
  }

  private void clear(String team, String reviewId) throws Exception {
    String clearance =
        taskIds(reviewId, ReviewProcess.TASK_CLEAR_SUBMISSION, headUnicef(team)).get(0);
    act(clearance, "claim", headUnicef(team));
    complete(clearance, "{\"decision\":\"approve\"}", headUnicef(team))
        .andExpect(status().isNoContent());
  }
}
