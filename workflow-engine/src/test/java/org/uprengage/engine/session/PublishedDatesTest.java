package org.uprengage.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.deadline.DeadlineChanged;

/**
 * Every calendar rule against the dates OHCHR and the HRC published for WG sessions 41 and 42
 * (docs/domain.md): the rules reproduce the published dates, the seeded calendar carries them, and
 * a review plans its adoption inside the adopting HRC session.
 */
class PublishedDatesTest extends EngineIntegrationTest {

  private static final LocalDate WG41_OPENS = LocalDate.of(2022, 11, 7);
  private static final LocalDate WG42_OPENS = LocalDate.of(2023, 1, 23);

  private static JwtRequestPostProcessor admin() {
    return person("admin", List.of("admin"), null, List.of("GHA"));
  }

  @Test
  void theEarlyAddendumRuleGivesThePublishedEarlyDatesOfSessions41And42() {
    assertThat(DeadlineRules.addendumEarly(LocalDate.of(2023, 2, 13)))
        .isEqualTo(LocalDate.of(2022, 12, 12));
    assertThat(DeadlineRules.addendumEarly(LocalDate.of(2023, 6, 5)))
        .isEqualTo(LocalDate.of(2023, 4, 3));
    for (LocalDate[] pair :
        List.of(
            new LocalDate[] {LocalDate.of(2022, 12, 12), LocalDate.of(2023, 2, 13)},
            new LocalDate[] {LocalDate.of(2023, 4, 3), LocalDate.of(2023, 6, 5)})) {
      assertThat(ChronoUnit.DAYS.between(pair[0], pair[1])).isBetween(52L, 63L);
    }
  }

  @Test
  void theFinalAddendumFallsTwoWeeksBeforeThePublishedOpeningOfTheAdoptingSession() {
    assertThat(DeadlineRules.hrcSessionAdopting(WG41_OPENS)).isEqualTo(52);
    assertThat(DeadlineRules.hrcSessionAdopting(WG42_OPENS)).isEqualTo(53);
    assertThat(DeadlineRules.addendumFinal(LocalDate.of(2023, 2, 27)))
        .isEqualTo(LocalDate.of(2023, 2, 13));
    assertThat(DeadlineRules.addendumFinal(LocalDate.of(2023, 6, 19)))
        .isEqualTo(LocalDate.of(2023, 6, 5));
  }

  @Test
  void theUsualHrcPatternMatchesThePublishedSessions() {
    assertThat(DeadlineRules.hrcSessionOpening(52)).isEqualTo(LocalDate.of(2023, 2, 27));
    assertThat(DeadlineRules.hrcSessionClosing(52, LocalDate.of(2023, 2, 27)))
        .as("published: 4 April 2023")
        .isBetween(LocalDate.of(2023, 3, 31), LocalDate.of(2023, 4, 7));
    assertThat(DeadlineRules.hrcSessionOpening(53)).isEqualTo(LocalDate.of(2023, 6, 19));
    assertThat(DeadlineRules.hrcSessionClosing(53, LocalDate.of(2023, 6, 19)))
        .isEqualTo(LocalDate.of(2023, 7, 14));
    assertThat(DeadlineRules.hrcSessionClosing(54, LocalDate.of(2023, 9, 11)))
        .isEqualTo(LocalDate.of(2023, 10, 13));
  }

  @Test
  void theNationalReportAndSubmissionRulesFallWithinWhatWasObservedFor41And42() {
    assertThat(ChronoUnit.WEEKS.between(LocalDate.of(2022, 8, 8), WG41_OPENS)).isBetween(12L, 15L);
    assertThat(ChronoUnit.WEEKS.between(LocalDate.of(2022, 10, 10), WG42_OPENS))
        .isBetween(12L, 15L);
    assertThat(DeadlineRules.nationalReport(WG42_OPENS).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(ChronoUnit.DAYS.between(DeadlineRules.stakeholderSubmission(WG42_OPENS), WG42_OPENS))
        .isBetween(
            ChronoUnit.DAYS.between(LocalDate.of(2022, 7, 14), WG42_OPENS) - 31,
            ChronoUnit.DAYS.between(LocalDate.of(2022, 7, 14), WG42_OPENS) + 31);
  }

  @Test
  void nextCycleSessionsAreTentativeInMonthsTheWorkingGroupMeets() {
    assertThat(DeadlineRules.nextCycleSessionStart(WG41_OPENS))
        .as("WG 55, planned for 3 May 2027")
        .isEqualTo(LocalDate.of(2027, 5, 3));
    assertThat(DeadlineRules.nextCycleSessionStart(WG42_OPENS))
        .as("WG 56, planned for 1 November 2027")
        .isEqualTo(LocalDate.of(2027, 11, 1));
    for (int month = 1; month <= 12; month++) {
      LocalDate next = DeadlineRules.nextCycleSessionStart(LocalDate.of(2023, month, 10));
      assertThat(Set.of(1, 2, 4, 5, 10, 11)).contains(next.getMonthValue());
      assertThat(next.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    }
  }

  @Test
  void theCalendarCarriesThePublishedDatesOfSessions41And42() throws Exception {
    mvc.perform(get("/api/sessions/41").with(coordinator("GHA")))
        .andExpect(jsonPath("$.hrcSession.value").value(52))
        .andExpect(jsonPath("$.hrcSession.source").value("official"))
        .andExpect(jsonPath("$.adoptingSession.opensOn").value("2023-02-27"))
        .andExpect(jsonPath("$.adoptingSession.closesOn").value("2023-04-04"))
        .andExpect(jsonPath("$.adoptingSession.source").value("published"))
        .andExpect(jsonPath("$.deadlines.addendumEarly.value").value("2022-12-12"))
        .andExpect(jsonPath("$.deadlines.addendumEarly.source").value("official"))
        .andExpect(jsonPath("$.deadlines.addendumFinal.value").value("2023-02-13"))
        .andExpect(jsonPath("$.deadlines.stakeholderSubmission.value").value("2022-03-31"))
        .andExpect(jsonPath("$.deadlines.nationalReport.value").value("2022-08-08"));
    mvc.perform(get("/api/sessions/42").with(coordinator("GHA")))
        .andExpect(jsonPath("$.deadlines.addendumEarly.value").value("2023-04-03"))
        .andExpect(jsonPath("$.deadlines.addendumFinal.value").value("2023-06-05"))
        .andExpect(jsonPath("$.adoptingSession.number").value(53))
        .andExpect(jsonPath("$.adoptingSession.closesOn").value("2023-07-14"));
    mvc.perform(get("/api/hrc-sessions").with(coordinator("GHA")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].number").value(49))
        .andExpect(jsonPath("$[12].number").value(61))
        .andExpect(jsonPath("$[12].closesOn").value("2026-03-31"))
        .andExpect(jsonPath("$[12].source").value("published"))
        .andExpect(jsonPath("$[17].number").value(66))
        .andExpect(jsonPath("$[17].source").value("planned"));
  }

  @Test
  void aReviewPlansItsAdoptionInsideTheAdoptingSessionAndItsDeadlinesAsGenevaDates()
      throws Exception {
    String team = newCountryTeam();
    String reviewId = startReview(team, 42, coordinator(team));
    String milestones =
        mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    LocalDate adoption =
        LocalDate.parse(
            JsonPath.<List<String>>read(milestones, "$[?(@.key == 'hrcAdoption')].dueOn").get(0));
    assertThat(adoption)
        .as("inside HRC 53, 19 June - 14 July 2023")
        .isBetween(LocalDate.of(2023, 6, 19), LocalDate.of(2023, 7, 14));
    assertThat(JsonPath.<List<String>>read(milestones, "$[?(@.key == 'addendumEarly')].dueOn"))
        .containsExactly("2023-04-03");
    assertThat(JsonPath.<List<String>>read(milestones, "$[?(@.key == 'addendumEarly')].basis"))
        .containsExactly("official");
    mvc.perform(get("/api/reviews/" + reviewId).with(coordinator(team)))
        .andExpect(jsonPath("$.submissionCountsBackFrom").value("stakeholderSubmission"))
        // the plan is due at the end of 5 May 2022 in Geneva (CEST, UTC+2)
        .andExpect(jsonPath("$.openTasks[0].due").value("2022-05-05T21:59:00Z"));
  }

  @Test
  void aUnEntityDeadlineOfItsOwnIsWhatTheSubmissionCountsBackFrom() throws Exception {
    int number = 881;
    mvc.perform(
            post("/api/sessions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"number\":"
                        + number
                        + ",\"startsOn\":\"2032-05-03\",\"endsOn\":\"2032-05-14\","
                        + "\"stakeholderDeadline\":\"2031-10-07\",\"unEntityDeadline\":\"2031-09-30\"}"))
        .andExpect(status().isCreated());
    String team = newCountryTeam();
    String reviewId = startReview(team, number, coordinator(team));
    mvc.perform(get("/api/reviews/" + reviewId).with(coordinator(team)))
        .andExpect(jsonPath("$.submissionCountsBackFrom").value("unEntitySubmission"))
        .andExpect(jsonPath("$.sessionDeadlines.unEntitySubmission.value").value("2031-09-30"));
  }

  @Test
  void anAdminMovesAnHrcSessionWithIfMatchAndTheReviewsItAdoptsFollow() throws Exception {
    String etag =
        mvc.perform(get("/api/hrc-sessions/64").with(coordinator("GHA")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getHeader("ETag");
    // A WG session of October 2026, adopted at HRC 64 (March 2027).
    int number = 891;
    mvc.perform(
            post("/api/sessions")
                .with(admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"number\":"
                        + number
                        + ",\"startsOn\":\"2026-10-05\",\"endsOn\":\"2026-10-16\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.hrcSession.value").value(64))
        .andExpect(jsonPath("$.deadlines.addendumFinal.value").value("2027-02-08"));
    String team = newCountryTeam();
    String reviewId = startReview(team, number, coordinator(team));
    try {
      mvc.perform(
              patch("/api/hrc-sessions/64")
                  .with(coordinator(team))
                  .contentType("application/merge-patch+json")
                  .content("{\"opensOn\":\"2027-03-01\"}"))
          .andExpect(status().isForbidden());
      mvc.perform(
              patch("/api/hrc-sessions/64")
                  .with(admin())
                  .header("If-Match", etag)
                  .contentType("application/merge-patch+json")
                  .content(
                      "{\"opensOn\":\"2027-03-01\",\"closesOn\":\"2027-04-09\",\"published\":true}"))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.source").value("published"))
          .andExpect(header().string("ETag", "\"" + (version(etag) + 1) + "\""));
      mvc.perform(
              patch("/api/hrc-sessions/64")
                  .with(admin())
                  .header("If-Match", etag)
                  .contentType("application/merge-patch+json")
                  .content("{\"closesOn\":\"2027-04-10\"}"))
          .andExpect(status().isConflict());
      String milestones =
          mvc.perform(get("/api/reviews/" + reviewId + "/milestones").with(coordinator(team)))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(JsonPath.<List<String>>read(milestones, "$[?(@.key == 'addendumFinal')].dueOn"))
          .containsExactly("2027-02-15");
      assertThat(JsonPath.<List<String>>read(milestones, "$[?(@.key == 'addendumEarly')].dueOn"))
          .containsExactly("2026-12-14");
      assertThat(JsonPath.<List<String>>read(milestones, "$[?(@.key == 'hrcAdoption')].dueOn"))
          .containsExactly("2027-04-02");
      assertThat(outboxTypes(reviewId)).contains(DeadlineChanged.TYPE);
    } finally {
      mvc.perform(
              patch("/api/hrc-sessions/64")
                  .with(admin())
                  .contentType("application/merge-patch+json")
                  .content(
                      "{\"opensOn\":\"2027-02-22\",\"closesOn\":\"2027-04-02\",\"published\":false}"))
          .andExpect(status().isOk());
    }
  }

  private static int version(String etag) {
    return Integer.parseInt(etag.replace("\"", ""));
  }
}
