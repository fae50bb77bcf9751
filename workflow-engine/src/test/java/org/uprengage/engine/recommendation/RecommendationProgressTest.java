package org.uprengage.engine.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Implementation tracking: the lead agency's people report progress on a recommendation, every
 * update is kept, and where the country team asks for it an update counts only once a head of
 * office of the agency has cleared it.
 */
class RecommendationProgressTest extends RegisterTest {

  private static final String LIST =
      "paragraph,text\n"
          + "121.1,Ratify the Convention (France);\n"
          + "121.2,Protect children online (Chile);\n";

  @Test
  void theLeadAgencysFocalPointReportsAndTheUpdateCountsAtOnceWithoutClearance() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String one = oneOf(review, "121.2");
    String yesterday = today().minusDays(1).toString();

    report(
            one,
            "{\"status\":\"in-progress\",\"narrative\":\"Draft law with Parliament\","
                + "\"evidence\":[\"https://parliament.example.org/bill/12\"],\"asOf\":\""
                + yesterday
                + "\"}",
            focalUnicef(team))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.agency").value("UNICEF"))
        .andExpect(jsonPath("$.status").value("in-progress"))
        .andExpect(jsonPath("$.clearance").value("not-required"))
        .andExpect(jsonPath("$.evidence[0]").value("https://parliament.example.org/bill/12"))
        .andExpect(jsonPath("$.reportedBy").value("focal-unicef"));
    // An update describing an earlier day is kept but does not override the later one.
    report(
            one,
            "{\"status\":\"not-started\",\"narrative\":\"Nothing yet\",\"asOf\":\""
                + today().minusDays(30)
                + "\"}",
            focalUnicef(team))
        .andExpect(status().isCreated());

    mvc.perform(
            get("/api/reviews/" + review + "/recommendations?status=in-progress")
                .with(focalUndp(team)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].paragraph").value("121.2"))
        .andExpect(jsonPath("$.items[0].statusAsOf").value(yesterday));
    mvc.perform(
            get("/api/reviews/" + review + "/recommendations?status=not-started")
                .with(focalUndp(team)))
        .andExpect(jsonPath("$.total").value(1))
        .andExpect(jsonPath("$.items[0].paragraph").value("121.1"));
    mvc.perform(get(one + "/progress").with(focalUndp(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].status").value("not-started"))
        .andExpect(jsonPath("$[1].status").value("in-progress"));
  }

  @Test
  void whereTheTeamAsksForClearanceAnUpdateCountsOnlyOnceAHeadOfOfficeClearsIt() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String one = oneOf(review, "121.2");
    mvc.perform(
            put("/api/country-teams/" + team + "/implementation-settings")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"progressClearance\":true}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.progressClearance").value(true))
        .andExpect(jsonPath("$.roundMonths").value(6));

    String first =
        idIn(
            report(
                    one,
                    "{\"status\":\"implemented\",\"narrative\":\"Law adopted\",\"asOf\":\""
                        + today()
                        + "\"}",
                    focalUnicef(team))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.clearance").value("pending")));
    assertThat(statusOf(review, "121.2")).isEqualTo("not-started");

    decide(one, first, "{\"decision\":\"clear\"}", focalUnicef(team))
        .andExpect(status().isForbidden());
    decide(one, first, "{\"decision\":\"clear\"}", headOf(team, "UNDP"))
        .andExpect(status().isForbidden());
    decide(one, first, "{\"decision\":\"return\"}", headUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("comment"));
    decide(one, first, "{\"decision\":\"clear\"}", headUnicef(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clearance").value("cleared"))
        .andExpect(jsonPath("$.clearedBy").value("head-unicef"));
    assertThat(statusOf(review, "121.2")).isEqualTo("implemented");
    decide(one, first, "{\"decision\":\"clear\"}", headUnicef(team))
        .andExpect(status().isConflict());

    String second =
        idIn(
            report(
                one,
                "{\"status\":\"partially-implemented\",\"narrative\":\"Decrees missing\",\"asOf\":\""
                    + today()
                    + "\"}",
                focalUnicef(team)));
    decide(
            one,
            second,
            "{\"decision\":\"return\",\"comment\":\"Name the decrees\"}",
            headUnicef(team))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.clearance").value("returned"))
        .andExpect(jsonPath("$.clearanceComment").value("Name the decrees"));
    assertThat(statusOf(review, "121.2")).isEqualTo("implemented");

    // A head of office's own update counts at once.
    report(
            one,
            "{\"status\":\"implemented\",\"narrative\":\"Decrees adopted\",\"asOf\":\""
                + today()
                + "\"}",
            headUnicef(team))
        .andExpect(jsonPath("$.clearance").value("cleared"));
    mvc.perform(get(one + "/progress").with(coordinator(team)))
        .andExpect(jsonPath("$.length()").value(3));
  }

  @Test
  void onlyTheLeadAgencysPeopleReportAndBadReportsAreRefused() throws Exception {
    String team = newCountryTeam();
    String review = reviewWithList(team);
    String one = oneOf(review, "121.2");
    String good =
        "{\"status\":\"in-progress\",\"narrative\":\"Started\",\"asOf\":\"" + today() + "\"}";

    report(one, good, focalUndp(team)).andExpect(status().isForbidden());
    report(one, good, coordinator(team)).andExpect(status().isForbidden());
    report(oneOf(review, "121.1"), good, focalUnicef(team)).andExpect(status().isConflict());
    report(one, good, focalUnicef(newCountryTeam())).andExpect(status().isNotFound());
    report(
            one,
            "{\"status\":\"done\",\"narrative\":\" \",\"evidence\":[\"ftp://x.example.org/a\"],"
                + "\"asOf\":\""
                + today().plusDays(1)
                + "\"}",
            focalUnicef(team))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"))
        .andExpect(jsonPath("$.errors[1].field").value("narrative"))
        .andExpect(jsonPath("$.errors[2].field").value("evidence[0]"))
        .andExpect(jsonPath("$.errors[3].field").value("asOf"));
    mvc.perform(
            get("/api/reviews/" + review + "/recommendations?status=done").with(focalUnicef(team)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("status"));
    mvc.perform(get(one + "/progress").with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
    assertThat(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_recommendation_progress p JOIN upr_recommendation r"
                    + " ON r.id = p.recommendation_id WHERE r.review_id = ?::uuid",
                Integer.class,
                review))
        .isZero();
  }

  /**
   * A review of the team with {@link #LIST} imported, 121.2 led by UNICEF and 121.1 led by nobody.
   */
  private String reviewWithList(String team) throws Exception {
    String review = reviewWithList(team, LIST);
    mvc.perform(
            put(oneOf(review, "121.2") + "/assignment")
                .with(coordinator(team))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\"]}"))
        .andExpect(status().isOk());
    return review;
  }

  private String statusOf(String review, String paragraph) {
    return jdbc.queryForObject(
        "SELECT status FROM upr_recommendation WHERE review_id = ?::uuid AND paragraph = ?",
        String.class,
        review,
        paragraph);
  }

  private ResultActions report(String one, String body, RequestPostProcessor who) throws Exception {
    return postJson(one + "/progress", body, who);
  }

  private ResultActions decide(String one, String update, String body, RequestPostProcessor who)
      throws Exception {
    return postJson(one + "/progress/" + update + "/clearance", body, who);
  }

  private static String idIn(ResultActions answer) throws Exception {
    return JsonPath.read(answer.andReturn().getResponse().getContentAsString(), "$.id");
  }

  private static RequestPostProcessor headOf(String team, String agency) {
    return person("head-" + agency.toLowerCase(), List.of("head-of-office"), agency, List.of(team));
  }
}
