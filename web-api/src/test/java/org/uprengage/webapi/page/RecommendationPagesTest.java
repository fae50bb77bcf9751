package org.uprengage.webapi.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.uprengage.webapi.DemoApiTest;

/**
 * The recommendation work on the pages, against a stand-in for the engine (the same Spring context
 * as {@link PagesTest}): a coordinator imports OHCHR's list and reads what became of each row,
 * gives recommendations a lead agency one by one and for the rows selected; an agency reports
 * progress on an implementation round's task and its head of office clears or sends back; the
 * implementation matrix is downloaded. Each call is the API's own, and what it refuses is shown
 * beside the field with what was typed kept.
 */
class RecommendationPagesTest extends DemoApiTest {

  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String REVIEW = "6f1c2b7e-1f0a-4c7e-9a39-5d1d3c1e2a10";
  private static final String R1 = "0a1b2c3d-0000-4000-8000-000000000001";
  private static final String R2 = "0a1b2c3d-0000-4000-8000-000000000002";
  private static final String U1 = "0a1b2c3d-0000-4000-8000-0000000000f1";
  private static final String CSV =
      "paragraph,text,recommending_states,theme,themes,groups_of_persons,sdgs,position,position_source\n"
          + "121.1,\"Ratify the International Convention for the Protection of All Persons from"
          + " Enforced Disappearance (France) (Lithuania);\",France;Lithuania,Acceptance of"
          + " international norms,,,16,Supported,A/HRC/43/15/Add.1 - Para. 3\n"
          + "121.301,An SDG that does not exist (Peru);,Peru,,,,18,Noted,\n";

  @Test
  void aCoordinatorImportsOhchrsListAndReadsWhatBecameOfEachRow() throws Exception {
    MockHttpSession session = signIn("coordinator");
    engine.answerOnce(
        200,
        JSON,
        "{\"format\":\"csv\",\"added\":1,\"updated\":0,\"unchanged\":0,\"recommendations\":1,"
            + "\"rejected\":[{\"row\":3,\"paragraph\":\"121.301\",\"reason\":\"SDG '18' is not a goal from 1 to 17\"}]}");
    MvcResult imported =
        mvc.perform(
                multipart("/reviews/" + REVIEW + "/recommendations/imports")
                    .file(file("slovenia.csv", CSV))
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/reviews/" + REVIEW + "#import-title"))
            .andReturn();
    // the file as it came, to the API's import
    assertThat(engine.last().method()).isEqualTo("POST");
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/imports");
    assertThat(engine.last().contentType()).isEqualTo("application/octet-stream");
    assertThat(engine.last().body()).isEqualTo(CSV);

    reviewPage(session, imported, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "From slovenia.csv: 1 added, 0 updated, 0 already as listed. The register"
                            + " now holds 1 recommendation.")))
        .andExpect(
            content().string(Matchers.containsString("1 row was not taken; the others were:")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Line 3 (paragraph 121.301): SDG &#39;18&#39; is not a goal from 1 to 17")));

    // the same list again: said to change nothing
    engine.reset();
    engine.answerOnce(
        200,
        JSON,
        "{\"format\":\"csv\",\"added\":0,\"updated\":0,\"unchanged\":1,\"recommendations\":1,"
            + "\"rejected\":[{\"row\":3,\"paragraph\":\"121.301\",\"reason\":\"SDG '18' is not a goal from 1 to 17\"}]}");
    MvcResult again =
        mvc.perform(
                multipart("/reviews/" + REVIEW + "/recommendations/imports")
                    .file(file("slovenia.csv", CSV))
                    .session(session)
                    .with(csrf()))
            .andReturn();
    reviewPage(session, again, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "From slovenia.csv: nothing changed, the register already held every"
                            + " recommendation taken from it as listed. It holds 1 recommendation.")));

    // a file that is not a list: the API's words beside the file's field
    engine.reset();
    engine.answerOnce(
        415,
        PROBLEM,
        "{\"title\":\"Unsupported Media Type\",\"status\":415,\"detail\":\"The list is neither a"
            + " Word document nor a CSV: this looks like a PDF.\"}");
    MvcResult refused =
        mvc.perform(
                multipart("/reviews/" + REVIEW + "/recommendations/imports")
                    .file(file("report.pdf", "%PDF-1.7"))
                    .session(session)
                    .with(csrf()))
            .andReturn();
    reviewPage(session, refused, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<p class=\"field-error\" id=\"import-file-error\">report.pdf: The list is"
                            + " neither a Word document nor a CSV: this looks like a PDF.</p>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "aria-invalid=\"true\" aria-describedby=\"import-file-error\"")));

    // no file chosen: said so, and the engine is not asked
    engine.reset();
    MvcResult empty =
        mvc.perform(
                multipart("/reviews/" + REVIEW + "/recommendations/imports")
                    .file(file("", ""))
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(engine.received()).isEmpty();
    reviewPage(session, empty, "")
        .andExpect(content().string(Matchers.containsString("Choose the file of the list first.")));

    // without the CSRF token nothing reaches the engine
    engine.reset();
    mvc.perform(
            multipart("/reviews/" + REVIEW + "/recommendations/imports")
                .file(file("slovenia.csv", CSV))
                .session(session))
        .andExpect(status().isForbidden());
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void aCoordinatorGivesALeadAgencyToARowAndToTheSelectedRowsWithAResultPerRow() throws Exception {
    MockHttpSession session = signIn("coordinator");
    reviewPage(session, null, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "action=\"/reviews/"
                            + REVIEW
                            + "/recommendations/"
                            + R1
                            + "/assignment\"")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<label class=\"visually-hidden\" for=\"lead-"
                            + R1
                            + "\">Lead agency for recommendation 121.1</label>")))
        .andExpect(content().string(Matchers.containsString("form=\"bulk-assign\"")))
        .andExpect(content().string(Matchers.containsString("Select recommendation 121.2")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<option value=\"WHO\">WHO — World Health Organization</option>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "href=\"/reviews/" + REVIEW + "/implementation-matrix.csv\"")))
        .andExpect(content().string(Matchers.containsString("enctype=\"multipart/form-data\"")));
    assertThat(engine.received().get(4).uri()).isEqualTo("/api/agencies");

    // one row: its supporting agencies stay, but the new lead
    engine.reset();
    engine.answerOnce(
        200, JSON, "{\"id\":\"" + R1 + "\",\"paragraph\":\"121.1\",\"leadAgency\":\"UNDP\"}");
    MvcResult one =
        mvc.perform(
                post("/reviews/" + REVIEW + "/recommendations/" + R1 + "/assignment")
                    .param("leadAgency", "UNDP")
                    .param("supportingAgencies", "UNDP", "WHO")
                    .param("back", "/reviews/" + REVIEW + "?theme=Children")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/reviews/" + REVIEW + "?theme=Children#rec-" + R1))
            .andReturn();
    assertThat(engine.last().method()).isEqualTo("PUT");
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/" + R1 + "/assignment");
    assertThat(engine.last().body())
        .isEqualTo("{\"leadAgency\":\"UNDP\",\"supportingAgencies\":[\"WHO\"]}");
    reviewPage(session, one, "")
        .andExpect(content().string(Matchers.containsString("UNDP leads on it now.")));

    // the engine refuses the row: its words beside the row's field, the choice kept
    engine.reset();
    engine.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"leadAgency: is not an agency\","
            + "\"errors\":[{\"field\":\"leadAgency\",\"message\":\"is not an agency of the directory\"}]}");
    MvcResult refused =
        mvc.perform(
                post("/reviews/" + REVIEW + "/recommendations/" + R1 + "/assignment")
                    .param("leadAgency", "UNEP")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/reviews/" + REVIEW + "#rec-" + R1))
            .andReturn();
    reviewPage(session, refused, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "id=\"lead-"
                            + R1
                            + "-error\">leadAgency is not an agency of the directory</p>")))
        .andExpect(
            content()
                .string(Matchers.containsString("<option value=\"UNEP\" selected>UNEP</option>")));

    // the selected rows, each with its result
    engine.reset();
    engine.answerOnce(
        200,
        JSON,
        "{\"changed\":1,\"unchanged\":1,\"rejected\":1,\"results\":["
            + "{\"paragraph\":\"121.9\",\"result\":\"rejected\",\"field\":\"paragraphs\",\"reason\":\"the register holds no 121.9\"},"
            + "{\"paragraph\":\"121.1\",\"result\":\"changed\"},{\"paragraph\":\"121.2\",\"result\":\"unchanged\"}]}");
    MvcResult many =
        mvc.perform(
                post("/reviews/" + REVIEW + "/recommendations/assignments")
                    .param("leadAgency", "UNICEF")
                    .param("supportingAgencies", "WHO")
                    .param("paragraphs", "121.9", "121.1", "121.2")
                    .param("back", "/reviews/" + REVIEW)
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/reviews/" + REVIEW + "#bulk-title"))
            .andReturn();
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/assignments");
    assertThat(engine.last().body())
        .isEqualTo(
            "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"WHO\"],\"paragraphs\":[\"121.9\",\"121.1\",\"121.2\"]}");
    reviewPage(session, many, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString("UNICEF leads: 1 changed, 1 already so, 1 refused.")))
        .andExpect(
            content()
                .string(Matchers.containsString("121.9: refused, the register holds no 121.9")))
        .andExpect(content().string(Matchers.containsString("121.1: assigned")))
        .andExpect(content().string(Matchers.containsString("121.2: already so, nothing changed")));

    // no lead chosen: said beside the field, the rows ticked stay ticked, the engine not asked
    engine.reset();
    MvcResult noLead =
        mvc.perform(
                post("/reviews/" + REVIEW + "/recommendations/assignments")
                    .param("paragraphs", "121.2")
                    .param("supportingAgencies", "WHO")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(engine.received()).isEmpty();
    reviewPage(session, noLead, "")
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<p class=\"field-error\" id=\"bulk-lead-error\">Choose the lead agency.</p>")))
        .andExpect(
            content()
                .string(
                    Matchers.matchesRegex(
                        "(?s).*id=\"select-" + R2 + "\" value=\"121.2\" checked=\"checked\".*")))
        .andExpect(
            content().string(Matchers.matchesRegex("(?s).*value=\"WHO\" checked=\"checked\".*")));
  }

  @Test
  void someoneWhoIsNotACoordinatorSeesTheMatrixLinksButNoImportOrAssignment() throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    reviewPage(session, null, "")
        .andExpect(content().string(Matchers.containsString("implementation-matrix.docx")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("import-title"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("bulk-assign"))))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/assignment"))));
    assertThat(engine.received()).hasSize(4); // no agencies asked for

    engine.reset();
    engine.answer(
        200, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK-docx");
    mvc.perform(get("/reviews/" + REVIEW + "/implementation-matrix.docx").session(session))
        .andExpect(status().isOk())
        .andExpect(
            header()
                .string(
                    "Content-Disposition",
                    "attachment; filename=\"implementation-matrix-" + REVIEW + "-by-theme.docx\""))
        .andExpect(content().string("PK-docx"));
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/implementation-matrix?groupBy=theme&format=docx");
  }

  @Test
  void anAgencyReportsProgressOnItsRoundsTaskAndWhatIsRefusedIsShownBesideTheField()
      throws Exception {
    MockHttpSession session = signIn("focal-unicef");
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    mvc.perform(get("/tasks/t-8").session(session))
        .andExpect(status().isOk())
        .andExpect(
            content().string(Matchers.containsString("Report progress on each recommendation")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "action=\"/tasks/t-8/recommendations/" + R1 + "/progress\"")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<option value=\"in-progress\" selected=\"selected\">in progress</option>")))
        .andExpect(content().string(Matchers.containsString("Report on 121.1")));

    // the engine refuses a link: its words beside the links, everything typed kept
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    engine.answerOnce(
        400,
        PROBLEM,
        "{\"title\":\"Invalid input\",\"status\":400,\"detail\":\"evidence[0]: must be an http or https link\","
            + "\"errors\":[{\"field\":\"evidence[0]\",\"message\":\"must be an http or https link\"}]}");
    MvcResult refused =
        mvc.perform(
                post("/tasks/t-8/recommendations/" + R1 + "/progress")
                    .param("status", "implemented")
                    .param("narrative", "The law on enforced disappearance was passed")
                    .param("evidence", "ftp://parliament.example.org/law")
                    .param("asOf", "2027-03-31")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/tasks/t-8#progress-" + R1))
            .andReturn();
    assertThat(engine.last().uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/" + R1 + "/progress");
    assertThat(engine.last().body())
        .isEqualTo(
            "{\"status\":\"implemented\",\"narrative\":\"The law on enforced disappearance was passed\","
                + "\"evidence\":[\"ftp://parliament.example.org/law\"],\"asOf\":\"2027-03-31\"}");
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    mvc.perform(get("/tasks/t-8").session(session).flashAttrs(refused.getFlashMap()))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "id=\"p-"
                            + R1
                            + "-evidence-error\">evidence[0] must be an http or https link</p>")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        ">The law on enforced disappearance was passed</textarea>")))
        .andExpect(
            content()
                .string(Matchers.containsString(">ftp://parliament.example.org/law</textarea>")))
        .andExpect(content().string(Matchers.containsString("value=\"2027-03-31\"")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "<option value=\"implemented\" selected=\"selected\">")));

    // nothing said: the page says what is missing and asks the engine nothing
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    MvcResult blank =
        mvc.perform(
                post("/tasks/t-8/recommendations/" + R1 + "/progress")
                    .param("status", "in-progress")
                    .param("asOf", "2027-03-31")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(engine.received()).hasSize(1); // the task only
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    mvc.perform(get("/tasks/t-8").session(session).flashAttrs(blank.getFlashMap()))
        .andExpect(content().string(Matchers.containsString("Say what was done.")));

    // reported: said so, with whether it counts yet
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    engine.answerOnce(201, JSON, "{\"id\":\"" + U1 + "\",\"clearance\":\"pending\"}");
    MvcResult reported =
        mvc.perform(
                post("/tasks/t-8/recommendations/" + R1 + "/progress")
                    .param("status", "in-progress")
                    .param("narrative", "Draft law tabled")
                    .param("evidence", "https://parliament.example.org/bills/12\r\n\r\n")
                    .param("asOf", "2027-03-31")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(engine.last().body())
        .contains("\"evidence\":[\"https://parliament.example.org/bills/12\"]");
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    mvc.perform(get("/tasks/t-8").session(session).flashAttrs(reported.getFlashMap()))
        .andExpect(
            content()
                .string(
                    Matchers.containsString(
                        "Reported: it counts once a head of office clears it.")));

    // another agency's people see the list, not the forms
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ReportProgress", "UNICEF", "in-progress", null));
    mvc.perform(get("/tasks/t-8").session(signIn("focal-undp")))
        .andExpect(content().string(Matchers.not(Matchers.containsString("/progress\""))));
  }

  @Test
  void aHeadOfOfficeReadsTheUpdateWaitingAndClearsItOrSendsItBackWithAComment() throws Exception {
    MockHttpSession session = signIn("head-unicef");
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", U1));
    engine.answerOnce(
        200,
        JSON,
        "[{\"id\":\""
            + U1
            + "\",\"status\":\"implemented\",\"narrative\":\"The law was passed in March\","
            + "\"evidence\":[\"https://parliament.example.org/law\"],\"asOf\":\"2027-03-31\","
            + "\"reportedBy\":\"focal-unicef\",\"reportedAt\":\"2027-04-01T09:00:00Z\",\"clearance\":\"pending\"}]");
    mvc.perform(get("/tasks/t-8").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(Matchers.containsString("The law was passed in March")))
        .andExpect(
            content()
                .string(Matchers.containsString("href=\"https://parliament.example.org/law\"")))
        .andExpect(content().string(Matchers.containsString("Clear the update on 121.1")))
        .andExpect(content().string(Matchers.containsString("Send the update on 121.1 back")));
    assertThat(engine.received().get(1).uri())
        .isEqualTo("/api/reviews/" + REVIEW + "/recommendations/" + R1 + "/progress");

    // sending back without a comment: asked for one, the engine not asked
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", U1));
    MvcResult noComment =
        mvc.perform(
                post("/tasks/t-8/recommendations/" + R1 + "/progress/" + U1 + "/clearance")
                    .param("decision", "return")
                    .session(session)
                    .with(csrf()))
            .andExpect(redirectedUrl("/tasks/t-8#progress-" + R1))
            .andReturn();
    assertThat(engine.received()).hasSize(1);
    assertThat(noComment.getFlashMap().get("roundErrors").toString())
        .contains("page.round.sayWhatToChange");
    // the page the form comes back to (the flash kept in the session is read there)
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", U1));
    engine.answerOnce(
        200,
        JSON,
        "[{\"id\":\""
            + U1
            + "\",\"status\":\"implemented\",\"narrative\":\"The law\",\"clearance\":\"pending\"}]");
    mvc.perform(get("/tasks/t-8").session(session))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("Say what to change before sending the update back.")));

    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", U1));
    engine.answerOnce(200, JSON, "{\"id\":\"" + U1 + "\",\"clearance\":\"returned\"}");
    MvcResult returned =
        mvc.perform(
                post("/tasks/t-8/recommendations/" + R1 + "/progress/" + U1 + "/clearance")
                    .param("decision", "return")
                    .param("comment", "Name the decree")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    assertThat(engine.last().uri())
        .isEqualTo(
            "/api/reviews/" + REVIEW + "/recommendations/" + R1 + "/progress/" + U1 + "/clearance");
    assertThat(engine.last().body())
        .isEqualTo("{\"decision\":\"return\",\"comment\":\"Name the decree\"}");
    engine.reset();
    engine.answerOnce(
        200,
        JSON,
        roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", null));
    mvc.perform(get("/tasks/t-8").session(session).flashAttrs(returned.getFlashMap()))
        .andExpect(
            content().string(Matchers.containsString("Sent back: the agency reports again.")))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("No update waits for you: complete the task below.")));

    // an update someone else decided on meanwhile: the engine's words on the page
    engine.reset();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", U1));
    engine.answerOnce(
        409,
        PROBLEM,
        "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"The update is cleared, not waiting for clearance.\"}");
    MvcResult late =
        mvc.perform(
                post("/tasks/t-8/recommendations/" + R1 + "/progress/" + U1 + "/clearance")
                    .param("decision", "clear")
                    .session(session)
                    .with(csrf()))
            .andReturn();
    engine.answerOnce(
        200, JSON, roundTask("UserTask_ClearProgress", "head-of-office:UNICEF", "in-progress", U1));
    engine.answerOnce(
        200,
        JSON,
        "[{\"id\":\""
            + U1
            + "\",\"status\":\"implemented\",\"narrative\":\"The law\",\"clearance\":\"pending\"}]");
    mvc.perform(get("/tasks/t-8").session(session).flashAttrs(late.getFlashMap()))
        .andExpect(
            content()
                .string(
                    Matchers.containsString("The update is cleared, not waiting for clearance.")));
  }

  /** The review page for the person, with the flash of what they did before (if any). */
  private ResultActions reviewPage(MockHttpSession session, MvcResult after, String query)
      throws Exception {
    engine.reset();
    engine.answerOnce(
        200,
        JSON,
        "{\"id\":\""
            + REVIEW
            + "\",\"country\":\"GHA\",\"session\":56,\"state\":\"ACTIVE\",\"stage\":\"submission\","
            + "\"step\":\"implementation\",\"openTasks\":[],\"sessionDeadlines\":{},\"milestones\":[]}");
    engine.answerOnce(200, JSON, "[]");
    engine.answerOnce(200, JSON, "{\"sections\":[],\"decisions\":[]}");
    engine.answerOnce(
        200,
        JSON,
        "{\"items\":["
            + "{\"id\":\""
            + R1
            + "\",\"paragraph\":\"121.1\",\"text\":\"Ratify the Convention\",\"recommendingStates\":[{\"name\":\"France\",\"code\":\"FRA\"}],"
            + "\"position\":\"supported\",\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\",\"WHO\"],\"status\":\"in-progress\"},"
            + "{\"id\":\""
            + R2
            + "\",\"paragraph\":\"121.2\",\"text\":\"Adopt the law\",\"recommendingStates\":[],\"position\":\"pending\",\"status\":\"not-started\"}"
            + "],\"page\":0,\"size\":50,\"total\":2}");
    engine.answerOnce(
        200,
        JSON,
        "[{\"code\":\"UNDP\",\"name\":\"United Nations Development Programme\"},"
            + "{\"code\":\"UNICEF\",\"name\":\"United Nations Children's Fund\"},"
            + "{\"code\":\"WHO\",\"name\":\"World Health Organization\"}]");
    var request = get("/reviews/" + REVIEW + query).session(session);
    if (after != null) {
      request = request.flashAttrs(after.getFlashMap());
    }
    return mvc.perform(request).andExpect(status().isOk());
  }

  /** An implementation round's task offered to {@code group}, on recommendation 121.1. */
  private static String roundTask(String key, String group, String status, String pendingUpdate) {
    return "{\"id\":\"t-8\",\"name\":\"Report progress\",\"taskKey\":\""
        + key
        + "\",\"reviewId\":\""
        + REVIEW
        + "\",\"country\":\"GHA\",\"session\":56,\"candidateGroups\":[\""
        + group
        + "\"],\"created\":\"2027-04-01T00:00:00Z\",\"version\":2,\"form\":[],"
        + "\"recommendations\":[{\"id\":\""
        + R1
        + "\",\"paragraph\":\"121.1\",\"text\":\"Ratify the Convention\",\"status\":\""
        + status
        + "\""
        + (pendingUpdate == null
            ? ""
            : ",\"roundUpdateId\":\"" + pendingUpdate + "\",\"roundUpdateClearance\":\"pending\"")
        + "}]}";
  }

  private static MockMultipartFile file(String name, String content) {
    return new MockMultipartFile(
        "file", name, "text/csv", content.getBytes(StandardCharsets.UTF_8));
  }

  private MockHttpSession signIn(String user) throws Exception {
    var result =
        mvc.perform(formLogin("/login").user(user).password("demo"))
            .andExpect(redirectedUrl("/"))
            .andReturn();
    return (MockHttpSession) result.getRequest().getSession();
  }
}
