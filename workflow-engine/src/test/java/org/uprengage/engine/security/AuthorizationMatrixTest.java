package org.uprengage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Every endpoint of the engine, asked by every role, of the review's own country team and agency
 * and of a foreign one. Each cell is the answer expected: invisible objects are 404, forbidden
 * actions on visible ones 403; a list cell {@code 200:n} also expects n items; a bulk cell is the
 * status of the one task in the request. A refused request changes nothing: the fixture's state is
 * compared before and after the refusals of each row; each allowed change runs on a fixture of its
 * own.
 *
 * <p>The fixture: a review of the country team with UNICEF's draft held by UNICEF's focal point
 * ({@code held}, with an attachment) and UNDP's draft offered to UNDP ({@code open}).
 */
class AuthorizationMatrixTest extends ApiFixtures {

  private static final String MATRIX =
      """
      # method path                                   body        admin coord rc    headU focU  focD  viewD xCoord xFocD xAdmin pAdmin
      GET    /api/reviews                              -           200:1 200:1 200:1 200:1 200:1 200:1 200:1 200:0  200:0 200:0  200:0
      GET    /api/reviews?countryTeam={team}&state=ACTIVE -        200:1 200:1 200:1 200:1 200:1 200:1 200:1 404    404   404   404
      GET    /api/reviews/{review}                     -           200   200   200   200   200   200   200   404    404   404  404
      GET    /api/reviews/{review}/timeline            -           200   200   200   200   200   200   200   404    404   404  404
      GET    /api/reviews/{review}/audit               -           200   200   200   200   200   200   200   404    404   404  404
      GET    /api/reviews/{review}/milestones          -           200   200   200   200   200   200   200   404    404   404  404
      GET    /api/reviews/{review}/submission          -           200   200   200   200   200   200   200   404    404   404  404
      GET    /api/reviews/{review}/submission/document?round=1 - 200  200   200   200   200   200   200   404    404   404  404
      PUT    /api/reviews/{review}/milestones/clearance milestone  200   200   403   403   403   403   403   404    404   404  404
      PUT    /api/reviews/{review}/review-day          reviewDay   200   200   403   403   403   403   403   404    404   404   404
      POST   /api/reviews/{review}/move                move        200   200   403   403   403   403   403   404    404   404   404
      POST   /api/reviews                              review      201   201   403   403   403   403   403   403    403   403  403
      GET    /api/tasks?reviewId={review}&show=both    -           200:0 200:0 200:0 200:0 200:1 200:1 200:1 200:0  200:0 200:0  200:0
      GET    /api/tasks?reviewId={review}&show=team    -           200:2 200:2 403   403   403   403   403   200:0  403   200:0  403
      GET    /api/tasks/{held}                         -           200   200   404   200   200   404   404   404    404   404  404
      GET    /api/tasks/{open}                         -           200   200   404   404   404   200   200   404    404   404  404
      GET    /api/tasks/{held}/comments                -           200   200   404   200   200   404   404   404    404   404  404
      GET    /api/tasks/{held}/attachments             -           200   200   404   200   200   404   404   404    404   404  404
      GET    /api/tasks/{held}/audit                   -           200   200   404   200   200   404   404   404    404   404  404
      POST   /api/tasks/{open}/claim                   -           200   403   404   404   404   200   403   404    404   404  404
      POST   /api/tasks/{held}/claim                   -           409   403   404   409   200   404   404   404    404   404  404
      POST   /api/tasks/{held}/unclaim                 -           200   200   404   403   200   404   404   404    404   404  404
      POST   /api/tasks/{held}/complete                draft       403   403   404   403   204   404   404   404    404   404  404
      POST   /api/tasks/{open}/complete                draft       409   409   404   404   404   409   403   404    404   404  404
      POST   /api/tasks/{held}/assign                  assign      200   200   404   403   403   404   404   404    404   404  404
      POST   /api/tasks/{held}/delegate                delegate    403   403   404   403   200   404   404   404    404   404  404
      POST   /api/tasks/{held}/resolve                 -           409   409   404   409   409   404   404   404    404   404  404
      POST   /api/tasks/{held}/follow-up               followUp    200   200   404   403   200   404   404   404    404   404  404
      POST   /api/tasks/{held}/due                     due         200   200   404   403   403   404   404   404    404   404  404
      POST   /api/tasks/{held}/comments                comment     201   201   404   201   201   404   404   404    404   404  404
      POST   /api/tasks/{open}/comments                comment     201   201   404   404   404   201   403   404    404   404  404
      POST   /api/tasks/{held}/attachments             attachment  201   201   404   201   201   404   404   404    404   404  404
      DELETE /api/tasks/{held}/attachments/{attachment} -          204   204   404   403   204   404   404   404    404   404  404
      POST   /api/tasks/bulk/claim                     bulkOpen    200   403   404   404   404   200   403   404    404   404  404
      POST   /api/tasks/bulk/assign                    bulkAssign  200   200   404   403   403   404   404   404    404   404  404
      POST   /api/tasks/bulk/complete                  bulkDraft   403   403   404   403   200   404   404   404    404   404  404
      GET    /api/approvals                            -           200   200   200   200   200   200   200   200    200   200  200
      GET    /api/approvals?show=team                  -           200   200   403   403   403   403   403   200    403   200  403
      GET    /api/sessions                             -           200   200   200   200   200   200   200   200    200   200  200
      GET    /api/sessions/{session}                   -           200   200   200   200   200   200   200   200    200   200  200
      GET    /api/sessions/{session}/history           -           200   200   200   200   200   200   200   200    200   200  200
      POST   /api/sessions                             session     201   403   403   403   403   403   403   403    403   201  403
      PATCH  /api/sessions/{session}                   sessionEnd  200   403   403   403   403   403   403   403    403   200  403
      GET    /api/hrc-sessions                         -           200   200   200   200   200   200   200   200    200   200   200
      GET    /api/hrc-sessions/66                      -           200   200   200   200   200   200   200   200    200   200   200
      PATCH  /api/hrc-sessions/66                      hrcSame     200   403   403   403   403   403   403   403    403   200   403
      GET    /api/country-teams/{team}/milestone-offsets -         200   200   200   200   200   200   200   404    404   404  404
      PUT    /api/country-teams/{team}/milestone-offsets offsets   200   200   403   403   403   403   403   404    404   404  404
      GET    /api/country-teams/{team}/optional-tasks  -           200   200   200   200   200   200   200   404    404   404   404
      PUT    /api/country-teams/{team}/optional-tasks  optional    200   200   403   403   403   403   403   404    404   404   404
      GET    /api/agencies                             -           200   200   200   200   200   200   200   200    200   200  200
      GET    /api/country-teams                        -           200   200   200   200   200   200   200   200    200   200    200
      GET    /api/country-teams/{team}                 -           200   200   200   200   200   200   200   404    404   404    200
      POST   /api/country-teams                        newTeam     403   403   403   403   403   403   403   403    403   403    201
      PATCH  /api/country-teams/{team}                 teamName    200   403   403   403   403   403   403   404    404   404    200
      POST   /api/country-teams/{team}/close           -           403   403   403   403   403   403   403   404    404   404    200
      POST   /api/agencies                             newAgency   403   403   403   403   403   403   403   403    403   403    201
      GET    /api/people?countryTeam={team}            -           200   200   403   403   403   403   403   404    404   404    200
      GET    /api/people                               -           200   200   403   403   403   403   403   200    403   200    200
      POST   /api/people/import                        csvPerson   200   403   403   403   403   403   403   403    403   200    200
      GET    /api/reviews/{review}/recommendations     -           200   200   200   200   200   200   200   404    404   404   404
      GET    /api/recommendations?countryTeam={team}   -           200   200   200   200   200   200   200   404    404   404   404
      POST   /api/reviews/{review}/recommendations/imports csv     200   200   403   403   403   403   403   404    404   404   404
      PUT    /api/reviews/{review}/recommendations/{recommendation}/position position 200 200 403 403 403 403 403 404  404   404   404
      POST   /api/reviews/{review}/recommendations/positions positions 200  200   403   403   403   403   403   404    404   404   404
      GET    /api/reviews/{review}/recommendations/{recommendation}/positions - 200 200 200 200 200 200 200 404  404   404   404
      GET    /api/admin/incidents                      -           403   403   403   403   403   403   403   403    403   403   200
      POST   /api/admin/incidents/00000000-0000-0000-0000-000000000000/retry - 403 403 403 403 403 403 403 403  403   403   404
      PUT    /api/reviews/{review}/recommendations/{recommendation}/assignment assignment 200 200 403 403 403 403 403 404 404 404 404
      POST   /api/reviews/{review}/recommendations/assignments assignments 200 200 403 403 403 403 403 404  404   404   404
      POST   /api/reviews/{review}/recommendations/{recommendation}/progress progress 403 403 403 201 201 403 403 404 404 404 404
      GET    /api/reviews/{review}/recommendations/{recommendation}/progress - 200 200 200 200 200 200 200 404 404 404 404
      POST   /api/reviews/{review}/recommendations/{recommendation}/progress/{progress}/clearance clear 403 403 403 200 403 403 403 404 404 404 404
      GET    /api/reviews/{review}/previous-recommendations - 200  200   200   200   200   200   200   404    404   404   404
      GET    /api/reviews/{review}/implementation-matrix?groupBy=agency - 200 200 200 200 200 200 200 404 404 404 404
      GET    /api/reviews/{review}/implementation-matrix?format=docx - 200 200 200 200 200 200 200 404 404 404 404
      GET    /api/country-teams/{team}/implementation-settings -   200   200   200   200   200   200   200   404    404   404   404
      PUT    /api/country-teams/{team}/implementation-settings rounds 200 200 403 403 403 403 403 404 404 404 404
      """;

  private static final MediaType MEDIA_CSV = MediaType.valueOf("text/csv");

  private static final Map<String, String> BODIES =
      Map.ofEntries(
          Map.entry("milestone", "{\"dueOn\":\"2022-09-01\"}"),
          Map.entry("review", "{\"country\":\"{team}\",\"session\":54}"),
          Map.entry("draft", "{\"text\":\"Our section\"}"),
          Map.entry("assign", "{\"assignee\":\"focal-unicef-2\"}"),
          Map.entry("delegate", "{\"to\":\"head-unicef\"}"),
          Map.entry("followUp", "{\"on\":\"2027-01-15\"}"),
          Map.entry("due", "{\"on\":\"2030-01-15\"}"),
          Map.entry("offsets", "{\"daysBefore\":{\"agencyDraftsDue\":35}}"),
          Map.entry("comment", "{\"text\":\"Please add the 2024 figures\"}"),
          Map.entry(
              "attachment", "{\"name\":\"Draft v2\",\"url\":\"https://docs.example.org/d/2\"}"),
          Map.entry("bulkOpen", "{\"taskIds\":[\"{open}\"]}"),
          Map.entry("bulkAssign", "{\"taskIds\":[\"{held}\"],\"assignee\":\"focal-unicef-2\"}"),
          Map.entry("bulkDraft", "{\"taskIds\":[\"{held}\"],\"input\":{\"text\":\"Our section\"}}"),
          Map.entry(
              "session",
              "{\"number\":{newSession},\"startsOn\":\"2031-05-05\",\"endsOn\":\"2031-05-16\"}"),
          Map.entry("sessionEnd", "{\"endsOn\":\"2031-05-17\"}"),
          Map.entry("csv", "paragraph,text\n121.1,Ratify the Convention (France);\n"),
          Map.entry(
              "newTeam",
              "{\"code\":\"{newTeam}\",\"name\":\"UN Country Team\",\"agencies\":[\"UNICEF\"],\"timeZone\":\"Africa/Nairobi\",\"language\":\"en\"}"),
          Map.entry("teamName", "{\"name\":\"Renamed team\"}"),
          Map.entry("newAgency", "{\"code\":\"{newAgency}\",\"name\":\"A new agency\"}"),
          Map.entry(
              "csvPerson",
              "username,name,email,roles,agency,country_teams,language,time_zone\nimported-{team},Imported,,focal-point,UNICEF,{team},en,\n"),
          Map.entry("hrcSame", "{\"published\":false}"),
          Map.entry("reviewDay", "{\"reviewDay\":\"2023-01-25\"}"),
          Map.entry("move", "{\"session\":54,\"reason\":\"postponed\"}"),
          Map.entry("optional", "{\"wanted\":{\"compilationCheck\":true}}"),
          Map.entry(
              "position", "{\"position\":\"noted\",\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}"),
          Map.entry("assignment", "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[\"UNDP\"]}"),
          Map.entry("assignments", "{\"leadAgency\":\"UNDP\",\"paragraphs\":[\"121.1\"]}"),
          Map.entry(
              "progress",
              "{\"status\":\"in-progress\",\"narrative\":\"Draft law tabled\",\"asOf\":\"2024-01-15\"}"),
          Map.entry("clear", "{\"decision\":\"clear\"}"),
          Map.entry("rounds", "{\"roundMonths\":4}"),
          Map.entry(
              "positions",
              "{\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"},\"positions\":[{\"paragraph\":\"121.1\",\"position\":\"noted\"}]}"));

  /** The people of the matrix's columns, given the review's country team and a foreign one. */
  private static final Map<String, BiFunction<String, String, RequestPostProcessor>> PEOPLE =
      new LinkedHashMap<>();

  static {
    PEOPLE.put("admin", (own, foreign) -> person("admin", List.of("admin"), null, List.of(own)));
    PEOPLE.put("coord", (own, foreign) -> coordinator(own));
    PEOPLE.put("rc", (own, foreign) -> person("rc", List.of("rc"), null, List.of(own)));
    PEOPLE.put("headU", (own, foreign) -> headUnicef(own));
    PEOPLE.put("focU", (own, foreign) -> focalUnicef(own));
    PEOPLE.put("focD", (own, foreign) -> focalUndp(own));
    PEOPLE.put(
        "viewD", (own, foreign) -> person("viewer-undp", List.of("viewer"), "UNDP", List.of(own)));
    PEOPLE.put("xCoord", (own, foreign) -> coordinator(foreign));
    PEOPLE.put("xFocD", (own, foreign) -> focalUndp(foreign));
    PEOPLE.put(
        "xAdmin", (own, foreign) -> person("admin-x", List.of("admin"), null, List.of(foreign)));
    PEOPLE.put("pAdmin", (own, foreign) -> platformAdmin());
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointForEveryRoleOfOwnAndForeignTeams() {
    List<Row> rows =
        MATRIX
            .lines()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .map(Row::parse)
            .toList();
    assertThat(rows.stream().mapToInt(row -> row.expected().size()).sum())
        .as("cells")
        .isEqualTo(rows.size() * PEOPLE.size());
    return rows.stream().map(row -> DynamicTest.dynamicTest(row.toString(), () -> check(row)));
  }

  private void check(Row row) throws Exception {
    Fixture shared = fixture(row.path().contains("{session}"));
    String before = state(shared);
    List<String> failures = new ArrayList<>();
    for (Map.Entry<String, String> cell : row.expected().entrySet()) {
      boolean changes = !row.method().equals("GET") && cell.getValue().startsWith("2");
      if (changes) {
        continue;
      }
      failures.addAll(ask(row, cell.getKey(), cell.getValue(), shared));
    }
    if (!row.method().equals("GET")) {
      assertThat(state(shared)).as("state after the refusals of " + row).isEqualTo(before);
    }
    for (Map.Entry<String, String> cell : row.expected().entrySet()) {
      if (!row.method().equals("GET") && cell.getValue().startsWith("2")) {
        failures.addAll(
            ask(row, cell.getKey(), cell.getValue(), fixture(row.path().contains("{session}"))));
      }
    }
    assertThat(failures).as(row.toString()).isEmpty();
  }

  private List<String> ask(Row row, String who, String expected, Fixture fixture) throws Exception {
    RequestPostProcessor person = PEOPLE.get(who).apply(fixture.team(), foreignTeam());
    MockHttpServletRequestBuilder request =
        request(HttpMethod.valueOf(row.method()), fixture.fill(row.path())).with(person);
    if (!row.body().equals("-")) {
      request
          .contentType(
              row.method().equals("PATCH")
                  ? MediaType.valueOf("application/merge-patch+json")
                  : row.body().startsWith("csv") ? MEDIA_CSV : MediaType.APPLICATION_JSON)
          .content(fixture.fill(BODIES.get(row.body())));
    }
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    String[] expectation = expected.split(":");
    int status = Integer.parseInt(expectation[0]);
    String body = response.getContentAsString();
    boolean bulk = row.path().startsWith("/api/tasks/bulk/");
    int actual = response.getStatus();
    if (bulk && actual == 200) {
      actual = JsonPath.<Integer>read(body, "$[0].status");
    }
    List<String> failures = new ArrayList<>();
    if (actual != status) {
      failures.add(who + ": expected " + status + " but got " + actual + " " + body);
    } else if (status >= 400 && !bulk) {
      if (!String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
        failures.add(who + ": " + status + " without problem+json");
      }
    } else if (expectation.length > 1) {
      int total = JsonPath.<Integer>read(body, "$.total");
      if (total != Integer.parseInt(expectation[1])) {
        failures.add(who + ": expected " + expectation[1] + " tasks but saw " + total);
      }
    }
    return failures;
  }

  /** One line of the matrix. */
  record Row(String method, String path, String body, Map<String, String> expected) {

    static Row parse(String line) {
      String[] cells = line.split("\\s+");
      Map<String, String> expected = new LinkedHashMap<>();
      List<String> people = List.copyOf(PEOPLE.keySet());
      String[] answers = Arrays.copyOfRange(cells, 3, cells.length);
      for (int i = 0; i < answers.length && i < people.size(); i++) {
        expected.put(people.get(i), answers[i]);
      }
      return new Row(cells[0], cells[1], cells[2], expected);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }
}
