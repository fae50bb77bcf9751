package org.uprengage.engine.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.uprengage.engine.EngineIntegrationTest;
import org.uprengage.engine.review.ReviewProcess;

/**
 * Reviews in a known state for the security tests, and a snapshot of everything a request could
 * change in one, to show that a refused request changed nothing.
 */
abstract class ApiFixtures extends EngineIntegrationTest {

  private static final AtomicInteger sessions = new AtomicInteger(600);
  private static final AtomicInteger created = new AtomicInteger();

  /** States whose teams the matrix creates: codes no other test uses (they start with A). */
  private static final List<String> NEW_TEAMS =
      Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3).stream()
          .filter(code -> code.startsWith("A"))
          .sorted()
          .toList();

  private static String foreignTeam;

  /** A second country team, foreign to every fixture's. */
  protected String foreignTeam() {
    synchronized (ApiFixtures.class) {
      if (foreignTeam == null) {
        foreignTeam = newCountryTeam();
      }
      return foreignTeam;
    }
  }

  /** Everything a request of the matrix could change in a fixture, as one comparable text. */
  protected String state(Fixture fixture) {
    return String.join(
        "\n",
        String.valueOf(
            jdbc.queryForList(
                "SELECT id_, rev_, assignee_, owner_, delegation_, follow_up_date_, due_date_ FROM act_ru_task WHERE tenant_id_ = ? ORDER BY id_",
                fixture.team())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT id_ FROM act_hi_comment WHERE task_id_ IN (?, ?) ORDER BY id_",
                fixture.held(),
                fixture.open())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT id, name, url FROM upr_task_attachment WHERE task_id IN (?, ?) ORDER BY id",
                fixture.held(),
                fixture.open())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_review WHERE country = ? ORDER BY id", fixture.team())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_review_milestone WHERE review_id = ?::uuid ORDER BY 2",
                fixture.review())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_recommendation WHERE review_id = ?::uuid ORDER BY paragraph",
                fixture.review())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_recommendation_position_version WHERE recommendation_id = ?::uuid",
                fixture.recommendation())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_recommendation_progress WHERE recommendation_id = ?::uuid ORDER BY number",
                fixture.recommendation())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_implementation_setting WHERE country_team = ?", fixture.team())),
        String.valueOf(
            jdbc.queryForList("SELECT * FROM upr_session WHERE number = ?", fixture.session())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_country_team_milestone_offset WHERE country_team = ? ORDER BY 2",
                fixture.team())),
        String.valueOf(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_session WHERE number > ?",
                Long.class,
                fixture.session())),
        String.valueOf(
            jdbc.queryForList("SELECT * FROM upr_country_team WHERE code = ?", fixture.team())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_country_team_agency WHERE country_team = ? ORDER BY agency",
                fixture.team())),
        String.valueOf(
            jdbc.queryForList(
                "SELECT * FROM upr_person WHERE source = 'import' AND ? = ANY (country_teams) ORDER BY username",
                fixture.team())),
        String.valueOf(jdbc.queryForList("SELECT code FROM upr_agency ORDER BY code")),
        String.valueOf(
            jdbc.queryForObject(
                "SELECT count(*) FROM upr_country_team WHERE created_by IS NOT NULL", Long.class)));
  }

  /**
   * A fresh review in a fresh country team: UNICEF's draft held by UNICEF's focal point with one
   * attachment, UNDP's draft offered to UNDP; with a session of its own in the calendar if asked.
   */
  protected Fixture fixture(boolean withSession) throws Exception {
    String team = newCountryTeam();
    String reviewId = planned(team, 42, "UNICEF", "UNDP");
    known(
        person("focal-unicef-2", List.of("focal-point"), "UNICEF", List.of(team)),
        headUnicef(team));
    String held =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUnicef(team)).get(0);
    String open =
        taskIds(reviewId, ReviewProcess.TASK_DRAFT_AGENCY_SECTION, focalUndp(team)).get(0);
    act(held, "claim", focalUnicef(team));
    String attachment =
        JsonPath.read(
            postJson(
                    "/api/tasks/" + held + "/attachments",
                    "{\"name\":\"Draft v1\",\"url\":\"https://docs.example.org/d/1\"}",
                    focalUnicef(team))
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    jdbc.update(
        "INSERT INTO upr_submission_round (review_id, round, text, consolidated_by, consolidated_at) VALUES (?::uuid, 1, 'The first round.', 'coordinator', now())",
        reviewId);
    int session = withSession ? sessions.getAndIncrement() : 0;
    if (withSession) {
      postJson(
          "/api/sessions",
          "{\"number\":" + session + ",\"startsOn\":\"2031-05-05\",\"endsOn\":\"2031-05-16\"}",
          person("admin", List.of("admin"), null, List.of(team)));
    }
    mvc.perform(
        post("/api/reviews/" + reviewId + "/recommendations/imports")
            .with(coordinator(team))
            .contentType("text/csv")
            .content("paragraph,text\n121.1,Ratify the Convention (France);\n"));
    String recommendation =
        jdbc.queryForObject(
            "SELECT id::text FROM upr_recommendation WHERE review_id = ?::uuid",
            String.class,
            reviewId);
    // UNICEF leads on it; the team's heads of office clear progress, and one update waits for them.
    jdbc.update(
        "UPDATE upr_recommendation SET lead_agency = 'UNICEF' WHERE id = ?::uuid", recommendation);
    jdbc.update(
        "INSERT INTO upr_implementation_setting (country_team, progress_clearance, round_months, changed_by, changed_at) VALUES (?, true, 6, 'coordinator', now())",
        team);
    String progress = UUID.randomUUID().toString();
    jdbc.update(
        "INSERT INTO upr_recommendation_progress (id, recommendation_id, agency, status, narrative, as_of, reported_by, reported_at, clearance)"
            + " VALUES (?::uuid, ?::uuid, 'UNICEF', 'in-progress', 'Started', current_date, 'focal-unicef', now(), 'pending')",
        progress,
        recommendation);
    return new Fixture(team, reviewId, held, open, attachment, recommendation, progress, session);
  }

  /** The objects of one fixture, by the names the matrix uses. */
  protected record Fixture(
      String team,
      String review,
      String held,
      String open,
      String attachment,
      String recommendation,
      String progress,
      int session) {

    String fill(String template) {
      return template
          .replace("{team}", team)
          .replace("{review}", review)
          .replace("{held}", held)
          .replace("{open}", open)
          .replace("{attachment}", attachment)
          .replace("{recommendation}", recommendation)
          .replace("{progress}", progress)
          .replace("{session}", String.valueOf(session))
          .replace(
              "{newTeam}",
              template.contains("{newTeam}") ? NEW_TEAMS.get(created.getAndIncrement()) : "")
          .replace(
              "{newAgency}",
              template.contains("{newAgency}") ? "NEWAGENCY" + created.getAndIncrement() : "")
          .replace(
              "{newSession}",
              template.contains("{newSession}") ? String.valueOf(sessions.getAndIncrement()) : "");
    }
  }
}
