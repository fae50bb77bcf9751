package org.uprengage.webapi.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.uprengage.webapi.DemoApiTest;
import org.uprengage.webapi.StubService;

/**
 * The pages in the quick start profile, against stand-ins for the services: the login form and the
 * session, CSRF, the content security policy, the person's language, and how a page shows what the
 * API refused without losing what the person typed.
 */
class PagesTest extends DemoApiTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String PREFERENCES =
      "{\"timeZone\":\"Africa/Lagos\",\"digestTime\":\"08:00\",\"kinds\":{"
          + "\"task-available\":{\"inApp\":true,\"email\":\"immediate\",\"mandatory\":false},"
          + "\"approval-waiting\":{\"inApp\":true,\"email\":\"immediate\",\"mandatory\":true},"
          + "\"recommendation-assigned\":{\"inApp\":true,\"email\":\"immediate\",\"mandatory\":false}}}";

  @Test
  void aPersonSignsInWithTheFormAndSeesTheirWorkWithDueDatesMarked() throws Exception {
    mvc.perform(get("/")).andExpect(status().is3xxRedirection());
    MockHttpSession session = signIn("coordinator");
    Instant now = Instant.now();
    engine.answer(
        200,
        JSON,
        "{\"items\":["
            + task("t-1", "Plan the joint submission", null, now.minus(1, ChronoUnit.DAYS), 3)
            + ","
            + task(
                "t-2", "Draft the agency section", "focal-unicef", now.plus(1, ChronoUnit.DAYS), 1)
            + "],\"page\":0,\"size\":50,\"total\":2}");
    mvc.perform(get("/").param("show", "team").param("q", "a b&c").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Plan the joint submission")))
        .andExpect(content().string(Matchers.containsString("badge overdue")))
        .andExpect(content().string(Matchers.containsString("badge soon")))
        .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    Matchers.allOf(
                        Matchers.containsString("script-src 'self';"),
                        Matchers.containsString("style-src 'self';"),
                        Matchers.not(Matchers.containsString("unsafe")))));
    var list = engine.received().stream().filter(r -> r.uri().startsWith("/api/tasks")).toList();
    assertThat(list).hasSize(1);
    assertThat(list.get(0).uri()).contains("show=team", "q=a%20b%26c", "sort=due");
    assertThat(list.get(0).authorization()).startsWith("Bearer ");
  }

  @Test
  void aPostWithoutTheCsrfTokenIsRefusedAndReachesNoService() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.reset();
    // a page of its own, not the API's error dispatch (whose Basic challenge would prompt)
    mvc.perform(post("/tasks/t-1/claim").session(session))
        .andExpect(status().isForbidden())
        .andExpect(header().doesNotExist("WWW-Authenticate"))
        .andExpect(content().string(Matchers.containsString("Nothing was changed")));
    assertThat(engine.received()).isEmpty();
    mvc.perform(post("/tasks/t-1/claim").param("version", "3").session(session).with(csrf()))
        .andExpect(redirectedUrl("/"));
    assertThat(engine.last().uri()).isEqualTo("/api/tasks/t-1/claim");
    assertThat(engine.last().ifMatch()).isEqualTo("\"3\"");
  }

  @Test
  void anHtmxClaimIsAnsweredWithTheTasksRowAsItNowIsAndTheMessageOutOfBand() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.reset();
    Instant due = Instant.now().plus(5, ChronoUnit.DAYS);
    engine.answerOnce(200, JSON, task("t-1", "Draft the agency section", "focal-unicef", due, 4));
    String row =
        mvc.perform(
                post("/tasks/t-1/claim")
                    .param("version", "3")
                    .param("back", "/?show=claimable")
                    .header("HX-Request", "true")
                    .session(session)
                    .with(csrf()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    // one call: the claim's answer is the task as it now is
    assertThat(engine.received()).hasSize(1);
    assertThat(engine.last().ifMatch()).isEqualTo("\"3\"");
    assertThat(row.strip()).startsWith("<tr id=\"task-t-1\"");
    assertThat(row)
        .contains("href=\"/tasks/t-1\" autofocus=\"autofocus\">Open</a>")
        .contains("action=\"/tasks/t-1/unclaim\"")
        .contains("name=\"version\" value=\"4\"")
        .contains("name=\"back\" value=\"/?show=claimable\"")
        .contains("id=\"messages\"")
        .contains("hx-swap-oob=\"true\"")
        .contains("<p class=\"ok\">The task is yours.</p>")
        .doesNotContain("action=\"/tasks/t-1/claim\"")
        .doesNotContain("<html");
  }

  @Test
  void anHtmxClaimRefusedShowsTheRowAsItNowIsAndATaskGoneLeavesTheList() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    Instant due = Instant.now().plus(5, ChronoUnit.DAYS);
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"t-1 is held by focal-undp\"}");
    engine.answerOnce(200, JSON, task("t-1", "Draft the agency section", "focal-undp", due, 5));
    mvc.perform(
            post("/tasks/t-1/claim")
                .param("version", "3")
                .header("HX-Request", "true")
                .session(session)
                .with(csrf()))
        // 200: htmx swaps only what answers 2xx
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("<td>focal-undp</td>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("<p class=\"error\">t-1 is held by focal-undp</p>")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/tasks/t-1/claim"))));
    assertThat(engine.last().uri()).isEqualTo("/api/tasks/t-1");

    engine.answerOnce(
        409, PROBLEM, "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"t-1 is done\"}");
    engine.answerOnce(404, PROBLEM, "{\"title\":\"Not found\",\"status\":404}");
    mvc.perform(
            post("/tasks/t-1/unclaim").header("HX-Request", "true").session(session).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.not(Matchers.containsString("<tr"))))
        .andExpect(content().string(Matchers.containsString("tabindex=\"-1\"")))
        .andExpect(content().string(Matchers.containsString("t-1 is done")));
  }

  @Test
  void aClaimWithoutJavaScriptIsPostRedirectGet() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"t-1 is held by focal-undp\"}");
    mvc.perform(
            post("/tasks/t-1/claim")
                .param("back", "/?show=claimable")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/?show=claimable"))
        .andExpect(flash().attribute("refused", "t-1 is held by focal-undp"));
  }

  @Test
  void fieldErrorsFromTheEngineAreShownBesideTheFieldAndWhatWasTypedIsKept() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    String draft = draft("focal-unicef", 4);
    engine.answerOnce(200, JSON, draft);
    engine.answerOnce(
        400,
        PROBLEM,
        "{\"type\":\"https://uprengage.org/problems/invalid-input\",\"title\":\"Invalid input\",\"status\":400,\"detail\":\"text: must be at most 20000 characters\",\"errors\":[{\"field\":\"text\",\"message\":\"must be at most 20000 characters\"}]}");
    engine.answerOnce(200, JSON, draft);
    mvc.perform(
            post("/tasks/t-9/complete")
                .param("version", "4")
                .param("field.text", "Our section, typed with care")
                .session(session)
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("must be at most 20000 characters")))
        .andExpect(content().string(Matchers.containsString("Our section, typed with care")))
        // the field's label and hint in the person's words, not the engine's id
        .andExpect(content().string(Matchers.containsString("<span>Text</span>")))
        .andExpect(content().string(Matchers.containsString("Your agency&#39;s section")))
        .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
    assertThat(engine.received().get(1).body())
        .isEqualTo("{\"text\":\"Our section, typed with care\"}");
    assertThat(engine.received().get(1).ifMatch()).isEqualTo("\"4\"");
  }

  @Test
  void positionsAreTypedOneALineAndAnItemsRefusalIsShownBesideTheListWithItsLine()
      throws Exception {
    MockHttpSession session = signIn("coordinator");
    String positions = positionsTask();
    engine.answerOnce(200, JSON, positions);
    mvc.perform(get("/tasks/t-7").session(session))
        .andExpect(status().isOk())
        // the list has a control of its own, labelled, with how to type it
        .andExpect(content().string(Matchers.containsString("<textarea id=\"field-positions\"")))
        .andExpect(content().string(Matchers.containsString("such as 121.1 supported")))
        // a short text is one line, its limit beside it
        .andExpect(
            content()
                .string(
                    Matchers.containsString("<input type=\"text\" id=\"field-addendumSymbol\"")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "id=\"field-addendumSymbol-limit\">At most 100 characters.</p>")));

    engine.answerOnce(200, JSON, positions);
    engine.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"positions[1].paragraph: is not in the register\",\"errors\":[{\"field\":\"positions[1].paragraph\",\"message\":\"is not in the register\"}]}");
    engine.answerOnce(200, JSON, positions);
    mvc.perform(
            post("/tasks/t-7/complete")
                .param("version", "3")
                .param("field.positions", "121.1 supported\r\n\r\n121.999  supported/noted\r\n")
                .param("field.addendumSymbol", "A/HRC/43/15/Add.1")
                .session(session)
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("line 2: is not in the register")))
        .andExpect(content().string(Matchers.containsString("121.999  supported/noted")));
    assertThat(engine.received().get(2).uri()).isEqualTo("/api/tasks/t-7/complete");
    assertThat(engine.received().get(2).body())
        .isEqualTo(
            "{\"addendumSymbol\":\"A/HRC/43/15/Add.1\","
                + "\"positions\":[{\"paragraph\":\"121.1\",\"position\":\"supported\"},"
                + "{\"paragraph\":\"121.999\",\"position\":\"supported/noted\"}]}");

    // a line without its position goes nowhere: named with its line
    engine.answerOnce(200, JSON, positions);
    mvc.perform(
            post("/tasks/t-7/complete")
                .param("version", "3")
                .param("field.positions", "121.1 supported\n121.2")
                .session(session)
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "line 2: write the paragraph number, then the position")));
    assertThat(engine.received()).hasSize(5);
  }

  @Test
  void aRoundsTaskListsTheAgencysRecommendationsWithTheirStatusAndThisRoundsUpdate()
      throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    String task =
        task("t-8", "Report progress", "focal-unicef", Instant.now().plus(20, ChronoUnit.DAYS), 2);
    engine.answerOnce(
        200,
        JSON,
        task.substring(0, task.length() - 1)
            + ",\"form\":[{\"name\":\"nothingChanged\",\"type\":\"choice\",\"required\":false,\"options\":[\"yes\",\"no\"]}],"
            + "\"recommendations\":["
            + "{\"id\":\"a1\",\"paragraph\":\"121.1\",\"text\":\"Ratify the Convention\",\"status\":\"in-progress\","
            + "\"roundUpdateId\":\"u1\",\"roundUpdateClearance\":\"pending\"},"
            + "{\"id\":\"a2\",\"paragraph\":\"121.2\",\"text\":\"Adopt the online safety law\",\"status\":\"not-started\"}]}");
    mvc.perform(get("/tasks/t-8").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("The recommendations of this task")))
        .andExpect(content().string(Matchers.containsString("<td>Ratify the Convention</td>")))
        .andExpect(content().string(Matchers.containsString(">in progress</span>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("<td>reported, waiting for the head of office</td>")))
        .andExpect(
            content().string(Matchers.containsString("<td>Adopt the online safety law</td>")))
        .andExpect(content().string(Matchers.containsString("<td>no update yet</td>")));

    // a task of the submission works on no recommendation: no such table
    engine.answerOnce(200, JSON, draft("focal-unicef", 4));
    mvc.perform(get("/tasks/t-9").session(session))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.not(Matchers.containsString("task-recommendations-title"))));
  }

  @Test
  void aConsolidationShowsTheAgenciesSectionsAndOpensWithThemInALongFieldWithItsLimit()
      throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(200, JSON, consolidation());
    engine.answerOnce(
        200,
        JSON,
        "{\"sections\":["
            + section("UNDP", "UNDP's section: governance.", "focal-undp")
            + ","
            + section("UNICEF", "UNICEF's section: birth registration.", "focal-unicef")
            + "],\"words\":0,\"decisions\":[]}");
    String page =
        mvc.perform(get("/tasks/t-5").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(engine.received().get(1).uri())
        .isEqualTo("/api/reviews/6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10/submission");
    assertThat(page)
        .contains("The agencies&#39; sections to consolidate")
        // in the agreed order (the engine's word counts), not the submission's
        .containsSubsequence(
            "id=\"section-UNICEF\"",
            "UNICEF&#39;s section: birth registration.",
            "id=\"section-UNDP\"",
            "UNDP&#39;s section: governance.")
        .contains("4 words, by focal-unicef")
        // the form opens with the sections one after the other, in a long field, its limit beside
        .contains(
            ">UNICEF&#39;s section: birth registration.\n\nUNDP&#39;s section: governance.</textarea>")
        .contains("rows=\"18\"", "maxlength=\"200000\"")
        .contains("id=\"field-text-limit\">At most 200,000 characters.</p>")
        .contains("aria-describedby=\"field-text-hint field-text-limit\"")
        .doesNotContain("sent-back-title");
  }

  @Test
  void aTextFieldLeftEmptyOrTooLongIsNamedBesideItAndNothingIsSent() throws Exception {
    MockHttpSession session = signIn("coordinator");
    String submission = "{\"sections\":[],\"words\":0,\"decisions\":[]}";
    engine.answerOnce(200, JSON, consolidation());
    engine.answerOnce(200, JSON, submission);
    mvc.perform(
            post("/tasks/t-5/complete")
                .param("version", "2")
                .param("field.text", "  ")
                .session(session)
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<p class=\"field-error\" id=\"field-text-error\">Text is required.</p>")))
        .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "aria-describedby=\"field-text-hint field-text-limit field-text-error\"")));

    engine.answerOnce(200, JSON, consolidation());
    engine.answerOnce(200, JSON, submission);
    String tooLong = "w".repeat(200_001);
    mvc.perform(
            post("/tasks/t-5/complete")
                .param("version", "2")
                .param("field.text", tooLong)
                .session(session)
                .with(csrf()))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString(tooLong + "</textarea>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Text must be at most 200,000 characters; it has 200,001.")));
    // neither reached the engine: the task and the submission read, twice, and nothing more
    assertThat(engine.received())
        .extracting(StubService.Received::uri)
        .noneMatch(uri -> uri.endsWith("/complete"));
  }

  @Test
  void aRevisionShowsWhatWasAskedAndOpensWithTheSectionAsItStands() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    String task =
        task("t-6", "Revise the agency section", "focal-unicef", Instant.now().plusSeconds(9000), 2)
            .replace("UserTask_X", "UserTask_ReviseAgencySection");
    engine.answerOnce(
        200,
        JSON,
        task.substring(0, task.length() - 1)
            + ",\"form\":[{\"name\":\"text\",\"type\":\"string\",\"required\":false,\"maxLength\":100000},"
            + "{\"name\":\"decline\",\"type\":\"string\",\"required\":false,\"maxLength\":2000}],"
            + "\"words\":{\"sections\":[{\"agency\":\"UNICEF\",\"words\":4}],\"sectionsTotal\":4,"
            + "\"consolidated\":5,\"overLimit\":false}}");
    engine.answerOnce(
        200,
        JSON,
        "{\"sections\":["
            + section("UNDP", "UNDP's section: governance.", "focal-undp")
            + ","
            + section("UNICEF", "UNICEF's section: birth registration.", "focal-unicef")
            + "],\"round\":1,\"text\":\"The UN in Ghana.\",\"words\":4,\"consolidatedBy\":\"coordinator\","
            + "\"decisions\":["
            + "{\"round\":1,\"stage\":\"clearance\",\"agency\":\"UNICEF\",\"decision\":\"send-back\","
            + "\"comments\":\"Add the 2024 birth registration figures.\",\"decidedBy\":\"head-unicef\","
            + "\"decidedAt\":\"2026-02-01T10:00:00Z\"},"
            + "{\"round\":1,\"stage\":\"clearance\",\"agency\":\"UNDP\",\"decision\":\"approve\","
            + "\"decidedBy\":\"head-undp\",\"decidedAt\":\"2026-02-01T11:00:00Z\"}]}");
    String page =
        mvc.perform(get("/tasks/t-6").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("Sent back in round 1: what to change")
        .contains("Add the 2024 birth registration figures.")
        .contains("head-unicef")
        // only what was sent back: the approval is not a comment to act on
        .doesNotContain("head-undp")
        // the agency's section as it stands, ready to revise; the other agency's is not offered
        .contains(">UNICEF&#39;s section: birth registration.</textarea>")
        .doesNotContain("UNDP&#39;s section")
        // a section sent back is revised, not declined: no such field
        .doesNotContain("field-decline")
        .doesNotContain("sections-title");
  }

  @Test
  void aConflictShowsTheTaskAsItNowIsWithWhatWasTyped() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.answerOnce(200, JSON, draft("focal-unicef", 4));
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The task changed since version 4.\"}");
    engine.answerOnce(200, JSON, draft("focal-unicef", 5));
    mvc.perform(
            post("/tasks/t-9/complete")
                .param("version", "4")
                .param("field.text", "Kept text")
                .session(session)
                .with(csrf()))
        .andExpect(status().isConflict())
        .andExpect(content().string(Matchers.containsString("The task changed since version 4.")))
        .andExpect(content().string(Matchers.containsString("Kept text")))
        .andExpect(content().string(Matchers.containsString("value=\"5\"")));
  }

  @Test
  void aTaskOrReviewThePersonMayNotSeeIsNotFound() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.answer(
        404, PROBLEM, "{\"title\":\"Not found\",\"status\":404,\"detail\":\"No review 1\"}");
    mvc.perform(get("/reviews/6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10").session(session))
        .andExpect(status().isNotFound())
        .andExpect(content().string(Matchers.containsString("Not found")))
        .andExpect(content().string(Matchers.containsString("focal-unicef")));
  }

  @Test
  void thePagesSpeakThePersonsLanguageElseTheBrowsers() throws Exception {
    mvc.perform(get("/login").header("Accept-Language", "es-MX,es;q=0.9"))
        .andExpect(content().string(Matchers.containsString("Iniciar sesión")));
    engine.answer(200, JSON, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/").session(signIn("focal-undp")).header("Accept-Language", "en"))
        .andExpect(content().string(Matchers.containsString("Mon travail")));
  }

  @Test
  void aBadZoneIsNamedBesideItsFieldAndAChosenLanguageWinsOverTheDirectorysFromTheNextPage()
      throws Exception {
    MockHttpSession session = signIn("focal-undp"); // French in the directory
    notifications.answerOnce(200, JSON, PREFERENCES); // read once for the session
    notifications.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"timeZone: must be an IANA time zone such as Africa/Accra\","
            + "\"errors\":[{\"field\":\"timeZone\",\"message\":\"must be an IANA time zone such as Africa/Accra\"}]}");
    var refused =
        mvc.perform(
                post("/notifications/preferences")
                    .param("timeZone", "Mars/Olympus")
                    .param("language", "es")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/notifications#preferences-title"))
            .andReturn();
    notifications.reset();
    mvc.perform(refusedFormShown(session, refused))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<p class=\"field-error\" id=\"timeZone-error\">must be an IANA time zone such as Africa/Accra</p>")))
        .andExpect(content().string(Matchers.containsString("aria-describedby=\"timeZone-error\"")))
        .andExpect(
            content()
                .string(Matchers.containsString("value=\"es\" lang=\"es\" selected=\"selected\"")))
        .andExpect(content().string(Matchers.containsString("<label for=\"language\">Langue")));

    notifications.reset();
    notifications.answerOnce(200, JSON, PREFERENCES.replace("{", "{\"language\":\"es\","));
    mvc.perform(
            post("/notifications/preferences")
                .param("timeZone", "Africa/Lagos")
                .param("language", "es")
                .param("kind", "task-available")
                .param("inApp.task-available", "true")
                .param("email.task-available", "immediate")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/notifications#preferences-title"));
    assertThat(notifications.last().method()).isEqualTo("PUT");
    assertThat(notifications.last().body())
        .startsWith("{\"timeZone\":\"Africa/Lagos\",\"language\":\"es\",");

    // saved: the session keeps the choices as notification-service answered the save
    notifications.reset();
    engine.answer(200, JSON, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/").session(session).header("Accept-Language", "fr"))
        .andExpect(content().string(Matchers.containsString("<html lang=\"es\"")))
        .andExpect(content().string(Matchers.containsString("<h1>Mi trabajo")));
    assertThat(notifications.received()).isEmpty();
  }

  @Test
  void tasksAreNamedInThePersonsLanguageByTheirKeyElseByTheirModelsName() throws Exception {
    Instant due = Instant.now().plus(9, ChronoUnit.DAYS);
    String draft =
        task("t-1", "Draft the agency section", null, due, 1)
            .replace("UserTask_X", "UserTask_DraftAgencySection");
    engine.answer(
        200,
        JSON,
        "{\"items\":["
            + draft
            + ","
            + task("t-2", "A task of a newer model", null, due, 1)
            + "],\"page\":0,\"size\":50,\"total\":2}");
    mvc.perform(get("/").session(signIn("focal-undp")))
        .andExpect(
            content().string(Matchers.containsString(">Rédiger la section de l&#39;agence</a>")))
        .andExpect(content().string(Matchers.containsString(">A task of a newer model</a>")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Draft the agency"))));
  }

  @Test
  void bulkAssignShowsAResultPerTask() throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(
        200,
        JSON,
        "[{\"taskId\":\"t-1\",\"status\":200,\"task\":{\"id\":\"t-1\",\"name\":\"Draft A\"}},"
            + "{\"taskId\":\"t-2\",\"status\":409,\"problem\":{\"status\":409,\"detail\":\"t-2 is held by head-undp\"}}]");
    var result =
        mvc.perform(
                post("/tasks/bulk")
                    .param("action", "assign")
                    .param("taskIds", "t-1", "t-2")
                    .param("assignee", "focal-undp")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    assertThat(engine.last().uri()).isEqualTo("/api/tasks/bulk/assign");
    assertThat(engine.last().body())
        .isEqualTo("{\"taskIds\":[\"t-1\",\"t-2\"],\"assignee\":\"focal-undp\"}");
    engine.answer(200, JSON, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/").session(session).flashAttrs(result.getFlashMap()))
        .andExpect(content().string(Matchers.containsString("Draft A")))
        .andExpect(content().string(Matchers.containsString("t-2 is held by head-undp")));
  }

  @Test
  void approvalsShowWhatChangedSinceTheRoundLastDecidedOnAndTheAuthorIsNotOfferedApproval()
      throws Exception {
    MockHttpSession session = signIn("head-unicef");
    String submission =
        "{\"sections\":[{\"agency\":\"UNICEF\",\"text\":\"Birth registration\",\"draftedBy\":\"focal-unicef\"}],"
            + "\"decisions\":[{\"round\":1,\"stage\":\"clearance\",\"agency\":\"UNICEF\",\"decision\":\"send-back\",\"comments\":\"Add the 2024 figures\",\"decidedBy\":\"head-unicef\"}]}";
    engine.answerOnce(
        200,
        JSON,
        "[{\"task\":"
            + task(
                "t-5",
                "Clear the joint submission",
                null,
                Instant.now().plus(2, ChronoUnit.DAYS),
                4)
            + ",\"stage\":\"clearance\",\"round\":2,\"text\":\"Children are registered at birth in 2024\","
            + "\"consolidatedBy\":\"coordinator\",\"consolidatedAt\":\"2026-01-02T10:00:00Z\","
            + "\"seenRound\":1,\"seenText\":\"Children are registered at birth\"}]");
    engine.answerOnce(200, JSON, submission);
    mvc.perform(get("/approvals").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Add the 2024 figures")))
        .andExpect(content().string(Matchers.containsString("Birth registration")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<ins><span class=\"visually-hidden\">added: </span><span>in 2024</span></ins>")))
        .andExpect(content().string(Matchers.containsString("value=\"approve\"")));
    assertThat(engine.received().get(engine.received().size() - 1).uri()).endsWith("/submission");

    // whoever consolidated the text is offered only to send it back
    MockHttpSession author = signIn("coordinator");
    engine.answerOnce(
        200,
        JSON,
        "[{\"task\":"
            + task(
                "t-6",
                "Clear the joint submission",
                null,
                Instant.now().plus(2, ChronoUnit.DAYS),
                1)
            + ",\"stage\":\"clearance\",\"round\":1,\"text\":\"Round one\",\"consolidatedBy\":\"coordinator\"}]");
    engine.answerOnce(200, JSON, submission);
    mvc.perform(get("/approvals").session(author))
        .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"approve\""))))
        .andExpect(content().string(Matchers.containsString("value=\"send-back\"")))
        .andExpect(content().string(Matchers.containsString("Round one")));
  }

  @Test
  void aDecisionClaimsTheTaskThenCompletesItAndARefusalKeepsTheComments() throws Exception {
    MockHttpSession session = signIn("head-unicef");
    engine.reset();
    engine.answerOnce(200, JSON, "{\"id\":\"t-5\",\"version\":5}");
    engine.answerOnce(204, JSON, "");
    mvc.perform(
            post("/approvals/t-5")
                .param("decision", "approve")
                .param("version", "4")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/approvals"))
        .andExpect(flash().attribute("done", "page.done.approve"));
    assertThat(engine.received()).hasSize(2);
    assertThat(engine.received().get(0).uri()).isEqualTo("/api/tasks/t-5/claim");
    assertThat(engine.received().get(0).ifMatch()).isEqualTo("\"4\"");
    assertThat(engine.received().get(1).uri()).isEqualTo("/api/tasks/t-5/complete");
    assertThat(engine.received().get(1).ifMatch()).isEqualTo("\"5\"");
    assertThat(engine.received().get(1).body()).isEqualTo("{\"decision\":\"approve\"}");

    // a new session: the first decision's flash message waits in the first one
    session = signIn("head-unicef");
    engine.reset();
    engine.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Bad input\",\"status\":400,\"detail\":\"comments: required to send the text back\"}");
    var refused =
        mvc.perform(
                post("/approvals/t-5")
                    .param("decision", "send-back")
                    .param("comments", "  Needs the SDG links  ")
                    .param("version", "5")
                    .param("mine", "true")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/approvals"))
            .andReturn();
    assertThat(engine.received()).hasSize(1);
    assertThat(engine.last().body())
        .isEqualTo("{\"decision\":\"send-back\",\"comments\":\"Needs the SDG links\"}");
    engine.answerOnce(
        200,
        JSON,
        "[{\"task\":"
            + task(
                "t-5",
                "Clear the joint submission",
                "head-unicef",
                Instant.now().plus(2, ChronoUnit.DAYS),
                5)
            + ",\"stage\":\"clearance\",\"round\":1,\"text\":\"Round one\",\"consolidatedBy\":\"coordinator\"}]");
    engine.answerOnce(200, JSON, "{\"sections\":[],\"decisions\":[]}");
    mvc.perform(get("/approvals").session(session).flashAttrs(refused.getFlashMap()))
        .andExpect(content().string(Matchers.containsString("comments: required to send")))
        .andExpect(content().string(Matchers.containsString("Needs the SDG links  </textarea>")));
  }

  @Test
  void theInboxLinksEachNotificationToItsTaskAndMarksItRead() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    notifications.answerOnce(200, JSON, PREFERENCES); // the person's time zone
    notifications.answerOnce(
        200,
        JSON,
        "{\"items\":[{\"id\":\"0b6f3c1e-3a4b-4c5d-8e9f-0a1b2c3d4e5f\",\"kind\":\"task-available\",\"title\":\"Draft the agency section\",\"body\":\"GHA 56: a task for UNICEF\",\"taskId\":\"t-9\",\"occurredAt\":\"2026-01-05T09:30:00Z\"}],"
            + "\"page\":0,\"size\":20,\"total\":1,\"unread\":1}");
    notifications.answerOnce(200, JSON, PREFERENCES);
    notifications.answerOnce(
        200,
        JSON,
        "[{\"id\":\"5e0d1f2a-0000-4000-8000-000000000001\",\"followerType\":\"person\",\"follower\":\"focal-unicef\",\"countryTeam\":\"GHA\"}]");
    notifications.answerOnce(200, JSON, "[]");
    notifications.answerOnce(200, JSON, "[]");
    mvc.perform(get("/notifications").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("href=\"/tasks/t-9\"")))
        .andExpect(content().string(Matchers.containsString("1 unread")))
        // dates in the person's time zone: 09:30 UTC is 10:30 in Lagos
        .andExpect(content().string(Matchers.containsString("5 Jan 2026 10:30")))
        .andExpect(content().string(Matchers.containsString("Country team GHA")))
        .andExpect(content().string(Matchers.containsString("An approval waiting on me")))
        .andExpect(content().string(Matchers.containsString("A recommendation given to my agency")))
        // every kind named in words: no message key left unresolved
        .andExpect(content().string(Matchers.not(Matchers.containsString("??"))))
        .andExpect(
            content().string(Matchers.containsString("data-stream=\"/notifications/stream\"")));
    assertThat(notifications.received().get(1).uri())
        .isEqualTo("/api/notifications?page=0&size=20");
    assertThat(notifications.received().get(5).uri()).isEqualTo("/api/webhooks");

    notifications.reset();
    mvc.perform(
            post("/notifications/0b6f3c1e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/read")
                .param("back", "/notifications?page=0")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/notifications?page=0"))
        .andExpect(flash().attribute("done", "page.done.read"));
    assertThat(notifications.last().uri())
        .isEqualTo("/api/notifications/0b6f3c1e-3a4b-4c5d-8e9f-0a1b2c3d4e5f/read");
    assertThat(notifications.last().authorization()).startsWith("Bearer ");
  }

  @Test
  void refusedPreferencesKeepWhatWasChosenWithEachFieldsErrorBesideIt() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    notifications.answerOnce(200, JSON, PREFERENCES); // the person's time zone
    notifications.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"quietHours.end: must differ from quietHours.start\","
            + "\"errors\":[{\"field\":\"quietHours.end\",\"message\":\"must differ from quietHours.start\"}]}");
    var refused =
        mvc.perform(
                post("/notifications/preferences")
                    .param("timeZone", "Europe/Madrid")
                    .param("quietStart", "22:00")
                    .param("quietEnd", "22:00")
                    .param("kind", "task-available", "deadline-missed")
                    .param("email.task-available", "digest")
                    .param("mandatory.deadline-missed", "true")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/notifications#preferences-title"))
            .andReturn();
    // not held in the inbox, e-mailed in the digest; the mandatory kind is not sent
    assertThat(notifications.last().body())
        .isEqualTo(
            "{\"timeZone\":\"Europe/Madrid\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"22:00\"},"
                + "\"kinds\":{\"task-available\":{\"inApp\":false,\"email\":\"digest\"}}}");
    notifications.reset();
    // the preferences are the ones typed; the time zone was read on the way in
    mvc.perform(refusedFormShown(session, refused))
        .andExpect(content().string(Matchers.containsString("must differ from quietHours.start")))
        .andExpect(content().string(Matchers.containsString("aria-describedby=\"quietEnd-error\"")))
        .andExpect(
            content()
                .string(Matchers.containsString("value=\"Europe/Madrid\" selected=\"selected\"")))
        .andExpect(
            content().string(Matchers.containsString("value=\"digest\" selected=\"selected\"")));
  }

  @Test
  void aSessionChangedMeanwhileIsShownAsItNowIsAndWhatTheAdminTypedIsKept() throws Exception {
    MockHttpSession session = signIn("admin");
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The session was changed meanwhile (now version 4).\"}");
    engine.answerOnce(200, JSON, session(57, "2028-01-22", 4));
    engine.answerOnce(
        200,
        JSON,
        "[{\"version\":4,\"field\":\"startsOn\",\"oldValue\":\"2028-01-24\",\"newValue\":\"2028-01-22\",\"changedBy\":\"admin2\",\"changedAt\":\"2026-01-02T10:00:00Z\"}]");
    var refused =
        mvc.perform(
                post("/calendar/sessions/57")
                    .param("version", "3")
                    .param("number", "57")
                    .param("startsOn", "2028-01-25")
                    .param("seen.startsOn", "2028-01-24")
                    .param("endsOn", "2028-02-04")
                    .param("seen.endsOn", "2028-02-04")
                    .param("seen.datesTentative", "false")
                    .param("unEntityDeadline", "")
                    .param("seen.unEntityDeadline", "2027-07-10")
                    .param("addendumFinalDeadline", "2028-06-30")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/calendar#session-57"))
            .andReturn();
    var patch = engine.received().get(0);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.ifMatch()).isEqualTo("\"3\"");
    assertThat(patch.contentType()).startsWith("application/merge-patch+json");
    // only what the admin changed; an emptied deadline is no official one: null in the patch
    assertThat(patch.body())
        .isEqualTo(
            "{\"startsOn\":\"2028-01-25\",\"unEntityDeadline\":null,\"addendumFinalDeadline\":\"2028-06-30\"}");

    engine.reset();
    engine.answerOnce(200, JSON, "[" + session(57, "2028-01-22", 4) + "]");
    engine.answerOnce(
        200,
        JSON,
        "[{\"number\":58,\"opensOn\":\"2028-02-26\",\"closesOn\":\"2028-04-05\",\"source\":\"computed\",\"version\":0}]");
    mvc.perform(get("/calendar").session(session).flashAttrs(refused.getFlashMap()))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("changed meanwhile, by admin2")))
        .andExpect(content().string(Matchers.containsString("It now runs from 22 Jan 2028")))
        .andExpect(content().string(Matchers.containsString("value=\"2028-01-25\"")))
        .andExpect(content().string(Matchers.containsString("value=\"2028-06-30\"")))
        // what the admin did not touch is shown as it now is, and is what they saw now
        .andExpect(
            content()
                .string(Matchers.containsString("name=\"seen.startsOn\" value=\"2028-01-22\"")))
        // saving again changes the version now current
        .andExpect(content().string(Matchers.containsString("name=\"version\" value=\"4\"")));
  }

  @Test
  void thoseWhoAreNotAdminsSeeTheCalendarWithoutItsForms() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.answerOnce(200, JSON, "[" + session(57, "2028-01-24", 3) + "]");
    engine.answerOnce(200, JSON, "[]");
    mvc.perform(get("/calendar").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("UN entities&#39; submissions")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/calendar/sessions"))));
  }

  @Test
  void aReviewShowsWhatHappenedItsDeadlinesRoundsAndFilteredRecommendations() throws Exception {
    MockHttpSession session = signIn("coordinator");
    String review = "6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10";
    answerReview(
        review,
        "clearance",
        "\"openTasks\":[{\"id\":\"t-3\",\"name\":\"Clear the joint submission\",\"taskKey\":\"UserTask_ClearSubmission\",\"candidateGroups\":[\"head-of-office\"],\"mayOpen\":true}],"
            + "\"submissionCountsBackFrom\":\"unEntitySubmission\","
            + "\"sessionDeadlines\":{\"unEntitySubmission\":{\"value\":\"2027-07-10\",\"source\":\"official\"}},"
            + "\"milestones\":[{\"key\":\"agencyDraftsDue\",\"dueOn\":\"2027-05-01\",\"basis\":\"computed\",\"status\":\"missed\"}]");
    engine.answerOnce(
        200,
        JSON,
        "[{\"at\":\"2027-04-02T08:00:00Z\",\"event\":\"task.claimed\",\"subject\":\"Draft the agency section\",\"actor\":\"focal-unicef\"}]");
    engine.answerOnce(
        200,
        JSON,
        "{\"round\":2,\"words\":3100,\"wordLimit\":2815,\"consolidatedBy\":\"coordinator\",\"sections\":[{\"agency\":\"UNICEF\",\"words\":1200,\"draftedBy\":\"focal-unicef\"}],"
            + "\"decisions\":[{\"round\":1,\"stage\":\"clearance\",\"agency\":\"UNICEF\",\"decision\":\"send-back\",\"comments\":\"Add the 2024 figures\",\"decidedBy\":\"head-unicef\"}]}");
    engine.answerOnce(
        200,
        JSON,
        "{\"items\":[{\"paragraph\":\"121.4\",\"text\":\"Ensure birth registration\",\"recommendingStates\":[{\"name\":\"Chile\",\"code\":\"CHL\"}],"
            + "\"themeHeading\":\"Children\",\"sdgs\":[16],\"position\":\"supported\",\"leadAgency\":\"UNICEF-X\",\"status\":\"partially-implemented\"}],\"page\":0,\"size\":50,\"total\":1}");
    mvc.perform(
            get("/reviews/" + review)
                .param("position", "supported")
                .param("sdg", "16")
                .param("status", "partially-implemented")
                .param("leadAgency", "UNICEF-X")
                .session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Task claimed")))
        // the step and the open task by their ids, in the person's words
        .andExpect(content().string(Matchers.containsString("Clearance by the head of office")))
        .andExpect(content().string(Matchers.containsString(">Clear the joint submission</a>")))
        .andExpect(content().string(Matchers.containsString("Agencies&#39; drafts due")))
        .andExpect(content().string(Matchers.containsString("badge missed")))
        .andExpect(content().string(Matchers.containsString("over the limit")))
        .andExpect(content().string(Matchers.containsString("Add the 2024 figures")))
        .andExpect(content().string(Matchers.containsString("Ensure birth registration")))
        // who leads on it and how far it is implemented, and those filters kept in the form
        .andExpect(content().string(Matchers.containsString("<td>UNICEF-X</td>")))
        .andExpect(content().string(Matchers.containsString(">partially implemented</span>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<option value=\"partially-implemented\" selected=\"selected\">")))
        .andExpect(content().string(Matchers.containsString("Follow this review")));
    assertThat(engine.received().get(1).uri()).isEqualTo("/api/reviews/" + review + "/timeline");
    assertThat(engine.received().get(2).uri()).isEqualTo("/api/reviews/" + review + "/submission");
    assertThat(engine.received().get(3).uri())
        .isEqualTo(
            "/api/reviews/"
                + review
                + "/recommendations?page=0&size=50&sdg=16&position=supported"
                + "&leadAgency=UNICEF-X&status=partially-implemented");
  }

  @Test
  void aReviewsTimelineNamesItsTasksAndMilestonesInThePersonsLanguage() throws Exception {
    MockHttpSession session = signIn("focal-undp"); // French in the directory
    String review = "6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10";
    answerReview(
        review,
        "agency-drafting",
        "\"openTasks\":[{\"id\":\"t-undp\",\"name\":\"Draft the agency section\",\"taskKey\":\"UserTask_DraftAgencySection\",\"candidateGroups\":[\"UNDP\"],\"mayOpen\":true},"
            + "{\"id\":\"t-coordinator\",\"name\":\"Consolidate the drafts\",\"taskKey\":\"UserTask_X\",\"candidateGroups\":[\"coordinator\"],\"mayOpen\":false}],"
            + "\"sessionDeadlines\":{},\"milestones\":[]");
    engine.answerOnce(
        200,
        JSON,
        "[{\"at\":\"2027-04-02T08:00:00Z\",\"event\":\"task.claimed\",\"subject\":\"Draft the agency section\","
            + "\"taskKey\":\"UserTask_DraftAgencySection\",\"actor\":\"focal-undp\"},"
            + "{\"at\":\"2027-04-03T08:00:00Z\",\"event\":\"task.created\",\"subject\":\"Someone's new task\",\"taskKey\":\"UserTask_New\"},"
            + "{\"at\":\"2027-04-04T08:00:00Z\",\"event\":\"deadline.changed\",\"subject\":\"agencyDraftsDue\",\"detail\":\"moved\"}]");
    engine.answerOnce(200, JSON, "{\"round\":1,\"sections\":[],\"decisions\":[]}");
    engine.answerOnce(200, JSON, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/reviews/" + review).session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Tâche prise")))
        .andExpect(content().string(Matchers.containsString("Rédiger la section de l&#39;agence")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("Draft the agency"))))
        // a task the translations do not know yet keeps its model's name
        .andExpect(content().string(Matchers.containsString("Someone&#39;s new task")))
        .andExpect(content().string(Matchers.containsString("Projets des agences attendus")))
        // an open task offered to the person's agency is a link; the coordinators' one is not,
        // for its page would be a 404 to them
        .andExpect(content().string(Matchers.containsString("href=\"/tasks/t-undp\"")))
        .andExpect(content().string(Matchers.containsString("Consolidate the drafts")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/tasks/t-coordinator"))));
  }

  @Test
  void theLoginFormIsThrottledLikeBasic() throws Exception {
    for (int i = 0; i < 10; i++) {
      mvc.perform(formLogin("/login").user("someone-guessing").password("guess-" + i))
          .andExpect(redirectedUrl("/login?error"));
    }
    mvc.perform(formLogin("/login").user("someone-guessing").password("guess"))
        .andExpect(redirectedUrl("/login?throttled"));
    mvc.perform(get("/login").param("throttled", ""))
        .andExpect(content().string(Matchers.containsString("Too many failed sign-ins")));
  }

  /**
   * The Notifications page after a refused form, with what was typed: notification-service answers
   * an empty inbox, follows, feeds and webhooks (the preferences are the ones typed).
   */
  private MockHttpServletRequestBuilder refusedFormShown(
      MockHttpSession session, MvcResult refused) {
    notifications.answerOnce(
        200, JSON, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0,\"unread\":0}");
    notifications.answerOnce(200, JSON, "[]");
    notifications.answerOnce(200, JSON, "[]");
    notifications.answerOnce(200, JSON, "[]");
    return get("/notifications").session(session).flashAttrs(refused.getFlashMap());
  }

  /** The engine answers GHA's review of the 56th session, at {@code step}, then {@code rest}. */
  private void answerReview(String id, String step, String rest) {
    engine.answerOnce(
        200,
        JSON,
        "{\"id\":\""
            + id
            + "\",\"country\":\"GHA\",\"session\":56,\"state\":\"ACTIVE\",\"stage\":\"submission\",\"step\":\""
            + step
            + "\","
            + rest
            + "}");
  }

  private MockHttpSession signIn(String user) throws Exception {
    var result =
        mvc.perform(formLogin("/login").user(user).password("demo"))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    return (MockHttpSession) result.getRequest().getSession();
  }

  private static String task(String id, String name, String assignee, Instant due, int version) {
    return "{\"id\":\""
        + id
        + "\",\"name\":\""
        + name
        + "\",\"taskKey\":\"UserTask_X\",\"reviewId\":\"6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10\",\"country\":\"GHA\",\"session\":56,"
        + (assignee == null ? "" : "\"assignee\":\"" + assignee + "\",")
        + "\"candidateGroups\":[\"coordinator\"],\"created\":\"2026-01-01T00:00:00Z\",\"due\":\""
        + due
        + "\",\"version\":"
        + version
        + "}";
  }

  private static String session(int number, String startsOn, int version) {
    return "{\"number\":"
        + number
        + ",\"cycle\":5,\"startsOn\":\""
        + startsOn
        + "\",\"endsOn\":\"2028-02-04\",\"datesTentative\":false,"
        + "\"hrcSession\":{\"value\":58,\"source\":\"computed\"},"
        + "\"deadlines\":{\"stakeholderSubmission\":{\"value\":\"2027-07-03\",\"source\":\"computed\",\"rule\":\"about 6.5 months before\"},"
        + "\"unEntitySubmission\":{\"value\":\"2027-07-10\",\"source\":\"official\"}},\"version\":"
        + version
        + "}";
  }

  /** "Record the positions in the addendum", held by the coordinator, with its form. */
  private static String positionsTask() {
    String task =
        task(
            "t-7",
            "Record the positions in the addendum",
            "coordinator",
            Instant.now().plus(5, ChronoUnit.DAYS),
            3);
    return task.substring(0, task.length() - 1)
        + ",\"form\":[{\"name\":\"supported\",\"type\":\"integer\",\"required\":false},"
        + "{\"name\":\"noted\",\"type\":\"integer\",\"required\":false},"
        + "{\"name\":\"addendumSymbol\",\"type\":\"string\",\"required\":false,\"maxLength\":100},"
        + "{\"name\":\"positions\",\"type\":\"position-list\",\"required\":false,"
        + "\"description\":\"The position on each recommendation\"}]}";
  }

  /** "Consolidate the joint submission", held by the coordinator, for UNICEF then UNDP. */
  private static String consolidation() {
    String task =
        task(
                "t-5",
                "Consolidate the joint submission",
                "coordinator",
                Instant.now().plus(5, ChronoUnit.DAYS),
                2)
            .replace("UserTask_X", "UserTask_ConsolidateSubmission");
    return task.substring(0, task.length() - 1)
        + ",\"form\":[{\"name\":\"text\",\"type\":\"string\",\"required\":true,"
        + "\"description\":\"The consolidated joint submission\",\"maxLength\":200000}],"
        + "\"words\":{\"sections\":[{\"agency\":\"UNICEF\",\"words\":4},{\"agency\":\"UNDP\",\"words\":3}],"
        + "\"sectionsTotal\":7,\"overLimit\":false}}";
  }

  private static String section(String agency, String text, String by) {
    return "{\"agency\":\""
        + agency
        + "\",\"text\":\""
        + text
        + "\",\"words\":"
        + text.split("\\s+").length
        + ",\"draftedBy\":\""
        + by
        + "\",\"draftedAt\":\"2026-01-20T09:00:00Z\"}";
  }

  private static String draft(String assignee, int version) {
    String task =
        task(
            "t-9",
            "Draft the agency section",
            assignee,
            Instant.now().plus(5, ChronoUnit.DAYS),
            version);
    return task.substring(0, task.length() - 1)
        + ",\"form\":[{\"name\":\"text\",\"type\":\"string\",\"required\":true,\"description\":\"The agency's section\",\"maxLength\":20000}]}";
  }
}
