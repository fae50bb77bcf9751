package org.uprengage.engine.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;

/** Platform admins create and close country teams; a team's admins keep it; each change audited. */
class CountryTeamsTest extends EngineIntegrationTest {

  private static final String KENYA =
      "{\"code\":\"KEN\",\"name\":\"UN Country Team in Kenya\",\"agencies\":[\"UNICEF\",\"UNDP\"],\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\"}";

  @Test
  void aPlatformAdminCreatesATeamThatItsAdminRenamesWithTheVersionTheySaw() throws Exception {
    postJson("/api/country-teams", KENYA, platformAdmin())
        .andExpect(status().isCreated())
        .andExpect(header().string("Location", "/api/country-teams/KEN"))
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.agencies[0]").value("UNDP"))
        .andExpect(jsonPath("$.timeZone").value("Africa/Nairobi"))
        .andExpect(jsonPath("$.createdBy").value("platform"));
    postJson("/api/country-teams", KENYA, platformAdmin()).andExpect(status().isConflict());
    RequestPostProcessor kenyanAdmin = person("admin-ken", List.of("admin"), null, List.of("KEN"));

    mvc.perform(get("/api/country-teams/KEN").with(kenyanAdmin))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"1\""));
    change("KEN", "\"1\"", "{\"name\":\"UNCT Kenya\",\"language\":\"sw\"}", kenyanAdmin)
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2\""))
        .andExpect(jsonPath("$.name").value("UNCT Kenya"));
    change("KEN", "\"1\"", "{\"name\":\"Stale\"}", kenyanAdmin)
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.name").value("UNCT Kenya"));
    change("KEN", null, "{\"name\":\"Not mine\"}", coordinator("KEN"))
        .andExpect(status().isForbidden());
    change(
            "KEN",
            null,
            "{\"name\":\"Not mine\"}",
            person("admin-x", List.of("admin"), null, List.of("GHA")))
        .andExpect(status().isNotFound());
    postJson("/api/country-teams", KENYA.replace("KEN", "UGA"), kenyanAdmin)
        .andExpect(status().isForbidden());

    assertThat(
            jdbc.queryForList(
                "SELECT action || ' ' || outcome FROM upr_audit WHERE action LIKE '% /api/country-teams%' ORDER BY id",
                String.class))
        .contains(
            "POST /api/country-teams 201",
            "POST /api/country-teams 409",
            "PATCH /api/country-teams/{code} 200",
            "PATCH /api/country-teams/{code} 409",
            "POST /api/country-teams 403");
  }

  @Test
  void aClosedTeamStartsNoReviewAndTakesNoChange() throws Exception {
    postJson("/api/country-teams", KENYA.replace("KEN", "TZA"), platformAdmin())
        .andExpect(status().isCreated());
    postJson(
            "/api/country-teams/TZA/close",
            "",
            person("admin-tza", List.of("admin"), null, List.of("TZA")))
        .andExpect(status().isForbidden());
    postJson("/api/country-teams/TZA/close", "", platformAdmin())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.closedBy").value("platform"));
    postJson("/api/country-teams/TZA/close", "", platformAdmin()).andExpect(status().isConflict());
    postJson("/api/reviews", "{\"country\":\"TZA\",\"session\":54}", coordinator("TZA"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(containsString("closed")));
    change("TZA", null, "{\"name\":\"Again\"}", platformAdmin()).andExpect(status().isConflict());
  }

  @Test
  void badValuesAreNamedField() throws Exception {
    postJson(
            "/api/country-teams",
            "{\"code\":\"XYZ\",\"name\":\"\",\"agencies\":[\"NOPE\"],\"timeZone\":\"+03:00\",\"language\":\"English\"}",
            platformAdmin())
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(containsInAnyOrder("code", "name", "agencies", "timeZone", "language")));
    postJson("/api/country-teams", "{\"code\":\"RWA\"}", platformAdmin())
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].field")
                .value(containsInAnyOrder("name", "timeZone", "language")));
  }

  @Test
  void aPlatformAdminAddsAnAgencyATeamThenNames() throws Exception {
    postJson(
            "/api/agencies",
            "{\"code\":\"UNEP\",\"name\":\"UN Environment Programme\"}",
            platformAdmin())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.code").value("UNEP"));
    postJson("/api/agencies", "{\"code\":\"UNEP\",\"name\":\"Again\"}", platformAdmin())
        .andExpect(status().isConflict());
    postJson("/api/agencies", "{\"code\":\"UNEP2\",\"name\":\"x\"}", coordinator("GHA"))
        .andExpect(status().isForbidden());
    postJson(
            "/api/country-teams",
            KENYA.replace("KEN", "BDI").replace("\"UNDP\"", "\"UNEP\""),
            platformAdmin())
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.agencies").value(containsInAnyOrder("UNEP", "UNICEF")));
  }

  @Test
  void everyoneListsTheTeamsTheyBelongToAndAPlatformAdminAll() throws Exception {
    String team = newCountryTeam();
    mvc.perform(get("/api/country-teams").with(coordinator(team)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].code").value(team));
    String all =
        mvc.perform(get("/api/country-teams").with(platformAdmin()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(all).contains("\"" + team + "\"", "\"GHA\"");
    mvc.perform(get("/api/country-teams/" + team).with(coordinator("GHA")))
        .andExpect(status().isNotFound());
  }

  private ResultActions change(String code, String ifMatch, String json, RequestPostProcessor who)
      throws Exception {
    MockHttpServletRequestBuilder request =
        patch("/api/country-teams/" + code)
            .with(who)
            .contentType(MediaType.valueOf("application/merge-patch+json"))
            .content(json);
    if (ifMatch != null) {
      request.header("If-Match", ifMatch);
    }
    return mvc.perform(request);
  }
}
