package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.outcome.ReviewOutcome;
import org.uprengage.engine.outcome.ReviewOutcomes;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.task.TaskWork;

/**
 * Browsing the register: filters, sort and pages within a review and across a country team's
 * reviews; and the review's outcome and its "Record the recommendations" task taking the register's
 * counts.
 */
class RecommendationBrowsingTest extends EngineIntegrationTest {

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired RecommendationRegister register;
  @Autowired ReviewOutcomes outcomes;
  @Autowired TransactionTemplate transactions;

  @Test
  void aReviewsRecommendationsAreFilteredSortedAndPaged() throws Exception {
    String team = newCountryTeam();
    String review = startReview(team, 42, coordinator(team));
    imported(review, RecommendationImportTest.THIRD_CYCLE, team);
    String list = "/api/reviews/" + review + "/recommendations";

    String firstPage = browse(list + "?size=10", team);
    assertThat(JsonPath.<Integer>read(firstPage, "$.total")).isEqualTo(215);
    assertThat(JsonPath.<List<String>>read(firstPage, "$.items[*].paragraph"))
        .containsExactly(
            "121.1", "121.2", "121.3", "121.4", "121.5", "121.6", "121.7", "121.8", "121.9",
            "121.10");
    assertThat(
            JsonPath.<String>read(browse(list + "?size=10&page=1", team), "$.items[0].paragraph"))
        .isEqualTo("121.11");
    assertThat(total(list + "?position=noted", team)).isEqualTo(33);
    assertThat(total(list + "?position=supported", team)).isEqualTo(182);
    assertThat(total(list + "?sdg=16", team)).isEqualTo(count(review, "16 = ANY(sdgs)"));
    assertThat(total(list + "?theme=Acceptance of international norms", team))
        .isEqualTo(
            count(
                review,
                "theme_heading = 'Acceptance of international norms' OR 'Acceptance of international norms' = ANY(themes)"));
    assertThat(total(list + "?group=Disappeared persons", team))
        .isEqualTo(count(review, "'Disappeared persons' = ANY(groups_of_persons)"));
    assertThat(total(list + "?state=FRA", team))
        .isEqualTo(total(list + "?state=france", team))
        .isEqualTo(count(review, "'FRA' = ANY(state_codes)"))
        .isPositive();
    assertThat(total(list + "?text=ERASED persons", team)).isEqualTo(2); // 122.155, 122.156
    assertThat(total(list + "?text=100%", team)).isZero();
    assertThat(total(list + "?position=noted&sdg=16", team))
        .isEqualTo(count(review, "position = 'noted' AND 16 = ANY(sdgs)"));
    String byPosition = browse(list + "?sort=position&size=1", team);
    assertThat(JsonPath.<String>read(byPosition, "$.items[0].position")).isEqualTo("noted");
    mvc.perform(get(list + "?state=FRA&size=1").with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].recommendingStates[0].code").value("FRA"))
        .andExpect(jsonPath("$.items[0].positionSource.symbol").exists())
        .andExpect(jsonPath("$.items[0].mechanism").value("UPR"));
    mvc.perform(get(list).with(coordinator(newCountryTeam()))).andExpect(status().isNotFound());
  }

  @Test
  void aCountryTeamsRecommendationsOfEveryReviewAreTogetherTheLatestFirst() throws Exception {
    String team = newCountryTeam();
    String earlier = startReview(team, 41, coordinator(team));
    String later = startReview(team, 42, coordinator(team));
    imported(earlier, RecommendationImportTest.SECOND_CYCLE, team);
    imported(later, RecommendationImportTest.THIRD_CYCLE, team);

    String across = "/api/recommendations?countryTeam=" + team;
    String page = browse(across + "&size=1", team);
    assertThat(JsonPath.<Integer>read(page, "$.total")).isEqualTo(163 + 215);
    assertThat(JsonPath.<String>read(page, "$.items[0].reviewId")).isEqualTo(later);
    assertThat(total(across + "&position=noted", team)).isEqualTo(21 + 33);
    mvc.perform(get(across).with(coordinator(newCountryTeam()))).andExpect(status().isNotFound());
    mvc.perform(get("/api/recommendations?countryTeam=" + team + "&size=5").with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items", hasSize(5)));
  }

  @Test
  void recordingTheRecommendationsTakesTheRegistersCountAndTheOutcomeCountsPositions() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    walk.submitWithUnicef();
    walk.complete(walk.coordinator(), ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, Map.of());
    walk.fire(walk.timer(ReviewProcess.TIMER_WG_REPORT_ADOPTED));
    transactions.executeWithoutResult(
        status ->
            register.importList(
                walk.coordinator(),
                walk.review().id(),
                ("paragraph,text,position\n"
                        + "121.1,Ratify the Convention (France);,\n"
                        + "121.2,Adopt a law (Chile);,\n"
                        + "121.3,Train the police (Peru);,\n")
                    .getBytes(StandardCharsets.UTF_8)));

    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_RECORD_RECOMMENDATIONS,
        Map.of("wgReportSymbol", "A/HRC/53/15"));

    assertThat(outcomes.of(walk.review().id()).orElseThrow().recommendations()).isEqualTo(3);
    assertThat(
            jdbc.queryForObject(
                "SELECT recommendations FROM upr_review_outcome WHERE review_id = ?",
                Integer.class,
                walk.review().id()))
        .isEqualTo(3);
    assertThat(outcomes.of(walk.review().id()).orElseThrow().finalPositions()).isNull();
    transactions.executeWithoutResult(
        status ->
            register.importList(
                walk.coordinator(),
                walk.review().id(),
                ("paragraph,text,position,position_source\n"
                        + "121.1,Ratify the Convention (France);,Supported,A/HRC/53/15/Add.1 - Para. 3\n"
                        + "121.2,Adopt a law (Chile);,Noted,A/HRC/53/15/Add.1 - Para. 4\n")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(outcomes.of(walk.review().id()).orElseThrow().finalPositions())
        .isEqualTo(new ReviewOutcome.Positions(1, 1, 1));
  }

  private void imported(String review, String fixture, String team) throws Exception {
    mvc.perform(
            multipart("/api/reviews/" + review + "/recommendations/imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        fixture,
                        RecommendationController.DOCX,
                        RecommendationImportTest.fixture(fixture)))
                .with(coordinator(team)))
        .andExpect(status().isOk());
  }

  private String browse(String path, String team) throws Exception {
    return mvc.perform(get(path).with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private int total(String path, String team) throws Exception {
    return JsonPath.<Integer>read(browse(path, team), "$.total");
  }

  private int count(String review, String condition) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_recommendation WHERE review_id = ?::uuid AND ("
                + condition
                + ")",
            Integer.class,
            review);
    return count == null ? 0 : count;
  }
}
