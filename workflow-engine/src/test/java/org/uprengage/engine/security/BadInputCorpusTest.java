package org.uprengage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.uprengage.testsupport.PinnedAnswers;

/**
 * A corpus of bad input, each sent by the person who could otherwise make the change: malformed
 * JSON, wrong types, unknown fields (no mass assignment), oversized values, injection strings in
 * constrained fields, bad path and query values, wrong media types and methods. Every one gets a
 * 4xx with a problem+json body, none a 5xx, and nothing changes. Each case's answer (its status and
 * the fields it names, or the problem's title where it names none) is pinned in {@value #PINNED},
 * one line a case, so the corpus's size and every reason are checked; a run that differs writes
 * what it got to {@code target/bad-input-corpus.txt} to compare and, once reviewed, copy over.
 */
class BadInputCorpusTest extends ApiFixtures {

  private static final String JSON = "application/json";
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String PINNED = "bad-input-corpus.txt";

  private static final List<String> INJECTIONS =
      List.of(
          "'; DROP TABLE upr_review; --",
          "\" OR 1=1 --",
          "<script>alert(1)</script>",
          "${jndi:ldap://127.0.0.1:1389/a}",
          "../../../../etc/passwd",
          "a\\u0000b",
          "{{7*7}}");

  @Test
  void everyBadInputGetsAProblemAndChangesNothing() throws Exception {
    Fixture fixture = fixture(true);
    List<Case> corpus = corpus();
    String before = state(fixture);
    List<String> failures = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (Case bad : corpus) {
      MockHttpServletRequestBuilder request =
          request(HttpMethod.valueOf(bad.method()), fixture.fill(bad.path()))
              .with(bad.person().apply(fixture.team(), foreignTeam()));
      if (bad.contentType() != null) {
        request.contentType(bad.contentType());
      }
      if (bad.body() != null) {
        request.content(fixture.fill(bad.body()));
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      int status = response.getStatus();
      if (status < 400 || status >= 500) {
        failures.add(bad + " -> " + status + " " + response.getContentAsString());
      } else if (!String.valueOf(response.getContentType())
          .startsWith("application/problem+json")) {
        failures.add(bad + " -> " + status + " without problem+json");
      } else {
        answers.add(bad.label() + " -> " + status + " " + reason(response));
      }
    }
    assertThat(failures).isEmpty();
    PinnedAnswers.assertPinned(answers, PINNED);
    assertThat(state(fixture))
        .as("state after " + corpus.size() + " bad requests")
        .isEqualTo(before);
    System.out.println("Bad-input corpus: " + corpus.size() + " requests");
  }

  /** What the answer says is wrong: the fields it names, else the problem's title. */
  private static String reason(MockHttpServletResponse response) throws IOException {
    String body = response.getContentAsString();
    List<String> fields = JsonPath.read(body, "$..errors[*].field");
    String title = JsonPath.read(body, "$.title");
    return fields.isEmpty() ? title : String.join(",", fields);
  }

  private static List<Case> corpus() {
    List<Case> corpus = new ArrayList<>();
    BiFunction<String, String, RequestPostProcessor> coordinator =
        (own, foreign) -> coordinator(own);
    BiFunction<String, String, RequestPostProcessor> focal = (own, foreign) -> focalUnicef(own);
    BiFunction<String, String, RequestPostProcessor> focalUndp = (own, foreign) -> focalUndp(own);
    BiFunction<String, String, RequestPostProcessor> head = (own, foreign) -> headUnicef(own);
    BiFunction<String, String, RequestPostProcessor> admin =
        (own, foreign) -> person("admin", List.of("admin"), null, List.of(own));
    String longText = "x".repeat(200_001);

    // Every JSON endpoint: malformed, not an object, wrong types, unknown fields, no body.
    Map<String, BiFunction<String, String, RequestPostProcessor>> jsonEndpoints =
        Map.ofEntries(
            Map.entry("POST /api/reviews", coordinator),
            Map.entry("POST /api/tasks/{held}/complete", focal),
            Map.entry("POST /api/tasks/{held}/assign", coordinator),
            Map.entry("POST /api/tasks/{held}/delegate", focal),
            Map.entry("POST /api/tasks/{held}/follow-up", focal),
            Map.entry("POST /api/tasks/{held}/comments", focal),
            Map.entry("POST /api/tasks/{held}/attachments", focal),
            Map.entry("POST /api/tasks/bulk/claim", focalUndp),
            Map.entry("PUT /api/reviews/{review}/milestones/clearance", coordinator),
            Map.entry("POST /api/sessions", admin),
            Map.entry(
                "PUT /api/reviews/{review}/recommendations/{recommendation}/position", coordinator),
            Map.entry("POST /api/reviews/{review}/recommendations/positions", coordinator),
            Map.entry(
                "PUT /api/reviews/{review}/recommendations/{recommendation}/assignment",
                coordinator),
            Map.entry("POST /api/reviews/{review}/recommendations/assignments", coordinator),
            Map.entry(
                "POST /api/reviews/{review}/recommendations/{recommendation}/progress", focal),
            Map.entry(
                "POST /api/reviews/{review}/recommendations/{recommendation}/progress/{progress}/clearance",
                head),
            Map.entry("PUT /api/country-teams/{team}/implementation-settings", coordinator));
    BiFunction<String, String, RequestPostProcessor> platform = (own, foreign) -> platformAdmin();
    jsonCases(corpus, jsonEndpoints);
    jsonCases(
        corpus,
        Map.of(
            "POST /api/country-teams", platform,
            "PATCH /api/country-teams/{team}", platform,
            "POST /api/agencies", platform));
    corpus.add(
        new Case("", "PATCH", "/api/sessions/{session}", MERGE_PATCH, "{\"endsOn\":", admin));
    corpus.add(new Case("", "PATCH", "/api/sessions/{session}", MERGE_PATCH, "[]", admin));
    corpus.add(
        new Case("", "PATCH", "/api/sessions/{session}", MERGE_PATCH, "{\"sneaky\":1}", admin));
    corpus.add(
        new Case("", "PATCH", "/api/sessions/{session}", "text/plain", "endsOn=2031-05-17", admin));

    // Values of the wrong shape, oversized, or carrying injection strings, per field.
    add(
        corpus,
        "POST",
        "/api/reviews",
        coordinator,
        "{\"country\":42,\"session\":54}",
        "{\"country\":\"{team}\",\"session\":\"fifty\"}",
        "{\"country\":\"{team}\",\"session\":1.5}",
        "{\"country\":\"{team}\",\"session\":-1}",
        "{\"country\":\"{team}\",\"session\":99999999999}",
        "{\"country\":\"{team}\",\"session\":54,\"startedBy\":\"rc\"}",
        "{\"country\":\"{team}\"}");
    add(
        corpus,
        "POST",
        "/api/country-teams",
        platform,
        "{\"code\":\"KENYA\",\"name\":\"x\",\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\"}",
        "{\"code\":\"ken\",\"name\":\"x\",\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\"}",
        "{\"code\":\"KEN\",\"name\":\"x\",\"timeZone\":\"Mars/Olympus\",\"language\":\"en\"}",
        "{\"code\":\"KEN\",\"name\":\"x\",\"timeZone\":\"Africa/Nairobi\",\"language\":7}",
        "{\"code\":\"KEN\",\"name\":\"x\",\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\",\"agencies\":\"UNICEF\"}",
        "{\"code\":\"KEN\",\"name\":\"x\",\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\",\"version\":9}");
    add(
        corpus,
        "PATCH",
        "/api/country-teams/{team}",
        platform,
        "{\"code\":\"KEN\"}",
        "{\"name\":\"" + "n".repeat(201) + "\"}",
        "{\"agencies\":[\"NOPE\"]}",
        "{}");
    add(
        corpus,
        "POST",
        "/api/agencies",
        platform,
        "{\"code\":\"a b\",\"name\":\"x\"}",
        "{\"code\":\"UNICEF\",\"name\":\"dup\"}",
        "{\"code\":\"NEWONE\"}");
    for (String csv :
        List.of(
            "",
            "kamau,Kamau",
            "username,name\n\"open",
            "username,name,email,roles,agency,country_teams,language,time_zone\n\"a\"b,x,,viewer,,{team},en,")) {
      corpus.add(new Case("", "POST", "/api/people/import", "text/csv", csv, platform));
    }
    corpus.add(new Case("", "POST", "/api/people/import", JSON, "{\"username\":\"x\"}", platform));
    corpus.add(new Case("", "GET", "/api/people?countryTeam=%27%3B--", null, null, platform));
    for (String incident :
        List.of("not-an-id", "%27%3B%20DROP%20TABLE%20act_ru_incident", "A".repeat(300))) {
      corpus.add(
          new Case(
              "", "POST", "/api/admin/incidents/" + incident + "/retry", null, null, platform));
    }
    corpus.add(new Case("", "POST", "/api/admin/incidents/{review}/retry", null, null, platform));
    corpus.add(new Case("", "DELETE", "/api/admin/incidents", null, null, platform));
    corpus.add(new Case("", "GET", "/api/admin/incidents/{review}/retry", null, null, platform));
    for (String injection : INJECTIONS) {
      add(
          corpus,
          "POST",
          "/api/reviews",
          coordinator,
          "{\"country\":" + quoted(injection) + ",\"session\":54}");
      add(
          corpus,
          "POST",
          "/api/tasks/{held}/assign",
          coordinator,
          "{\"assignee\":" + quoted(injection) + "}");
      add(
          corpus,
          "POST",
          "/api/tasks/{held}/delegate",
          focal,
          "{\"to\":" + quoted(injection) + "}");
      add(
          corpus,
          "POST",
          "/api/tasks/{held}/attachments",
          focal,
          "{\"name\":\"Draft\",\"url\":" + quoted(injection) + "}");
      add(
          corpus,
          "PUT",
          "/api/reviews/{review}/milestones/clearance",
          coordinator,
          "{\"dueOn\":" + quoted(injection) + "}");
      add(
          corpus,
          "PATCH",
          "/api/sessions/{session}",
          admin,
          MERGE_PATCH,
          "{\"endsOn\":" + quoted(injection) + "}");
    }
    add(
        corpus,
        "POST",
        "/api/tasks/{held}/complete",
        focal,
        "{\"text\":42}",
        "{\"text\":[\"a\"]}",
        "{\"text\":null}",
        "{\"text\":\"" + "x".repeat(100_001) + "\"}",
        "{\"text\":\"Our section\",\"agencies\":[\"UNICEF\"]}",
        "{\"text\":\"Our section\",\"decision\":\"approve\"}");
    add(
        corpus,
        "POST",
        "/api/tasks/{held}/assign",
        coordinator,
        "{\"assignee\":[\"a\"]}",
        "{\"assignee\":\"" + "a".repeat(101) + "\"}",
        "{\"assignee\":\"\"}",
        "{\"assignee\":\"focal-undp\",\"candidateGroups\":[\"UNDP\"]}");
    add(
        corpus,
        "POST",
        "/api/tasks/{held}/follow-up",
        focal,
        "{\"on\":\"tomorrow\"}",
        "{\"on\":\"2027-02-30\"}",
        "{\"on\":20270101}",
        "{\"on\":\"2027-01-15\",\"assignee\":\"rc\"}",
        "{\"on\":\"+999999999-12-31\"}",
        "{\"on\":\"300000-01-01\"}");
    add(
        corpus,
        "PUT",
        "/api/country-teams/{team}/milestone-offsets",
        coordinator,
        "{\"daysBefore\":{\"agencyDraftsDue\":\"five weeks\"}}",
        "{\"daysBefore\":{\"noSuchMilestone\":10}}",
        "{\"daysBefore\":{\"agencyDraftsDue\":100000}}",
        "{\"daysBefore\":{\"agencyDraftsDue\":-3}}",
        "{\"daysBefore\":[]}",
        "{\"daysBefore\":{\"callForInputs\":1,\"submission\":60}}",
        "{\"daysBefore\":{},\"countryTeam\":\"GHA\"}");
    add(
        corpus,
        "POST",
        "/api/tasks/{held}/due",
        coordinator,
        "{\"on\":\"next week\"}",
        "{\"on\":null}",
        "{}",
        "{\"on\":20300115}",
        "{\"on\":\"2030-01-15\",\"milestone\":\"clearance\"}",
        "{\"on\":\"2020-01-15\"}",
        "{\"on\":\"+999999999-12-31\"}",
        "{\"on\":\"99999-01-01\"}",
        "{\"on\":\"0001-01-01\"}",
        "{\"at\":\"2020-01-15T12:00:00Z\"}",
        "{\"at\":\"noon\"}",
        "{\"on\":\"2030-01-15\",\"at\":\"2030-01-15T12:00:00Z\"}",
        "{\"text\":");
    add(
        corpus,
        "POST",
        "/api/tasks/{held}/comments",
        focal,
        "{\"text\":\"\"}",
        "{\"text\":\"   \"}",
        "{\"text\":\"" + "x".repeat(4001) + "\"}",
        "{\"text\":{\"a\":1}}",
        "{\"text\":\"hello\",\"author\":\"rc\"}",
        "{\"text\":\"" + longText + "\"}");
    add(
        corpus,
        "POST",
        "/api/tasks/{held}/attachments",
        focal,
        "{\"name\":\"Draft\",\"url\":\"javascript:alert(1)\"}",
        "{\"name\":\"Draft\",\"url\":\"file:///etc/passwd\"}",
        "{\"name\":\"Draft\",\"url\":\"https://user:secret@docs.example.org/d\"}",
        "{\"name\":\"Draft\",\"url\":\"not a link\"}",
        "{\"name\":\"Draft\",\"url\":\"https:///no-host\"}",
        "{\"name\":\"\",\"url\":\"https://docs.example.org/d\"}",
        "{\"name\":\"" + "n".repeat(201) + "\",\"url\":\"https://docs.example.org/d\"}",
        "{\"name\":\"Draft\",\"url\":\"https://docs.example.org/" + "p".repeat(2000) + "\"}",
        "{\"name\":\"Draft\",\"url\":\"https://docs.example.org/d\",\"description\":\""
            + "d".repeat(1001)
            + "\"}",
        "{\"name\":\"Draft\",\"url\":\"https://docs.example.org/d\",\"addedBy\":\"rc\"}");
    add(
        corpus,
        "POST",
        "/api/tasks/bulk/claim",
        focalUndp,
        "{\"taskIds\":[]}",
        "{\"taskIds\":\"{open}\"}",
        "{\"taskIds\":null}",
        "{\"taskIds\":["
            + String.join(",", IntStream.range(0, 51).mapToObj(i -> "\"t" + i + "\"").toList())
            + "]}");
    add(
        corpus,
        "PUT",
        "/api/reviews/{review}/milestones/clearance",
        coordinator,
        "{\"dueOn\":null}",
        "{}",
        "{\"dueOn\":\"2022-09-01\",\"movedBy\":\"rc\"}",
        "{\"dueOn\":\"+999999999-12-31\"}",
        "{\"dueOn\":\"12345-06-07\"}");
    add(
        corpus,
        "POST",
        "/api/sessions",
        admin,
        "{\"number\":\"x\",\"startsOn\":\"2031-05-05\",\"endsOn\":\"2031-05-16\"}",
        "{\"number\":5000,\"startsOn\":\"2031-05-05\",\"endsOn\":\"2031-05-16\"}",
        "{\"number\":599,\"startsOn\":\"2031-13-01\",\"endsOn\":\"2031-05-16\"}",
        "{\"number\":599,\"startsOn\":\"2031-05-05\",\"endsOn\":\"2031-05-01\"}",
        "{\"number\":599,\"startsOn\":\"2031-05-05\",\"endsOn\":\"2031-05-16\",\"version\":9}");
    add(
        corpus,
        "PATCH",
        "/api/sessions/{session}",
        admin,
        MERGE_PATCH,
        "{\"number\":43}",
        "{\"endsOn\":\"x\"}",
        "{\"endsOn\":\"2031-05-01\"}",
        "{\"unknownDeadline\":\"2031-01-01\"}");
    add(
        corpus,
        "PATCH",
        "/api/hrc-sessions/66",
        admin,
        MERGE_PATCH,
        "{\"opensOn\":",
        "[]",
        "{\"number\":67}",
        "{\"opensOn\":\"x\"}",
        "{\"opensOn\":null}",
        "{\"closesOn\":\"2027-01-01\"}",
        "{\"published\":\"yes\"}",
        "{\"sneaky\":1}");
    add(
        corpus,
        "PUT",
        "/api/reviews/{review}/review-day",
        coordinator,
        "{\"reviewDay\":",
        "[]",
        "{}",
        "{\"reviewDay\":null}",
        "{\"reviewDay\":\"next week\"}",
        "{\"reviewDay\":\"2031-01-25\"}",
        "{\"reviewDay\":\"2023-01-25\",\"wgReportAdopted\":\"2023-01-01\"}",
        "{\"reviewDay\":\"2023-01-25\",\"sneaky\":1}");
    add(
        corpus,
        "POST",
        "/api/reviews/{review}/move",
        coordinator,
        "{\"session\":",
        "[]",
        "{}",
        "{\"session\":\"fifty\"}",
        "{\"session\":-1}",
        "{\"session\":5000}",
        "{\"session\":42}",
        "{\"session\":777}",
        "{\"session\":54,\"reason\":\"" + "x".repeat(501) + "\"}",
        "{\"session\":54,\"sneaky\":1}");
    add(
        corpus,
        "PUT",
        "/api/country-teams/{team}/optional-tasks",
        coordinator,
        "{\"wanted\":",
        "[]",
        "{}",
        "{\"wanted\":{}}",
        "{\"wanted\":true}",
        "{\"wanted\":{\"compilationCheck\":\"yes\"}}",
        "{\"wanted\":{\"dropTables\":true}}",
        "{\"wanted\":{\"compilationCheck\":true},\"sneaky\":1}");

    // Lists of recommendations that are not lists, or not readable ones.
    String imports = "/api/reviews/{review}/recommendations/imports";
    add(corpus, "POST", imports, coordinator, "text/csv", "");
    add(corpus, "POST", imports, coordinator, "text/csv", "number,words\n1,2\n");
    add(corpus, "POST", imports, coordinator, "text/csv", "paragraph,text\n\"121.1,never closed");
    add(corpus, "POST", imports, coordinator, "text/csv", "paragraph,paragraph,text\n");
    add(corpus, "POST", imports, coordinator, "text/csv", "text\nno paragraph column\n");
    add(corpus, "POST", imports, coordinator, "application/octet-stream", "%PDF-1.7\n");
    add(corpus, "POST", imports, coordinator, "application/octet-stream", "PK\u0003\u0004junk");
    add(corpus, "POST", imports, coordinator, "application/pdf", "%PDF-1.7\n");
    add(corpus, "POST", imports, coordinator, JSON, "{\"paragraph\":\"121.1\"}");
    add(corpus, "POST", imports, coordinator, "multipart/form-data; boundary=x", "--x--\r\n");

    // Positions that are not positions, or without their source.
    String position = "/api/reviews/{review}/recommendations/{recommendation}/position";
    add(
        corpus,
        "PUT",
        position,
        coordinator,
        "{\"position\":\"accepted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}",
        "{\"position\":\"supported\"}",
        "{\"position\":\"supported\",\"source\":{\"symbol\":\"\"}}",
        "{\"position\":\"supported\",\"source\":{\"symbol\":\"" + "S".repeat(101) + "\"}}",
        "{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/1\",\"paragraph\":\""
            + "9".repeat(33)
            + "\"}}",
        "{\"position\":[\"noted\"]}",
        "{\"position\":\"noted\",\"source\":\"A/HRC/53/15/Add.1\"}");
    add(
        corpus,
        "PUT",
        "/api/reviews/{review}/recommendations/00000000-0000-0000-0000-000000000000/position",
        coordinator,
        "{\"position\":\"pending\"}");
    add(
        corpus,
        "PUT",
        "/api/reviews/{review}/recommendations/not-a-uuid/position",
        coordinator,
        "{\"position\":\"pending\"}");
    add(
        corpus,
        "POST",
        "/api/reviews/{review}/recommendations/positions",
        coordinator,
        "{\"positions\":[]}",
        "{\"positions\":{\"paragraph\":\"121.1\"}}",
        "{\"positions\":["
            + String.join(",", Collections.nCopies(1001, "{\"paragraph\":\"121.1\"}"))
            + "]}");

    // Assignments to agencies that are not agencies, or of recommendations not named.
    add(
        corpus,
        "PUT",
        "/api/reviews/{review}/recommendations/{recommendation}/assignment",
        coordinator,
        "{\"leadAgency\":\"NOT-AN-AGENCY\"}",
        "{\"leadAgency\":\"\"}",
        "{\"leadAgency\":\"" + "A".repeat(33) + "\"}",
        "{\"leadAgency\":[\"UNICEF\"]}",
        "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNICEF\"]}",
        "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\",\"UNDP\"]}",
        "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":\"UNDP\"}",
        "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[null]}");
    add(
        corpus,
        "PUT",
        "/api/reviews/{review}/recommendations/00000000-0000-0000-0000-000000000000/assignment",
        coordinator,
        "{\"leadAgency\":\"UNICEF\"}");
    add(
        corpus,
        "POST",
        "/api/reviews/{review}/recommendations/assignments",
        coordinator,
        "{\"leadAgency\":\"UNICEF\"}",
        "{\"leadAgency\":\"UNICEF\",\"paragraphs\":[]}",
        "{\"leadAgency\":\"UNICEF\",\"paragraphs\":\"121.1\"}",
        "{\"leadAgency\":\"UNICEF\",\"theme\":\"\"}",
        "{\"leadAgency\":\"UNICEF\",\"theme\":\"No such theme\"}",
        "{\"leadAgency\":\"UNICEF\",\"sdg\":0}",
        "{\"leadAgency\":\"UNICEF\",\"sdg\":\"five\"}",
        "{\"leadAgency\":\"UNICEF\",\"sdg\":4,\"theme\":\"Children\"}",
        "{\"paragraphs\":[\"121.1\"]}",
        "{\"leadAgency\":\"UNICEF\",\"paragraphs\":["
            + String.join(",", Collections.nCopies(1001, "\"121.1\""))
            + "]}");

    // Progress that is not progress, clearances that are not decisions, settings out of range.
    String progress = "/api/reviews/{review}/recommendations/{recommendation}/progress";
    add(
        corpus,
        "POST",
        progress,
        focal,
        "{\"status\":\"done\",\"narrative\":\"x\",\"asOf\":\"2024-01-15\"}",
        "{\"status\":\"in-progress\",\"narrative\":\"\",\"asOf\":\"2024-01-15\"}",
        "{\"status\":\"in-progress\",\"narrative\":\""
            + "n".repeat(10_001)
            + "\",\"asOf\":\"2024-01-15\"}",
        "{\"status\":\"in-progress\",\"narrative\":\"x\",\"asOf\":\"2024-01-15\","
            + "\"evidence\":[\"not a link\"]}",
        "{\"status\":\"in-progress\",\"narrative\":\"x\",\"asOf\":\"2024-01-15\","
            + "\"evidence\":[\"javascript:alert(1)\"]}",
        "{\"status\":\"in-progress\",\"narrative\":\"x\",\"asOf\":\"2024-01-15\","
            + "\"evidence\":["
            + String.join(",", Collections.nCopies(21, "\"https://e.example.org/1\""))
            + "]}",
        "{\"status\":\"in-progress\",\"narrative\":\"x\",\"asOf\":\"tomorrow\"}",
        "{\"status\":\"in-progress\",\"narrative\":\"x\",\"asOf\":\"9999-12-31\"}",
        "{\"status\":\"in-progress\",\"narrative\":\"x\"}");
    add(
        corpus,
        "POST",
        progress + "/{progress}/clearance",
        head,
        "{\"decision\":\"approve\"}",
        "{\"decision\":\"return\"}",
        "{\"decision\":\"return\",\"comment\":\"" + "c".repeat(2_001) + "\"}");
    add(
        corpus,
        "POST",
        progress + "/00000000-0000-0000-0000-000000000000/clearance",
        head,
        "{\"decision\":\"clear\"}");
    add(
        corpus,
        "PUT",
        "/api/country-teams/{team}/implementation-settings",
        coordinator,
        "{\"roundMonths\":0}",
        "{\"roundMonths\":25}",
        "{\"roundMonths\":\"six\"}",
        "{\"progressClearance\":\"yes\"}",
        "{}");

    // Bad path and query values, unknown paths, wrong methods.
    for (String path :
        List.of(
            "/api/reviews/not-a-uuid",
            "/api/reviews/00000000-0000-0000-0000-000000000000",
            "/api/reviews/{review}/milestones/%27%3B%20DROP%20TABLE%20upr_review",
            "/api/tasks/%27%20OR%201%3D1",
            "/api/tasks/{held}/attachments/not-a-uuid",
            "/api/sessions/not-a-number",
            "/api/sessions/99999999999",
            "/api/hrc-sessions/not-a-number",
            "/api/hrc-sessions/99999999999",
            "/api/tasks?size=1000",
            "/api/tasks?size=0",
            "/api/tasks?page=-1",
            "/api/tasks?dueBefore=yesterday",
            "/api/tasks?reviewId=not-a-uuid",
            "/api/tasks?show=everything",
            "/api/tasks?sort=name",
            "/api/tasks?order=sideways",
            "/api/tasks?overdue=maybe",
            "/api/tasks?q=" + "q".repeat(201),
            "/api/approvals?show=claimable",
            "/api/reviews/{review}/submission/document?round=0",
            "/api/reviews/{review}/submission/document?round=two",
            "/api/reviews/{review}/submission/document?language=de",
            "/api/reviews/{review}/recommendations?sdg=18",
            "/api/reviews/{review}/recommendations?sdg=five",
            "/api/reviews/{review}/recommendations?position=accepted",
            "/api/reviews/{review}/recommendations?sort=random",
            "/api/reviews/{review}/recommendations?size=1000",
            "/api/reviews/{review}/recommendations?page=-1",
            "/api/reviews/{review}/recommendations?text=" + "t".repeat(201),
            "/api/reviews/{review}/recommendations?theme=",
            "/api/reviews/{review}/recommendations?leadAgency=",
            "/api/reviews/{review}/recommendations?status=done",
            "/api/reviews/{review}/implementation-matrix?groupBy=colour",
            "/api/reviews/{review}/implementation-matrix?format=pdf",
            "/api/reviews/not-a-uuid/implementation-matrix",
            "/api/reviews/not-a-uuid/previous-recommendations",
            "/api/reviews/not-a-uuid/recommendations",
            "/api/reviews?size=1000",
            "/api/reviews?size=0",
            "/api/reviews?page=-1",
            "/api/reviews?page=two",
            "/api/reviews?state=done",
            "/api/reviews?countryTeam=",
            "/api/reviews?countryTeam=%27%3B%20DROP",
            "/api/reviews?countryTeam=XZZ",
            "/api/recommendations",
            "/api/recommendations?countryTeam=%27%3B%20DROP",
            "/api/recommendations?countryTeam=XZZ",
            "/api/nothing-here")) {
      corpus.add(new Case("", "GET", path, null, null, coordinator));
    }
    corpus.add(new Case("", "DELETE", "/api/reviews/{review}", null, null, coordinator));
    corpus.add(new Case("", "PUT", "/api/tasks/{held}", JSON, "{}", coordinator));
    corpus.add(
        new Case("", "DELETE", "/api/tasks/{held}/attachments/not-a-uuid", null, null, focal));
    return corpus;
  }

  /**
   * Malformed, not an object, wrong types, unknown fields, no body, and other media types, for each
   * JSON endpoint.
   */
  private static void jsonCases(
      List<Case> corpus, Map<String, BiFunction<String, String, RequestPostProcessor>> endpoints) {
    endpoints.forEach(
        (endpoint, who) -> {
          String method = endpoint.substring(0, endpoint.indexOf(' '));
          String path = endpoint.substring(endpoint.indexOf(' ') + 1);
          for (String body :
              List.of(
                  "{\"text\":",
                  "{'single':'quotes'}",
                  "[]",
                  "\"a string\"",
                  "42",
                  "null",
                  "{\"sneaky\":1}",
                  "{\"text\":{\"nested\":[1,2,3]},\"assignee\":[],\"to\":7,\"on\":true}")) {
            corpus.add(new Case(endpoint, method, path, JSON, body, who));
          }
          corpus.add(new Case(endpoint, method, path, JSON, "", who));
          corpus.add(new Case(endpoint, method, path, "text/plain", "text=hello", who));
          corpus.add(new Case(endpoint, method, path, "application/xml", "<text>x</text>", who));
        });
  }

  private static void add(
      List<Case> corpus,
      String method,
      String path,
      BiFunction<String, String, RequestPostProcessor> who,
      String... bodies) {
    for (String body : bodies) {
      corpus.add(new Case("", method, path, JSON, body, who));
    }
  }

  private static void add(
      List<Case> corpus,
      String method,
      String path,
      BiFunction<String, String, RequestPostProcessor> who,
      String contentType,
      String body) {
    corpus.add(new Case("", method, path, contentType, body, who));
  }

  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** Who sends what: the person is the one allowed to make the change, so only the input is bad. */
  private record Case(
      String who,
      String method,
      String path,
      String contentType,
      String body,
      BiFunction<String, String, RequestPostProcessor> person) {

    /** The case in one line: line breaks shown as \\n, long bodies cut, with their length. */
    String label() {
      String shown = body == null ? "-" : body.replace("\n", "\\n").replace("\r", "\\r");
      return method
          + " "
          + path
          + " "
          + contentType
          + " "
          + (body == null
              ? "-"
              : body.length() > 80
                  ? escaped(body.substring(0, 80)) + "... (" + body.length() + " chars)"
                  : escaped(body));
    }

    /** Control characters written as escapes, so a body with line breaks stays on its line. */
    private static String escaped(String text) {
      StringBuilder out = new StringBuilder(text.length());
      for (char c : text.toCharArray()) {
        switch (c) {
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x7f) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.toString();
    }

    @Override
    public String toString() {
      return method
          + " "
          + path
          + " "
          + (body == null ? "" : body.length() > 80 ? body.substring(0, 80) + "..." : body);
    }
  }
}
