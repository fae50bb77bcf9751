package org.uprengage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.MovableClock;

class SessionCalendarTest extends EngineIntegrationTest {

  /** Session numbers no real calendar reaches for a long time, one per test. */
  private static final AtomicInteger sessions = new AtomicInteger(900);

  @Autowired MovableClock clock;

  /** Years still to come by the injected clock: every date of these tests lies ahead. */
  private int year;

  private int next;

  @BeforeEach
  void yearsAhead() {
    year = clock.yearFromNow(5);
    next = year + 1;
  }

  /** A new session's body: its number, its start on 5 May six years from now, its end (MM-dd). */
  private String newSession(int number, String endsOn) {
    return "{\"number\":"
        + number
        + ",\"startsOn\":\""
        + next
        + "-05-05\",\"endsOn\":\""
        + next
        + "-"
        + endsOn
        + "\"}";
  }

  private static JwtRequestPostProcessor admin() {
    return person("admin", List.of("admin"), null, List.of("GHA"));
  }

  @Test
  void officialDatesAreShownAsOfficialAndMissingOnesAreComputed() throws Exception {
    mvc.perform(get("/api/sessions/42").with(coordinator("GHA")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cycle").value(4))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.value").value("2022-07-14"))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.source").value("official"))
        .andExpect(jsonPath("$.deadlines.nationalReport.value").value("2022-10-10"))
        .andExpect(jsonPath("$.deadlines.unEntitySubmission.value").value("2022-07-14"))
        .andExpect(jsonPath("$.hrcSession.value").value(53))
        .andExpect(jsonPath("$.hrcSession.source").value("official"))
        .andExpect(jsonPath("$.deadlines.addendumFinal.value").value("2023-06-05"))
        .andExpect(jsonPath("$.deadlines.addendumFinal.source").value("official"));
    mvc.perform(get("/api/sessions/56").with(coordinator("GHA")))
        .andExpect(jsonPath("$.datesTentative").value(true))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.source").value("computed"))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.value").value("2027-04-01"))
        .andExpect(jsonPath("$.deadlines.nationalReport.value").value("2027-08-09"))
        .andExpect(jsonPath("$.hrcSession.value").value(67))
        .andExpect(jsonPath("$.hrcSession.source").value("computed"))
        .andExpect(jsonPath("$.adoptingSession.source").value("computed"))
        .andExpect(jsonPath("$.deadlines.addendumFinal.source").value("computed"))
        .andExpect(jsonPath("$.deadlines.addendumEarly.source").value("computed"));
  }

  @Test
  void anAdminAddsASessionAndEveryChangeIsKeptAsAVersion() throws Exception {
    int number = sessions.getAndIncrement();
    mvc.perform(
            post("/api/sessions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(newSession(number, "05-16")))
        .andExpect(status().isCreated())
        .andExpect(header().string("ETag", "\"1\""))
        .andExpect(jsonPath("$.cycle").value(DeadlineRules.cycleOf(number)))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.source").value("computed"));

    mvc.perform(
            patch("/api/sessions/" + number)
                .with(admin())
                .header("If-Match", "\"1\"")
                .contentType("application/merge-patch+json")
                .content(
                    "{\"stakeholderDeadline\":\"" + year + "-10-09\",\"datesTentative\":true}"))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"2\""))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.value").value(year + "-10-09"))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.source").value("official"))
        .andExpect(jsonPath("$.deadlines.unEntitySubmission.value").value(year + "-10-09"));
    mvc.perform(
            patch("/api/sessions/" + number)
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stakeholderDeadline\":null}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.version").value(3))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.source").value("computed"));

    mvc.perform(get("/api/sessions/" + number + "/history").with(coordinator("GHA")))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$[?(@.version == 2 && @.field == 'stakeholderDeadline')].newValue")
                .value(year + "-10-09"))
        .andExpect(
            jsonPath("$[?(@.version == 2 && @.field == 'datesTentative')].oldValue").value("false"))
        .andExpect(jsonPath("$[?(@.version == 3)].oldValue").value(year + "-10-09"))
        .andExpect(jsonPath("$[?(@.version == 3)].changedBy").value("admin"));
  }

  @Test
  void theLoserOfAConcurrentChangeGetsConflictWithTheCurrentEntry() throws Exception {
    int number = sessions.getAndIncrement();
    mvc.perform(
            post("/api/sessions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(newSession(number, "05-16")))
        .andExpect(status().isCreated());
    mvc.perform(
            patch("/api/sessions/" + number)
                .with(admin())
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"endsOn\":\"" + next + "-05-17\"}"))
        .andExpect(status().isOk());
    mvc.perform(
            patch("/api/sessions/" + number)
                .with(admin())
                .header("If-Match", "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"endsOn\":\"" + next + "-05-18\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.endsOn").value(next + "-05-17"));
  }

  @Test
  void onlyAdminsKeepTheCalendar() throws Exception {
    mvc.perform(
            post("/api/sessions")
                .with(coordinator("GHA"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"number\":998,\"startsOn\":\""
                        + next
                        + "-05-05\",\"endsOn\":\""
                        + next
                        + "-05-16\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(
            patch("/api/sessions/42")
                .with(focalUnicef("GHA"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"endsOn\":\"2023-02-04\"}"))
        .andExpect(status().isForbidden());
    assertThat(
            jdbc.queryForObject("SELECT version FROM upr_session WHERE number = 42", Integer.class))
        .isEqualTo(1);
  }

  @Test
  void datesThatMakeNoSenseTogetherAreRejectedNamingTheField() throws Exception {
    int number = sessions.getAndIncrement();
    String base =
        "\"number\":"
            + number
            + ",\"startsOn\":\""
            + next
            + "-05-05\",\"endsOn\":\""
            + next
            + "-05-16\"";
    expectInvalid(
        post("/api/sessions"),
        "{" + base + ",\"stakeholderDeadline\":\"" + next + "-06-01\"}",
        "stakeholderDeadline");
    expectInvalid(post("/api/sessions"), newSession(number, "05-01"), "endsOn");
    expectInvalid(
        post("/api/sessions"),
        "{" + base + ",\"addendumFinalDeadline\":\"" + next + "-05-10\"}",
        "addendumFinalDeadline");
    expectInvalid(
        post("/api/sessions"),
        "{" + base + ",\"nationalReportDeadline\":\"8 Aug\"}",
        "nationalReportDeadline");
    expectInvalid(post("/api/sessions"), "{" + base + ",\"colour\":\"blue\"}", "colour");
    expectInvalid(post("/api/sessions"), "{\"number\":\"x\"}", "number");
    expectInvalid(post("/api/sessions"), "{\"number\":" + number + "}", "startsOn");
    expectInvalid(patch("/api/sessions/42"), "{\"startsOn\":null}", "startsOn");
    expectInvalid(patch("/api/sessions/42"), "{\"number\":43}", "number");
    expectInvalid(patch("/api/sessions/42"), "{\"hrcSession\":0}", "hrcSession");
    mvc.perform(get("/api/sessions/" + number).with(admin())).andExpect(status().isNotFound());
    assertThat(
            jdbc.queryForObject("SELECT version FROM upr_session WHERE number = 42", Integer.class))
        .isEqualTo(1);
  }

  private void expectInvalid(MockHttpServletRequestBuilder request, String body, String field)
      throws Exception {
    mvc.perform(request.with(admin()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].field").value(hasItem(field)));
  }
}
