package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.uprengage.engine.ReviewWalk;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outcome.PositionsRecorded;
import org.uprengage.engine.outcome.ReviewOutcome;
import org.uprengage.engine.outcome.ReviewOutcomes;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskWork;

/**
 * Positions on recommendations: a coordinator's setting and correction one by one and in bulk, the
 * addendum tasks recording them recommendation by recommendation, each change kept as a version and
 * told by "positions recorded".
 */
class RecommendationPositionTest extends RegisterTest {

  private static final String LIST =
      "paragraph,text,position\n"
          + "121.1,Ratify the Convention (France);,\n"
          + "121.2,Adopt a law (Chile);,\n"
          + "121.3,Train the police (Peru);,\n";

  @Autowired ProcessEngine engine;
  @Autowired ReviewWorkflow reviews;
  @Autowired TaskWork work;
  @Autowired ReviewOutcomes outcomes;
  @Autowired EventOutbox outbox;

  @Test
  void aCoordinatorSetsOnePositionWithItsSourceAndItsVersionsAreKept() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String id = idOf(review, "121.2");
    String one = "/api/reviews/" + review + "/recommendations/" + id;

    setPosition(one, "{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}", team)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paragraph").value("121.2"))
        .andExpect(jsonPath("$.position").value("noted"))
        .andExpect(jsonPath("$.positionSource.symbol").value("A/HRC/53/15/Add.1"));
    setPosition(
            one,
            "{\"position\":\"supported\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\",\"paragraph\":\"7\"}}",
            team)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.position").value("supported"))
        .andExpect(jsonPath("$.positionSource.paragraph").value("7"));
    // The same again changes nothing: no version, no event.
    setPosition(
            one,
            "{\"position\":\"supported\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\",\"paragraph\":\"7\"}}",
            team)
        .andExpect(status().isOk());

    mvc.perform(get(one + "/positions").with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].changedBy").value("coordinator"))
        .andExpect(jsonPath("$[0].via").value("correction"))
        .andExpect(jsonPath("$[0].oldPosition").value("noted"))
        .andExpect(jsonPath("$[0].oldSource.symbol").value("A/HRC/53/15/Add.1"))
        .andExpect(jsonPath("$[0].newPosition").value("supported"))
        .andExpect(jsonPath("$[0].newSource.paragraph").value("7"))
        .andExpect(jsonPath("$[0].changedAt").exists())
        .andExpect(jsonPath("$[1].oldPosition").value("pending"))
        .andExpect(jsonPath("$[1].newPosition").value("noted"));

    List<EventOutbox.RecordedEvent> recorded = positionsRecorded(review);
    assertThat(recorded).hasSize(2);
    Map<String, Object> last = recorded.get(1).data();
    assertThat(last)
        .containsEntry("deadline", "final")
        .containsEntry("supported", 1)
        .containsEntry("noted", 0)
        .containsEntry("actor", "coordinator");
    assertThat(last.get("changes"))
        .isEqualTo(
            List.of(
                Map.of(
                    "paragraph",
                    "121.2",
                    "oldPosition",
                    "noted",
                    "newPosition",
                    "supported",
                    "source",
                    Map.of("symbol", "A/HRC/53/15/Add.1", "paragraph", "7"))));
  }

  @Test
  void aPositionWithoutItsSourceOrOutsideTheListIsRefusedAndOthersSeeNothing() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String id = idOf(review, "121.1");
    String one = "/api/reviews/" + review + "/recommendations/" + id;

    setPosition(one, "{\"position\":\"supported\"}", team)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("source.symbol"));
    setPosition(one, "{\"position\":\"accepted\",\"source\":{\"symbol\":\"A/HRC/1\"}}", team)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("position"));
    mvc.perform(
            put(one + "/position")
                .with(focalUnicef(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"position\":\"pending\"}"))
        .andExpect(status().isForbidden());
    String other = startReview(team, 41, coordinator(team));
    setPosition(
            "/api/reviews/" + other + "/recommendations/" + id, "{\"position\":\"pending\"}", team)
        .andExpect(status().isNotFound());
    setPosition(one, "{\"position\":\"pending\"}", newCountryTeam())
        .andExpect(status().isNotFound());
    mvc.perform(get(one + "/positions").with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.queryForObject(
                "SELECT position FROM upr_recommendation WHERE id = ?::uuid", String.class, id))
        .isEqualTo("pending");
    assertThat(positionsRecorded(review)).isEmpty();
  }

  @Test
  void positionsInBulkAnswerEachOneAndTakeTheGoodOnes() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    setPosition(
            "/api/reviews/" + review + "/recommendations/" + idOf(review, "121.3"),
            "{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}",
            team)
        .andExpect(status().isOk());

    String answer =
        postJson(
                "/api/reviews/" + review + "/recommendations/positions",
                """
                {"source": {"symbol": "A/HRC/53/15/Add.1"},
                 "positions": [
                   {"paragraph": "121.1", "position": "supported"},
                   {"paragraph": "121.2", "position": "supported/noted",
                    "source": {"symbol": "A/HRC/53/15/Add.1/Corr.1", "paragraph": "4"}},
                   {"paragraph": "121.3", "position": "noted"},
                   {"paragraph": "121.99", "position": "noted"},
                   {"paragraph": "121.1", "position": "noted"},
                   {"paragraph": "121.4", "position": "maybe"}
                 ]}
                """,
                coordinator(team))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<Integer>read(answer, "$.changed")).isEqualTo(2);
    assertThat(JsonPath.<Integer>read(answer, "$.unchanged")).isEqualTo(1);
    assertThat(JsonPath.<Integer>read(answer, "$.rejected")).isEqualTo(3);
    assertThat(JsonPath.<List<String>>read(answer, "$.results[*].result"))
        .containsExactly("changed", "changed", "unchanged", "rejected", "rejected", "rejected");
    for (int i = 3; i < 6; i++) {
      assertThat(JsonPath.<String>read(answer, "$.results[" + i + "].field"))
          .isEqualTo("paragraph");
    }
    assertThat(JsonPath.<String>read(answer, "$.results[4].reason")).isEqualTo("is given twice");

    assertThat(
            jdbc.queryForList(
                "SELECT paragraph || ' ' || position || ' ' || position_symbol FROM upr_recommendation"
                    + " WHERE review_id = ?::uuid ORDER BY paragraph",
                String.class,
                review))
        .containsExactly(
            "121.1 supported A/HRC/53/15/Add.1",
            "121.2 supported/noted A/HRC/53/15/Add.1/Corr.1",
            "121.3 noted A/HRC/53/15/Add.1");
    Map<String, Object> last = positionsRecorded(review).get(1).data();
    assertThat((List<?>) last.get("changes")).hasSize(2);
    assertThat(last).containsEntry("supported", 1).containsEntry("noted", 1);

    postJson(
            "/api/reviews/" + review + "/recommendations/positions",
            "{\"positions\":[]}",
            coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("positions"));
    postJson(
            "/api/reviews/" + review + "/recommendations/positions",
            "{\"positions\":[{\"paragraph\":\"121.1\",\"position\":\"pending\"}]}",
            focalUndp(team))
        .andExpect(status().isForbidden());
    postJson(
            "/api/reviews/" + review + "/recommendations/positions",
            "{\"positions\":[{\"paragraph\":\"121.1\",\"position\":\"pending\"}]}",
            coordinator(newCountryTeam()))
        .andExpect(status().isNotFound());
  }

  @Test
  void theAddendumTasksRecordPositionsRecommendationByRecommendation() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    UUID review = walk.review().id();
    walk.submitWithUnicef();
    imported(review, LIST, walk.coordinator());
    walk.reviewWith(3);

    InvalidInput refused =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                walk.complete(
                    walk.coordinator(),
                    ReviewProcess.TASK_RECORD_EARLY_POSITIONS,
                    Map.of(
                        "positions",
                        List.of(
                            Map.of("paragraph", "121.1", "position", "supported"),
                            Map.of("paragraph", "121.7", "position", "noted")))));
    assertThat(refused.errors())
        .containsExactly(
            new FieldError(
                "positions[1].paragraph", "is not a recommendation of the review's register"));
    assertThat(positionsRecorded(review.toString())).isEmpty();
    assertThat(versions(review)).isZero();

    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_RECORD_EARLY_POSITIONS,
        Map.of(
            "positions",
            List.of(
                Map.of("paragraph", "121.1", "position", "supported"),
                Map.of("paragraph", "121.2", "position", "noted"))));
    assertThat(outcomes.of(review).orElseThrow().earlyPositions())
        .isEqualTo(new ReviewOutcome.Positions(1, 1, 1));
    walk.complete(
        walk.coordinator(),
        ReviewProcess.TASK_RECORD_FINAL_POSITIONS,
        Map.of(
            "addendumSymbol",
            "A/HRC/53/15/Add.1",
            "positions",
            List.of(
                Map.of("paragraph", "121.2", "position", "noted"),
                Map.of("paragraph", "121.3", "position", "supported"))));

    assertThat(outcomes.of(review).orElseThrow().finalPositions())
        .isEqualTo(new ReviewOutcome.Positions(2, 1, 0));
    assertThat(
            jdbc.queryForList(
                "SELECT v.via || ' ' || r.paragraph || ' ' || v.old_position || '>' || v.new_position"
                    + " || ' ' || coalesce(v.new_symbol, '-')"
                    + " FROM upr_recommendation_position_version v"
                    + " JOIN upr_recommendation r ON r.id = v.recommendation_id"
                    + " WHERE r.review_id = ? ORDER BY v.id",
                String.class,
                review))
        .containsExactly(
            "early 121.1 pending>supported -",
            "early 121.2 pending>noted -",
            "final 121.2 noted>noted A/HRC/53/15/Add.1",
            "final 121.3 pending>supported A/HRC/53/15/Add.1");
    List<EventOutbox.RecordedEvent> recorded = positionsRecorded(review.toString());
    assertThat(recorded).hasSize(2);
    assertThat(recorded.get(1).data())
        .containsEntry("deadline", "final")
        .containsEntry("supported", 2)
        .containsEntry("noted", 1)
        .containsEntry("addendumSymbol", "A/HRC/53/15/Add.1");
    assertThat((List<?>) recorded.get(1).data().get("changes")).hasSize(2);
  }

  @Test
  void aReviewWithoutARegisterRecordsCountsAndCannotListPositions() {
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, newCountryTeam(), 42);
    walk.submitWithUnicef();
    walk.reviewWith(250);
    InvalidInput refused =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                walk.complete(
                    walk.coordinator(),
                    ReviewProcess.TASK_RECORD_EARLY_POSITIONS,
                    Map.of(
                        "positions",
                        List.of(Map.of("paragraph", "121.1", "position", "supported")))));
    assertThat(refused.errors()).extracting(FieldError::field).containsExactly("positions");
    InvalidInput noCounts =
        catchThrowableOfType(
            InvalidInput.class,
            () ->
                walk.complete(
                    walk.coordinator(), ReviewProcess.TASK_RECORD_EARLY_POSITIONS, Map.of()));
    assertThat(noCounts.errors())
        .extracting(FieldError::field)
        .containsExactly("supported", "noted");
    walk.adopt();
    assertThat(outcomes.of(walk.review().id()).orElseThrow().finalPositions())
        .isEqualTo(new ReviewOutcome.Positions(180, 70, 0));
    assertThat(positionsRecorded(walk.review().id().toString()))
        .allSatisfy(event -> assertThat(event.data()).doesNotContainKey("changes"));
  }

  @Test
  void aReimportedListThatChangesAPositionKeepsTheOldOneAsAVersion() {
    String team = newCountryTeam();
    ReviewWalk walk = new ReviewWalk(engine, reviews, work, team, 42);
    UUID review = walk.review().id();
    imported(review, LIST, walk.coordinator());
    imported(
        review,
        "paragraph,text,position,position_source\n"
            + "121.1,Ratify the Convention (France);,Noted,A/HRC/53/15/Add.1 - Para. 3\n",
        walk.coordinator());
    imported(
        review,
        "paragraph,text,position,position_source\n"
            + "121.1,Ratify the Convention (France);,Noted,A/HRC/53/15/Add.1 - Para. 3\n",
        walk.coordinator());
    assertThat(
            jdbc.queryForList(
                "SELECT via || ' ' || old_position || '>' || new_position || ' ' || new_symbol"
                    + " || ' ' || new_paragraph FROM upr_recommendation_position_version",
                String.class))
        .contains("import pending>noted A/HRC/53/15/Add.1 3");
    assertThat(versions(review)).isEqualTo(1);
  }

  private void imported(UUID review, String csv, Caller who) {
    transactions.executeWithoutResult(
        status -> register.importList(who, review, csv.getBytes(StandardCharsets.UTF_8)));
  }

  /** A review of the team, started through the API, with {@link #LIST} imported. */
  private String reviewWithList(String team) throws Exception {
    return reviewWithList(team, LIST);
  }

  private ResultActions setPosition(String one, String body, String team) throws Exception {
    return mvc.perform(
        put(one + "/position")
            .with(coordinator(team))
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private List<EventOutbox.RecordedEvent> positionsRecorded(String review) {
    return outbox.eventsOf(UUID.fromString(review)).stream()
        .filter(event -> event.type().equals(PositionsRecorded.TYPE))
        .toList();
  }

  private int versions(UUID review) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_recommendation_position_version v JOIN upr_recommendation r"
                + " ON r.id = v.recommendation_id WHERE r.review_id = ?",
            Integer.class,
            review);
    return count == null ? 0 : count;
  }
}
