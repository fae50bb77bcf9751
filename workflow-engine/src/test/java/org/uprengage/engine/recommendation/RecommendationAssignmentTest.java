package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.outbox.EventOutbox;

/**
 * Assigning recommendations to a lead agency and supporting agencies: one by one, for a theme, an
 * SDG or a list of paragraphs with a result for each; the register shows and filters them, and each
 * request that changed something raises "recommendations assigned".
 */
class RecommendationAssignmentTest extends RegisterTest {

  private static final String LIST =
      "paragraph,text,theme,themes,sdgs\n"
          + "121.1,Ratify the Convention (France);,Treaties,Treaties,16\n"
          + "121.2,Protect children online (Chile);,Children,Children;Education,4;16\n"
          + "121.3,Enrol every girl in school (Peru);,Children,Children;Education,4;5\n"
          + "121.4,Train the police (Spain);,Justice,Justice,16\n";

  @Autowired EventOutbox outbox;

  @Test
  void aCoordinatorAssignsOneRecommendationAndTheRegisterShowsAndFiltersIt() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String one = oneOf(review, "121.2");

    assign(one, "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNESCO\",\"WHO\"]}", team)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.paragraph").value("121.2"))
        .andExpect(jsonPath("$.leadAgency").value("UNICEF"))
        .andExpect(jsonPath("$.supportingAgencies[0]").value("UNESCO"))
        .andExpect(jsonPath("$.supportingAgencies[1]").value("WHO"));
    // The same again changes nothing and raises nothing.
    assign(one, "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNESCO\",\"WHO\"]}", team)
        .andExpect(status().isOk());

    mvc.perform(
            get("/api/reviews/" + review + "/recommendations?leadAgency=UNICEF")
                .with(focalUnicef(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].paragraph").value("121.2"));
    mvc.perform(
            get("/api/reviews/" + review + "/recommendations?leadAgency=UNDP")
                .with(focalUnicef(team)))
        .andExpect(jsonPath("$.total").value(0));

    List<EventOutbox.RecordedEvent> assigned = assigned(review);
    assertThat(assigned).hasSize(1);
    assertThat(assigned.get(0).data())
        .containsEntry("leadAgency", "UNICEF")
        .containsEntry("supportingAgencies", List.of("UNESCO", "WHO"))
        .containsEntry("paragraphs", List.of("121.2"))
        .containsEntry("actor", "coordinator");

    // A new lead, with no supporting agencies.
    assign(one, "{\"leadAgency\":\"UNDP\"}", team)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.leadAgency").value("UNDP"))
        .andExpect(jsonPath("$.supportingAgencies.length()").value(0));
    assertThat(assigned(review)).hasSize(2);
  }

  @Test
  void aThemeAnSdgOrAListOfParagraphsIsAssignedAtOnceWithAResultForEach() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String many = "/api/reviews/" + review + "/recommendations/assignments";

    postJson(many, "{\"leadAgency\":\"UNICEF\",\"theme\":\"Education\"}", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(2))
        .andExpect(jsonPath("$.results[0].paragraph").value("121.2"))
        .andExpect(jsonPath("$.results[1].paragraph").value("121.3"));
    postJson(
            many,
            "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNFPA\"],\"sdg\":5}",
            coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(1))
        .andExpect(jsonPath("$.results[0].paragraph").value("121.3"));
    postJson(
            many,
            "{\"leadAgency\":\"UNDP\",\"paragraphs\":[\"121.1\",\"121.9\",\"121.1\",\"121.4\"]}",
            coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(2))
        .andExpect(jsonPath("$.unchanged").value(0))
        .andExpect(jsonPath("$.rejected").value(2))
        .andExpect(jsonPath("$.results[0].paragraph").value("121.9"))
        .andExpect(jsonPath("$.results[0].field").value("paragraphs"))
        .andExpect(jsonPath("$.results[0].reason").value(containsString("not a recommendation")))
        .andExpect(jsonPath("$.results[1].reason").value("is given twice"))
        .andExpect(jsonPath("$.results[2].result").value("changed"));
    postJson(many, "{\"leadAgency\":\"UNDP\",\"sdg\":16}", coordinator(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.changed").value(1))
        .andExpect(jsonPath("$.unchanged").value(2));

    assertThat(
            jdbc.queryForList(
                "SELECT paragraph || ' ' || lead_agency || ' ' || array_to_string(supporting_agencies, ',')"
                    + " FROM upr_recommendation WHERE review_id = ?::uuid ORDER BY paragraph_order",
                String.class,
                review))
        .containsExactly("121.1 UNDP ", "121.2 UNDP ", "121.3 UNICEF UNFPA", "121.4 UNDP ");
    assertThat(assigned(review))
        .extracting(event -> event.data().get("paragraphs"))
        .containsExactly(
            List.of("121.2", "121.3"),
            List.of("121.3"),
            List.of("121.1", "121.4"),
            List.of("121.2"));
  }

  @Test
  void unknownAgenciesOtherTeamsAndPeopleWhoAreNotCoordinatorsAreRefused() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String id = idOf(review, "121.1");
    String one = "/api/reviews/" + review + "/recommendations/" + id;
    String many = "/api/reviews/" + review + "/recommendations/assignments";

    assign(one, "{\"leadAgency\":\"NOPE\"}", team)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("leadAgency"));
    assign(one, "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNICEF\"]}", team)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("supportingAgencies"));
    assign(one, "{\"supportingAgencies\":[\"UNDP\"]}", team)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("leadAgency"));
    postJson(many, "{\"leadAgency\":\"UNICEF\",\"theme\":\"Housing\"}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("theme"));
    postJson(
            many, "{\"leadAgency\":\"UNICEF\",\"sdg\":4,\"theme\":\"Children\"}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("paragraphs"));
    postJson(many, "{\"leadAgency\":\"UNICEF\",\"sdg\":18}", coordinator(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("sdg"));
    assignAs(one, "{\"leadAgency\":\"UNICEF\"}", focalUnicef(team))
        .andExpect(status().isForbidden());
    assignAs(one, "{\"leadAgency\":\"UNICEF\"}", coordinator(newCountryTeam()))
        .andExpect(status().isNotFound());
    String other = startReview(team, 41, coordinator(team));
    assign("/api/reviews/" + other + "/recommendations/" + id, "{\"leadAgency\":\"UNICEF\"}", team)
        .andExpect(status().isNotFound());
    postJson(
            "/api/reviews/" + review + "/recommendations/assignments",
            "{\"leadAgency\":\"UNICEF\",\"sdg\":4}",
            coordinator(newCountryTeam()))
        .andExpect(status().isNotFound());

    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_recommendation WHERE review_id = ?::uuid AND lead_agency IS NOT NULL",
                Integer.class,
                review))
        .isZero();
    assertThat(assigned(review)).isEmpty();
  }

  private String reviewWithList(String team) throws Exception {
    return reviewWithList(team, LIST);
  }

  private ResultActions assign(String one, String body, String team) throws Exception {
    return assignAs(one, body, coordinator(team));
  }

  private ResultActions assignAs(String one, String body, RequestPostProcessor who)
      throws Exception {
    return mvc.perform(
        put(one + "/assignment").with(who).contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private List<EventOutbox.RecordedEvent> assigned(String review) {
    return outbox.eventsOf(UUID.fromString(review)).stream()
        .filter(event -> event.type().equals(RecommendationsAssigned.TYPE))
        .toList();
  }
}
