package org.uprengage.webapi.page.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.uprengage.webapi.DemoApiTest;

/**
 * The Reviews page against a stand-in for the engine: the list with its filters and pages, each
 * review linked to its page; the start form for coordinators and admins only, a refusal shown in
 * words beside the field (or, for a review already there, with a link to it) with what was typed
 * kept, and a started review's page opened.
 */
class ReviewsPageTest extends DemoApiTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String REVIEW = "6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10";

  @Test
  void theListShowsEachReviewWithItsStageSessionNextDeadlineAndOpenTasksAndPagesOn()
      throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(200, JSON, page(0, 45));
    engine.answerOnce(200, JSON, "[" + wgSession(56) + "]");
    mvc.perform(get("/reviews").param("state", "ACTIVE").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("href=\"/reviews/" + REVIEW + "\"")))
        .andExpect(content().string(Matchers.containsString("GHA · session 56")))
        // the step and the next milestone by their ids, in the person's words
        .andExpect(content().string(Matchers.containsString("Agencies drafting their sections")))
        .andExpect(content().string(Matchers.containsString("Agencies&#39; drafts due")))
        .andExpect(content().string(Matchers.containsString("12 Mar 2027")))
        .andExpect(content().string(Matchers.containsString("1 Nov 2027")))
        .andExpect(content().string(Matchers.containsString("<td class=\"number\">2</td>")))
        .andExpect(content().string(Matchers.containsString("45 reviews")))
        .andExpect(
            content()
                .string(Matchers.containsString("<option value=\"ACTIVE\" selected=\"selected\">")))
        .andExpect(
            content().string(Matchers.containsString("href=\"/reviews?state=ACTIVE&amp;page=1\"")))
        // the nav names the page; a coordinator is offered the start form
        .andExpect(content().string(Matchers.containsString("<a href=\"/reviews\">Reviews</a>")))
        .andExpect(content().string(Matchers.containsString("Start a review")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
    assertThat(engine.received().get(0).uri())
        .isEqualTo("/api/reviews?page=0&size=20&state=ACTIVE");

    engine.reset();
    engine.answerOnce(200, JSON, page(2, 45));
    engine.answerOnce(200, JSON, "[]");
    mvc.perform(get("/reviews").param("countryTeam", "GHA").param("page", "2").session(session))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(Matchers.containsString("href=\"/reviews?countryTeam=GHA&amp;page=1\"")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("page=3"))));
    assertThat(engine.received().get(0).uri())
        .isEqualTo("/api/reviews?page=2&size=20&countryTeam=GHA");
  }

  @Test
  void thoseWhoAreNotCoordinatorsSeeTheListInTheirLanguageWithoutTheStartForm() throws Exception {
    MockHttpSession session = signIn("focal-undp"); // French in the directory
    engine.answerOnce(200, JSON, page(0, 1));
    mvc.perform(get("/reviews").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("Examens")))
        .andExpect(content().string(Matchers.containsString("Projets des agences attendus")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"start-title\""))))
        .andExpect(
            content()
                .string(
                    Matchers.not(Matchers.containsString("method=\"post\" action=\"/reviews\""))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("??"))));
    // no session calendar fetched for a form not shown
    assertThat(engine.received()).hasSize(1);
  }

  @Test
  void aStartedReviewsPageOpens() throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(
        201,
        JSON,
        "{\"id\":\"" + REVIEW + "\",\"country\":\"GHA\",\"session\":56,\"state\":\"ACTIVE\"}");
    mvc.perform(
            post("/reviews")
                .param("country", "GHA")
                .param("session", " 56 ")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/reviews/" + REVIEW))
        .andExpect(flash().attribute("done", "page.done.reviewStarted"));
    assertThat(engine.last().method()).isEqualTo("POST");
    assertThat(engine.last().uri()).isEqualTo("/api/reviews");
    assertThat(engine.last().body()).isEqualTo("{\"country\":\"GHA\",\"session\":56}");
  }

  @Test
  void aRefusedFieldIsNamedBesideItAndWhatWasTypedIsKept() throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"session: WG session 99 is not in the session calendar\","
            + "\"errors\":[{\"field\":\"session\",\"message\":\"WG session 99 is not in the session calendar\"}]}");
    var refused =
        mvc.perform(
                post("/reviews")
                    .param("country", "GHA")
                    .param("session", "99")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/reviews#start-title"))
            .andReturn();

    engine.reset();
    engine.answerOnce(200, JSON, page(0, 1));
    engine.answerOnce(200, JSON, "[" + wgSession(56) + "]");
    mvc.perform(get("/reviews").session(session).flashAttrs(refused.getFlashMap()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<p class=\"field-error\" id=\"start-session-error\">WG session 99 is not in the session calendar</p>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "aria-describedby=\"start-session-error start-session-hint\"")))
        .andExpect(content().string(Matchers.containsString("value=\"99\"")))
        .andExpect(
            content()
                .string(Matchers.containsString("<option value=\"GHA\" selected=\"selected\">")));
  }

  @Test
  void aReviewAlreadyThereIsToldInWordsWithALinkToIt() throws Exception {
    MockHttpSession session = signIn("admin");
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"A review of GHA in WG session 56 already exists.\"}");
    engine.answerOnce(200, JSON, page(0, 1));
    var refused =
        mvc.perform(
                post("/reviews")
                    .param("country", "GHA")
                    .param("session", "56")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/reviews#start-title"))
            .andReturn();
    assertThat(engine.received().get(1).uri())
        .isEqualTo("/api/reviews?countryTeam=GHA&page=0&size=100");

    engine.reset();
    engine.answerOnce(200, JSON, page(0, 1));
    engine.answerOnce(200, JSON, "[" + wgSession(56) + "]");
    mvc.perform(get("/reviews").session(session).flashAttrs(refused.getFlashMap()))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString("There is already a review of GHA in WG session 56")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<a href=\"/reviews/" + REVIEW + "\">Open that review</a>")))
        .andExpect(content().string(Matchers.containsString("value=\"56\"")));
  }

  @Test
  void anotherConflictIsShownInTheEnginesWords() throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The country team for GHA is closed: it starts no review.\"}");
    engine.answerOnce(200, JSON, "{\"items\":[],\"page\":0,\"size\":100,\"total\":0}");
    mvc.perform(
            post("/reviews")
                .param("country", "GHA")
                .param("session", "57")
                .session(session)
                .with(csrf()))
        .andExpect(redirectedUrl("/reviews#start-title"))
        .andExpect(
            flash()
                .attribute("refused", "The country team for GHA is closed: it starts no review."));
  }

  @Test
  void theReviewPageLeadsBackToTheReviews() throws Exception {
    MockHttpSession session = signIn("viewer");
    engine.answerOnce(
        200,
        JSON,
        "{\"id\":\""
            + REVIEW
            + "\",\"country\":\"GHA\",\"session\":56,\"state\":\"ACTIVE\",\"stage\":\"submission\","
            + "\"openTasks\":[],\"sessionDeadlines\":{},\"milestones\":[]}");
    engine.answerOnce(200, JSON, "[]");
    engine.answerOnce(200, JSON, "{\"round\":1,\"sections\":[],\"decisions\":[]}");
    engine.answerOnce(200, JSON, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}");
    mvc.perform(get("/reviews/" + REVIEW).session(session))
        .andExpect(status().isOk())
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<p class=\"crumbs\"><a href=\"/\">My work</a> › <a href=\"/reviews\">Reviews</a></p>")));
  }

  /** One page of GHA's 56th-session review, of {@code total} in all. */
  private static String page(int page, int total) {
    return "{\"items\":[{\"id\":\""
        + REVIEW
        + "\",\"country\":\"GHA\",\"session\":56,\"sessionStartsOn\":\"2027-11-01\",\"sessionEndsOn\":\"2027-11-12\","
        + "\"state\":\"ACTIVE\",\"stage\":\"submission\",\"step\":\"agency-drafting\",\"startedBy\":\"coordinator\","
        + "\"startedAt\":\"2026-12-01T09:00:00Z\",\"nextDeadline\":{\"key\":\"agencyDraftsDue\",\"dueOn\":\"2027-03-12\","
        + "\"basis\":\"computed\"},\"openTaskCount\":2}],\"page\":"
        + page
        + ",\"size\":20,\"total\":"
        + total
        + "}";
  }

  private static String wgSession(int number) {
    return "{\"number\":"
        + number
        + ",\"cycle\":5,\"startsOn\":\"2027-11-01\",\"endsOn\":\"2027-11-12\",\"datesTentative\":true,"
        + "\"deadlines\":{},\"version\":0}";
  }

  private MockHttpSession signIn(String user) throws Exception {
    var result =
        mvc.perform(formLogin("/login").user(user).password("demo"))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    return (MockHttpSession) result.getRequest().getSession();
  }
}
