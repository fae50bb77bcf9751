package org.uprengage.engine.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * The directory follows the identity provider's claims, writing only what changed; admins list the
 * people of their teams and load them from a CSV, row by row.
 */
class PeopleTest extends EngineIntegrationTest {

  @Test
  void aPersonsFirstRequestPutsThemInTheDirectoryAndOnlyAChangeWritesAgain() throws Exception {
    String team = newCountryTeam();
    RequestPostProcessor amina = amina("amina", team, "focal-point");

    known(amina, amina, amina);
    assertThat(events("amina")).isEqualTo(1);
    assertThat(
            jdbc.queryForMap(
                "SELECT display_name, email, language, time_zone, agency, source, version FROM upr_person WHERE username = 'amina'"))
        .containsEntry("display_name", "Amina Otieno")
        .containsEntry("email", "amina@example.org")
        .containsEntry("language", "sw")
        .containsEntry("time_zone", "Africa/Nairobi")
        .containsEntry("agency", "UNICEF")
        .containsEntry("source", "token")
        .containsEntry("version", 1);

    known(amina("amina", team, "head-of-office"));
    assertThat(events("amina")).isEqualTo(2);
    assertThat(
            jdbc.queryForObject(
                "SELECT roles[1] FROM upr_person WHERE username = 'amina'", String.class))
        .isEqualTo("head-of-office");
  }

  @Test
  void adminsAndCoordinatorsListTheirTeamsPeopleAndNobodyElses() throws Exception {
    String team = newCountryTeam();
    known(focalUnicef(team), amina("amina-listed", team, "focal-point"));
    RequestPostProcessor admin = person("admin-" + team, List.of("admin"), null, List.of(team));

    mvc.perform(get("/api/people").param("countryTeam", team).with(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[*].username").value(hasItems("amina-listed", "focal-unicef")));
    mvc.perform(get("/api/people").param("countryTeam", team).with(coordinator(team)))
        .andExpect(status().isOk());
    mvc.perform(get("/api/people").param("countryTeam", team).with(focalUndp(team)))
        .andExpect(status().isForbidden());
    mvc.perform(get("/api/people").param("countryTeam", team).with(coordinator(newCountryTeam())))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/people").param("countryTeam", team).with(platformAdmin()))
        .andExpect(status().isOk());
  }

  @Test
  void anImportKeepsTheGoodRowsAnswersEachBadOneWithItsLineAndIsIdempotent() throws Exception {
    String team = newCountryTeam();
    known(person("known-by-token", List.of("focal-point"), "UNDP", List.of(team)));
    String csv =
        "\uFEFFusername,name,email,roles,agency,country_teams,language,time_zone\r\n"
            + "wanjiru,\"Wanjiru, Grace\",wanjiru@example.org,focal-point,UNICEF,"
            + team
            + ",sw,Africa/Nairobi\r\n"
            + "otieno,Otieno,,coordinator,,"
            + team
            + ",,\r\n"
            + "bad-mail,Bad Mail,not-an-address,focal-point,UNDP,"
            + team
            + ",en,\r\n"
            + "nowhere,No Team,,focal-point,UNDP,ZZZ,en,\r\n"
            + "short,Too,few\r\n"
            + "\"multi\nline\",Name,,viewer,,"
            + team
            + ",en,\r\n"
            + "wanjiru,Again,,focal-point,UNICEF,"
            + team
            + ",en,\r\n"
            + "known-by-token,From CSV,,focal-point,UNDP,"
            + team
            + ",en,\r\n"
            + "boss,Boss,,platform-admin,,"
            + team
            + ",en,\r\n";
    RequestPostProcessor admin = person("admin-" + team, List.of("admin"), null, List.of(team));

    load(csv, admin)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(2))
        .andExpect(jsonPath("$.rejected").value(6))
        .andExpect(jsonPath("$.rows[0].line").value(2))
        .andExpect(jsonPath("$.rows[0].outcome").value("created"))
        .andExpect(jsonPath("$.rows[2].line").value(4))
        .andExpect(jsonPath("$.rows[2].reason").value(startsWith("email:")))
        .andExpect(jsonPath("$.rows[3].reason").value(startsWith("country_teams:")))
        .andExpect(jsonPath("$.rows[4].line").value(6))
        .andExpect(jsonPath("$.rows[5].line").value(7))
        .andExpect(jsonPath("$.rows[5].reason").value(startsWith("username:")))
        .andExpect(jsonPath("$.rows[6].line").value(9))
        .andExpect(jsonPath("$.rows[6].reason").value("username: already on line 2"))
        .andExpect(jsonPath("$.rows[7].outcome").value("unchanged"))
        .andExpect(jsonPath("$.rows[8].reason").value(startsWith("roles:")));
    assertThat(
            jdbc.queryForObject(
                "SELECT display_name FROM upr_person WHERE username = 'wanjiru'", String.class))
        .isEqualTo("Wanjiru, Grace");
    assertThat(events("wanjiru")).isEqualTo(1);

    load(csv, admin)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.created").value(0))
        .andExpect(jsonPath("$.updated").value(0))
        .andExpect(jsonPath("$.unchanged").value(3));
    assertThat(events("wanjiru")).isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "SELECT display_name FROM upr_person WHERE username = 'known-by-token'",
                String.class))
        .isEqualTo("known-by-token");
  }

  @Test
  void anImportOfAnotherTeamOrWithoutTheHeaderIsRefused() throws Exception {
    String team = newCountryTeam();
    RequestPostProcessor foreignAdmin =
        person("admin-x", List.of("admin"), null, List.of(newCountryTeam()));
    load(
            "username,name,email,roles,agency,country_teams,language,time_zone\n"
                + "kamau,Kamau,,focal-point,UNDP,"
                + team
                + ",en,\n",
            foreignAdmin)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows[0].reason").value(containsString("administer")));
    load("kamau,Kamau\n", platformAdmin())
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].field").value("body"));
    load("username,name\n\"open", platformAdmin()).andExpect(status().isBadRequest());
    load("username,name,email,roles,agency,country_teams,language,time_zone\n", focalUnicef(team))
        .andExpect(status().isForbidden());
  }

  private ResultActions load(String csv, RequestPostProcessor who) throws Exception {
    return mvc.perform(post("/api/people/import").with(who).contentType("text/csv").content(csv));
  }

  private int events(String username) {
    return jdbc.queryForObject(
        "SELECT count(*) FROM upr_event_outbox WHERE type = ? AND record_key = ?",
        Integer.class,
        PersonUpdated.TYPE,
        username);
  }

  private static RequestPostProcessor amina(String username, String team, String role) {
    return jwt()
        .jwt(
            token ->
                token
                    .subject(username)
                    .claim("preferred_username", username)
                    .claim("name", "Amina Otieno")
                    .claim("email", "amina@example.org")
                    .claim("locale", "sw")
                    .claim("zoneinfo", "Africa/Nairobi")
                    .claim("agency", "UNICEF")
                    .claim("roles", List.of(role))
                    .claim("country_teams", List.of(team)));
  }
}
