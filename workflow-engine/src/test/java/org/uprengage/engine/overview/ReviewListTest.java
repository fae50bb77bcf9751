package org.uprengage.engine.overview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.MovableClock;

/**
 * The list of reviews: those of the caller's country teams only, the latest started first, each
 * with its stage and step, its WG session's dates, its next milestone and its open tasks; filtered
 * by team and state, in bounded pages, a bad parameter named.
 */
class ReviewListTest extends EngineIntegrationTest {

  @Autowired private MovableClock clock;

  @Test
  void aTeamsReviewsAreListedLatestFirstWithStageSessionNextDeadlineAndOpenTasks()
      throws Exception {
    String team = newCountryTeam();
    String older = startReview(team, 42, coordinator(team));
    String newer = planned(team, 56, "UNICEF", "UNDP");
    Instant today = Instant.parse("2027-03-01T12:00:00Z");
    clock.moveTo(today);
    try {
      String body =
          mvc.perform(get("/api/reviews").with(focalUnicef(team)))
              .andExpect(status().isOk())
              .andExpect(jsonPath("$.total").value(2))
              .andExpect(jsonPath("$.page").value(0))
              .andExpect(jsonPath("$.size").value(20))
              .andExpect(jsonPath("$.items[0].id").value(newer))
              .andExpect(jsonPath("$.items[0].country").value(team))
              .andExpect(jsonPath("$.items[0].session").value(56))
              .andExpect(jsonPath("$.items[0].sessionStartsOn").value("2027-11-01"))
              .andExpect(jsonPath("$.items[0].sessionEndsOn").value("2027-11-12"))
              .andExpect(jsonPath("$.items[0].state").value("ACTIVE"))
              .andExpect(jsonPath("$.items[0].stage").value("submission"))
              .andExpect(jsonPath("$.items[0].step").value("agency-drafting"))
              .andExpect(jsonPath("$.items[0].startedBy").value("coordinator"))
              // one draft for each agency of the plan
              .andExpect(jsonPath("$.items[0].openTaskCount").value(2))
              .andExpect(jsonPath("$.items[1].id").value(older))
              .andExpect(jsonPath("$.items[1].step").value("submission-planning"))
              .andExpect(jsonPath("$.items[1].openTaskCount").value(1))
              .andReturn()
              .getResponse()
              .getContentAsString();

      // the next deadline is the review's earliest milestone still ahead of the engine's today
      Map<String, Object> expected =
          milestones(newer, coordinator(team)).stream()
              .filter(
                  m -> LocalDate.parse((String) m.get("dueOn")).isAfter(LocalDate.of(2027, 3, 1)))
              .min(Comparator.comparing(m -> (String) m.get("dueOn")))
              .orElseThrow();
      assertThat(JsonPath.<String>read(body, "$.items[0].nextDeadline.key"))
          .isEqualTo(expected.get("key"));
      assertThat(JsonPath.<String>read(body, "$.items[0].nextDeadline.dueOn"))
          .isEqualTo(expected.get("dueOn"));
      assertThat(JsonPath.<String>read(body, "$.items[0].nextDeadline.basis"))
          .isEqualTo(expected.get("basis"));
      // the 42nd session's every milestone is behind it by then
      assertThat(
              milestones(older, coordinator(team)).stream()
                  .map(m -> LocalDate.parse((String) m.get("dueOn")))
                  .allMatch(day -> day.isBefore(LocalDate.of(2027, 3, 1))))
          .isTrue();
      assertThat(JsonPath.<Map<String, Object>>read(body, "$.items[1]"))
          .doesNotContainKey("nextDeadline");
    } finally {
      clock.reset();
    }
  }

  @Test
  void aPersonSeesTheReviewsOfTheirTeamsOnlyAndFiltersThemByTeamAndState() throws Exception {
    String team = newCountryTeam();
    String other = newCountryTeam();
    String ours = startReview(team, 42, coordinator(team));
    String theirs = startReview(other, 42, coordinator(other));
    RequestPostProcessor ofBoth =
        person("viewer-both", List.of("viewer"), "UNDP", List.of(team, other));

    mvc.perform(get("/api/reviews").with(coordinator(team)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(ours));
    mvc.perform(get("/api/reviews").with(ofBoth))
        .andExpect(jsonPath("$.total").value(2))
        .andExpect(jsonPath("$.items[0].id").value(theirs))
        .andExpect(jsonPath("$.items[1].id").value(ours));
    mvc.perform(get("/api/reviews").param("countryTeam", team).with(ofBoth))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].id").value(ours));
    mvc.perform(get("/api/reviews").param("state", "ACTIVE").with(ofBoth))
        .andExpect(jsonPath("$.total").value(2));
    mvc.perform(get("/api/reviews").param("state", "COMPLETED").with(ofBoth))
        .andExpect(jsonPath("$.total").value(0))
        .andExpect(jsonPath("$.items").isEmpty());
    // another team's reviews are not found, as each of them is
    mvc.perform(get("/api/reviews").param("countryTeam", other).with(coordinator(team)))
        .andExpect(status().isNotFound())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    // a platform admin belongs to no team: they see no review
    mvc.perform(get("/api/reviews").with(platformAdmin())).andExpect(jsonPath("$.total").value(0));
  }

  @Test
  void reviewsComeInBoundedPages() throws Exception {
    String team = newCountryTeam();
    String first = startReview(team, 41, coordinator(team));
    String second = startReview(team, 42, coordinator(team));
    String third = startReview(team, 54, coordinator(team));

    mvc.perform(get("/api/reviews").param("size", "2").with(coordinator(team)))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.items.length()").value(2))
        .andExpect(jsonPath("$.items[0].id").value(third))
        .andExpect(jsonPath("$.items[1].id").value(second));
    mvc.perform(get("/api/reviews").param("size", "2").param("page", "1").with(coordinator(team)))
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.page").value(1))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].id").value(first));
    mvc.perform(get("/api/reviews").param("size", "100").with(coordinator(team)))
        .andExpect(status().isOk());
    // a page far past the last is empty, not an overflow
    mvc.perform(
            get("/api/reviews")
                .param("page", String.valueOf(Integer.MAX_VALUE))
                .param("size", "100")
                .with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(3))
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void aBadParameterIsAProblemThatNamesIt() throws Exception {
    String team = newCountryTeam();
    mvc.perform(
            get("/api/reviews")
                .param("countryTeam", "gha")
                .param("state", "DONE")
                .param("page", "-1")
                .param("size", "101")
                .with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(Matchers.contains("countryTeam", "state", "page", "size")))
        .andExpect(jsonPath("$.errors[1].message").value("must be ACTIVE or COMPLETED"))
        .andExpect(jsonPath("$.errors[3].message").value("must be between 1 and 100"));
    mvc.perform(get("/api/reviews").param("size", "0").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("size"));
    mvc.perform(get("/api/reviews").param("page", "two").with(coordinator(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("page"));
  }

  private List<Map<String, Object>> milestones(String reviewId, RequestPostProcessor who)
      throws Exception {
    return JsonPath.read(
        mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(who))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(),
        "$");
  }
}
