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
import org.uprengage.webapi.DemoApiTest;

/**
 * The pages in the quick start profile, against stand-ins for the services: the login form and the
 * session, CSRF, the content security policy, the person's language, and how a page shows what the
 * API refused without losing what the person typed.
 */
class PagesTest extends DemoApiTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";

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
        .andExpect(content().string(Matchers.containsString("aria-invalid=\"true\"")));
    assertThat(engine.received().get(1).body())
        .isEqualTo("{\"text\":\"Our section, typed with care\"}");
    assertThat(engine.received().get(1).ifMatch()).isEqualTo("\"4\"");
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
