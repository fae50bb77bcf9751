package org.uprengage.webapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * What web-api does before anything reaches a service: security headers, bounded bodies, a budget
 * of bulk requests, and a corpus of bad input refused with problem+json. Also the relays of
 * approvals, the submission and attachments.
 */
class HardeningApiTest extends DemoApiTest {

  @Test
  void answersCarrySecurityHeadersAndSwaggerUiMayLoadOnlyItsOwnFiles() throws Exception {
    mvc.perform(get("/api/me").header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.roles[0]").value("viewer"))
        .andExpect(jsonPath("$.agency").value("OHCHR"))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "no-referrer"))
        .andExpect(
            header().string("Content-Security-Policy", Matchers.startsWith("default-src 'none'")))
        .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")));
    mvc.perform(get("/api/me"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    mvc.perform(get("/swagger-ui/index.html"))
        .andExpect(status().isOk())
        .andExpect(
            header().string("Content-Security-Policy", Matchers.startsWith("default-src 'self'")));
  }

  @Test
  void aBodyOverOneMebibyteIsRefusedBeforeAnythingReadsIt() throws Exception {
    byte[] huge = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) 'x');
    mvc.perform(
            post("/api/tasks/abc/comments")
                .header("Authorization", basic("focal-unicef", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(huge))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    assertThat(engine.received()).isEmpty();
  }

  @Test
  void eachPersonHasABudgetOfBulkRequests() throws Exception {
    engine.answer(200, "application/json", "[]");
    for (int i = 0; i < 20; i++) {
      bulkClaim("head-undp").andExpect(status().isOk());
    }
    bulkClaim("head-undp")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.type").value("https://uprengage.org/problems/too-many-bulk-requests"));
    assertThat(engine.received()).hasSize(20);
    bulkClaim("head-unicef").andExpect(status().isOk());
  }

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
          {"PUT", "/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/milestones/clearance"}
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
        new String[] {
          "POST", "/api/reviews", "application/json", "{\"country\":\"GHA\",\"session\":0}"
        });
    for (String path :
        List.of(
            "/api/tasks/a%20b",
            "/api/tasks/" + "a".repeat(65),
            "/api/reviews/not-a-uuid",
            "/api/tasks?size=101",
            "/api/tasks?show=all",
            "/api/tasks?dueBefore=soon",
            "/api/approvals?show=claimable",
            "/api/tasks/abc/attachments/not-a-uuid",
            "/api/tasks/abc%2F..%2Fadmin")) {
      corpus.add(new String[] {"GET", path, null, null});
    }
    corpus.add(new String[] {"DELETE", "/api/tasks/abc/attachments/not-a-uuid", null, null});

    List<String> failures = new ArrayList<>();
    for (String[] bad : corpus) {
      var request =
          request(HttpMethod.valueOf(bad[0]), java.net.URI.create(bad[1]))
              .header("Authorization", basic("coordinator", "demo"));
      if (bad[2] != null) {
        request.contentType(bad[2]).content(bad[3]);
      }
      MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
      if (response.getStatus() < 400
          || response.getStatus() >= 500
          || !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
        failures.add(
            String.join(" ", bad[0], bad[1], String.valueOf(bad[3]))
                + " -> "
                + response.getStatus()
                + " "
                + response.getContentType());
      }
    }
    assertThat(failures).isEmpty();
    assertThat(engine.received()).isEmpty();
    assertThat(corpus).hasSizeGreaterThan(70);
    System.out.println("web-api bad-input corpus: " + corpus.size() + " requests");
  }

  @Test
  void approvalsTheSubmissionAndAttachmentsAreRelayed() throws Exception {
    engine.answer(200, "application/json", "[]");
    mvc.perform(get("/api/approvals").header("Authorization", basic("head-unicef", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().uri()).isEqualTo("/api/approvals?show=both");

    engine.answer(
        201,
        "application/json",
        "{\"id\":\"0b6c3f0e-3c9e-4d8e-9a51-3f7f9a1d2c4b\",\"name\":\"Draft\",\"url\":\"https://drive.example.org/d\",\"addedBy\":\"focal-unicef\"}");
    mvc.perform(
            post("/api/tasks/abc/attachments")
                .header("Authorization", basic("focal-unicef", "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"Draft\",\"url\":\"https://drive.example.org/d\"}"))
        .andExpect(status().isCreated())
        .andExpect(
            header()
                .string(
                    "Location",
                    Matchers.endsWith(
                        "/api/tasks/abc/attachments/0b6c3f0e-3c9e-4d8e-9a51-3f7f9a1d2c4b")));
    assertThat(engine.last().uri()).isEqualTo("/api/tasks/abc/attachments");

    engine.answer(204, "application/json", "");
    mvc.perform(
            delete("/api/tasks/abc/attachments/0b6c3f0e-3c9e-4d8e-9a51-3f7f9a1d2c4b")
                .header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isNoContent());
    assertThat(engine.last().method()).isEqualTo("DELETE");

    engine.answer(
        404,
        "application/problem+json",
        "{\"title\":\"Review not found\",\"status\":404,\"detail\":\"No review is visible to you.\"}");
    mvc.perform(
            get("/api/reviews/5f0f7c1e-8f5e-4c39-9b8a-1a1a1a1a1a1a/submission")
                .header("Authorization", basic("viewer", "demo")))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.title").value("Review not found"));
  }

  @Test
  void taskVersionsTravelAsETagAndIfMatch() throws Exception {
    engine.answer(200, "application/json", "{\"id\":\"abc\",\"version\":3}");
    engine.etag("\"3\"");
    mvc.perform(get("/api/tasks/abc").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""));
    mvc.perform(
            post("/api/tasks/abc/claim")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("If-Match", "\"3\""))
        .andExpect(status().isOk())
        .andExpect(header().string("ETag", "\"3\""));
    assertThat(engine.last().ifMatch()).isEqualTo("\"3\"");
    engine.answer(
        409,
        "application/problem+json",
        "{\"title\":\"Conflict with the current state\",\"status\":409,\"current\":{\"id\":\"abc\",\"version\":4}}");
    mvc.perform(
            post("/api/tasks/abc/complete")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("If-Match", "\"3\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Our section\"}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.current.version").value(4));
    assertThat(engine.last().ifMatch()).isEqualTo("\"3\"");
  }

  private org.springframework.test.web.servlet.ResultActions bulkClaim(String user)
      throws Exception {
    return mvc.perform(
        post("/api/tasks/bulk/claim")
            .header("Authorization", basic(user, "demo"))
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"taskIds\":[\"abc\"]}"));
  }
}
