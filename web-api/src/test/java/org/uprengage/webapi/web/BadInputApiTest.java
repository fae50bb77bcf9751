package org.uprengage.webapi.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.uprengage.testsupport.PinnedAnswers;
import org.uprengage.webapi.DemoApiTest;

/**
 * A corpus of bad input (malformed JSON, wrong types, unknown fields, injection strings in
 * constrained fields, bad paths and query values, wrong media types): each request gets a 4xx
 * problem+json, none a 5xx, and none reaches a service. Each case's answer (its status and the
 * fields it names, or the problem's title where it names none) is pinned in {@value #PINNED}, one
 * line a case, so the corpus's size and every reason are checked; a run that differs writes what it
 * got to {@code target/} to compare and, once reviewed, copy over.
 */
class BadInputApiTest extends DemoApiTest {

  private static final String PINNED = "bad-input-corpus.txt";

  @Test
  void badInputIsRefusedWithAProblemAndReachesNoService() throws Exception {
    List<String[]> corpus = new ArrayList<>();
    for (String[] endpoint :
        new String[][] {
          {"POST", "/api/reviews"},
          {"POST", "/api/tasks/abc/comments"},
          {"POST", "/api/tasks/abc/assign"},
          {"POST", "/api/tasks/abc/delegate"},
          {"POST", "/api/tasks/abc/follow-up"},
          {"POST", "/api/tasks/abc/attachments"},
          {"POST", "/api/tasks/bulk/claim"},
          {"PUT", "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/milestones/clearance"},
          {
            "PUT",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/"
                + "5f0f7c1e-8f5e-4c39-9b8a-2b2b2b2b2b2b/position"
          },
          {"POST", "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/positions"},
          {
            "PUT",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/"
                + "5f0f7c1e-8f5e-4c39-9b8a-2b2b2b2b2b2b/assignment"
          },
          {"POST", "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/assignments"}
        }) {
      for (String body :
          List.of(
              "{\"text\":",
              "[]",
              "42",
              "{\"sneaky\":1}",
              "{\"on\":20270101,\"text\":[1],\"assignee\":{},\"to\":[],\"taskIds\":\"x\"}")) {
        corpus.add(new String[] {endpoint[0], endpoint[1], "application/json", body});
      }
      corpus.add(new String[] {endpoint[0], endpoint[1], "text/plain", "hello"});
    }
    for (String injection :
        List.of(
            "'; DROP TABLE upr_review; --", "<script>alert(1)</script>", "${jndi:ldap://x/a}")) {
      String quoted = "\"" + injection + "\"";
      corpus.add(
          new String[] {
            "POST",
            "/api/reviews",
            "application/json",
            "{\"country\":" + quoted + ",\"session\":42}"
          });
      corpus.add(
          new String[] {
            "POST", "/api/tasks/abc/assign", "application/json", "{\"assignee\":" + quoted + "}"
          });
      corpus.add(
          new String[] {
            "POST", "/api/tasks/abc/delegate", "application/json", "{\"to\":" + quoted + "}"
          });
    }
    corpus.add(
        new String[] {
          "POST", "/api/tasks/abc/attachments", "application/json", "{\"name\":\"\",\"url\":\"\"}"
        });
    for (String date : List.of("+999999999-12-31", "300000-01-01", "0001-01-01", "2027-1-5")) {
      corpus.add(
          new String[] {
            "POST", "/api/tasks/abc/follow-up", "application/json", "{\"on\":\"" + date + "\"}"
          });
      corpus.add(
          new String[] {
            "POST", "/api/tasks/abc/due", "application/json", "{\"on\":\"" + date + "\"}"
          });
    }
    corpus.add(
        new String[] {"POST", "/api/tasks/abc/due", "application/json", "{\"at\":\"tomorrow\"}"});
    corpus.add(
        new String[] {
          "POST", "/api/reviews", "application/json", "{\"country\":\"GHA\",\"session\":0}"
        });
    String position =
        "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/"
            + "5f0f7c1e-8f5e-4c39-9b8a-2b2b2b2b2b2b/position";
    for (String body :
        List.of(
            "{\"position\":\"accepted\"}",
            "{\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}",
            "{\"position\":\"noted\",\"source\":{\"symbol\":\"" + "S".repeat(101) + "\"}}")) {
      corpus.add(new String[] {"PUT", position, "application/json", body});
    }
    corpus.add(
        new String[] {
          "PUT", "/api/reviews/x/recommendations/y/position", "application/json", "{}"
        });
    for (String body :
        List.of(
            "{\"positions\":[]}",
            "{\"source\":{\"symbol\":\"A/HRC/53/15/Add.1\"}}",
            "{\"positions\":[{\"paragraph\":\"121.1\",\"colour\":\"red\"}]}")) {
      corpus.add(
          new String[] {
            "POST",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/positions",
            "application/json",
            body
          });
    }
    String assignment =
        "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/"
            + "5f0f7c1e-8f5e-4c39-9b8a-2b2b2b2b2b2b/assignment";
    for (String body :
        List.of(
            "{\"supportingAgencies\":[\"UNDP\"]}",
            "{\"leadAgency\":\"" + "A".repeat(33) + "\"}",
            "{\"leadAgency\":\"UNICEF\",\"supportingAgencies\":[null]}")) {
      corpus.add(new String[] {"PUT", assignment, "application/json", body});
    }
    for (String body :
        List.of(
            "{\"leadAgency\":\"UNICEF\",\"sdg\":18}",
            "{\"leadAgency\":\"UNICEF\",\"paragraphs\":[]}",
            "{\"leadAgency\":\"UNICEF\",\"theme\":\"\"}")) {
      corpus.add(
          new String[] {
            "POST",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/assignments",
            "application/json",
            body
          });
    }
    String progress =
        "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/"
            + "5f0f7c1e-8f5e-4c39-9b8a-2b2b2b2b2b2b/progress";
    for (String body :
        List.of(
            "{\"status\":\"done\",\"narrative\":\"x\",\"asOf\":\"2024-01-15\"}",
            "{\"status\":\"in-progress\",\"narrative\":\" \",\"asOf\":\"2024-01-15\"}",
            "{\"status\":\"in-progress\",\"narrative\":\"x\",\"asOf\":\"soon\"}",
            "{\"status\":\"in-progress\",\"narrative\":\"x\"}")) {
      corpus.add(new String[] {"POST", progress, "application/json", body});
    }
    corpus.add(
        new String[] {
          "POST",
          progress + "/5f0f7c1e-8f5e-4c39-9b8a-3c3c3c3c3c3c/clearance",
          "application/json",
          "{\"decision\":\"approve\"}"
        });
    for (String body : List.of("{\"roundMonths\":0}", "{\"progressClearance\":\"yes\"}")) {
      corpus.add(
          new String[] {
            "PUT", "/api/country-teams/GHA/implementation-settings", "application/json", body
          });
    }
    corpus.add(
        new String[] {
          "PUT", "/api/country-teams/ghana/implementation-settings", "application/json", "{}"
        });
    for (String path :
        List.of(
            "/api/tasks/a%20b",
            "/api/tasks/" + "a".repeat(65),
            "/api/reviews/not-a-uuid",
            "/api/reviews?size=101",
            "/api/reviews?page=-1",
            "/api/reviews?state=done",
            "/api/reviews?countryTeam=gha",
            "/api/tasks?size=101",
            "/api/tasks?show=all",
            "/api/tasks?dueBefore=soon",
            "/api/approvals?show=claimable",
            "/api/tasks/abc/attachments/not-a-uuid",
            "/api/tasks/abc%2F..%2Fadmin",
            "/api/reviews/not-a-uuid/recommendations",
            "/api/reviews/not-a-uuid/previous-recommendations",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission/document?round=0",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission/document?round=two",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission/document?language=de",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?sdg=18",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?sdg=five",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?position=accepted",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?sort=random",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?size=201",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?text=",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?leadAgency=",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations?status=done",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/implementation-matrix?groupBy=colour",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/implementation-matrix?format=pdf",
            "/api/recommendations",
            "/api/recommendations?countryTeam=gha",
            "/api/recommendations?countryTeam=GHA&theme=" + "t".repeat(201),
            "/api/country-teams/kenya",
            "/api/country-teams/KENYA",
            "/api/people?countryTeam=ke",
            "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/not-a-uuid/positions")) {
      corpus.add(new String[] {"GET", path, null, null});
    }
    corpus.add(new String[] {"POST", "/api/country-teams/ken/close", null, null});
    corpus.add(new String[] {"POST", "/api/admin/incidents/not-an-id/retry", null, null});
    corpus.add(
        new String[] {"POST", "/api/admin/incidents/" + "A".repeat(300) + "/retry", null, null});
    corpus.add(new String[] {"DELETE", "/api/admin/incidents", null, null});
    corpus.add(new String[] {"GET", "/api/admin/dead-letters?state=lost", null, null});
    corpus.add(new String[] {"GET", "/api/admin/dead-letters?topic=%27%3B--", null, null});
    corpus.add(new String[] {"POST", "/api/admin/dead-letters/not-a-uuid/replay", null, null});
    corpus.add(
        new String[] {"POST", "/api/admin/dead-letters/replay?topic=UPR%20TASKS", null, null});
    corpus.add(
        new String[] {"POST", "/api/people/import", "application/json", "{\"username\":\"x\"}"});
    corpus.add(new String[] {"POST", "/api/country-teams", "text/plain", "KEN"});
    corpus.add(new String[] {"POST", "/api/agencies", "application/json", "[]"});
    corpus.add(new String[] {"DELETE", "/api/tasks/abc/attachments/not-a-uuid", null, null});
    String imports = "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/recommendations/imports";
    corpus.add(new String[] {"POST", imports, "application/pdf", "%PDF-1.7"});
    corpus.add(new String[] {"POST", imports, "application/json", "{\"paragraph\":\"121.1\"}"});
    corpus.add(
        new String[] {
          "POST", "/api/reviews/not-a-uuid/recommendations/imports", "text/csv", "paragraph,text\n"
        });

    List<String> failures = new ArrayList<>();
    List<String> answers = new ArrayList<>();
    for (String[] bad : corpus) {
      var request =
          request(HttpMethod.valueOf(bad[0]), URI.create(bad[1]))
              .header("Authorization", basic("coordinator", "demo"));
      if (bad[2] != null) {
        request.contentType(bad[2]).content(bad[3]);
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      if (response.getStatus() < 400
          || response.getStatus() >= 500
          || !String.valueOf(response.getContentType()).startsWith("application/problem+json")
          || !response.getContentAsString().contains("\"type\":\"" + ApiProblem.TYPE_BASE)) {
        failures.add(
            String.join(" ", bad[0], bad[1], String.valueOf(bad[3]))
                + " -> "
                + response.getStatus()
                + " "
                + response.getContentType());
      } else {
        answers.add(label(bad) + " -> " + response.getStatus() + " " + reason(response));
      }
    }
    assertThat(failures).isEmpty();
    assertThat(engine.received()).isEmpty();
    PinnedAnswers.assertPinned(answers, PINNED);
    System.out.println("web-api bad-input corpus: " + corpus.size() + " requests");
  }

  /** A case in one line: its method, path, media type and body (long ones cut, with the length). */
  private static String label(String[] bad) {
    String body = bad[3] == null ? "-" : bad[3].replace("\n", "\\n");
    return String.join(
        " ",
        bad[0],
        bad[1],
        String.valueOf(bad[2]),
        body.length() > 80 ? body.substring(0, 80) + "... (" + body.length() + " chars)" : body);
  }

  /** What the answer says is wrong: the fields it names (sorted), else the problem's title. */
  private static String reason(MockHttpServletResponse response) throws IOException {
    String body = response.getContentAsString();
    List<String> fields = JsonPath.read(body, "$..errors[*].field");
    return fields.isEmpty()
        ? JsonPath.read(body, "$.title")
        : String.join(",", fields.stream().sorted().toList());
  }
}
