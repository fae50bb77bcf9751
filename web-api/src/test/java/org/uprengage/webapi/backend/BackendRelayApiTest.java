package org.uprengage.webapi.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;

/**
 * What the services receive from web-api besides the caller's token: the client's address for their
 * audit trails (never what a client claims of itself), the caller's trace, and their problems
 * passed back; and how the calls are counted.
 */
class BackendRelayApiTest extends DemoApiTest {

  private static final String EMPTY_PAGE = "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}";

  @Autowired MeterRegistry meters;

  @Test
  void theCallersTraceGoesOnToTheEngine() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    String callersSpan = "00f067aa0ba902b7";
    engine.answer(200, "application/json", EMPTY_PAGE);
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("traceparent", "00-" + trace + "-" + callersSpan + "-01"))
        .andExpect(status().isOk());
    assertThat(engine.last().traceparent())
        .as("the same trace, from a span of web-api's own")
        .matches("00-" + trace + "-[0-9a-f]{16}-01")
        .doesNotContain(callersSpan);

    engine.answer(204, "application/json", "");
    mvc.perform(
            post("/api/tasks/abc-123/complete")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("traceparent", "00-" + trace + "-" + callersSpan + "-01")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\":\"Our section\"}"))
        .andExpect(status().isNoContent());
    assertThat(engine.last().uri()).isEqualTo("/api/tasks/abc-123/complete");
    assertThat(engine.last().body()).isEqualTo("{\"text\":\"Our section\"}");
    assertThat(engine.last().traceparent())
        .matches("00-" + trace + "-[0-9a-f]{16}-01")
        .doesNotContain(callersSpan);
  }

  @Test
  void aCallersUnsampledTraceGoesOnUnsampled() throws Exception {
    String trace = "4bf92f3577b34da6a3ce929d0e0e4737";
    engine.answer(200, "application/json", EMPTY_PAGE);
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", basic("focal-unicef", "demo"))
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-00"))
        .andExpect(status().isOk());
    assertThat(engine.last().traceparent())
        .as("the caller decided not to record it: the trace id travels for the logs all the same")
        .matches("00-" + trace + "-[0-9a-f]{16}-00");
  }

  @Test
  void aRequestWithoutATraceStartsOneThatTheEngineContinues() throws Exception {
    engine.answer(200, "application/json", EMPTY_PAGE);
    mvc.perform(get("/api/tasks").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk());
    String first = engine.last().traceparent();
    assertThat(first)
        .as("a trace of web-api's own, sampled (UPR_TRACING_SAMPLING 1.0 by default)")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

    engine.answer(200, "application/json", EMPTY_PAGE);
    mvc.perform(get("/api/tasks").header("Authorization", basic("focal-unicef", "demo")))
        .andExpect(status().isOk());
    assertThat(engine.last().traceparent())
        .as("each request a trace of its own")
        .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01")
        .doesNotContain(first.substring(3, 35));
  }

  @Test
  void theTaskListsCallsAreCountedUnderTheirTemplateNotEachAddress() throws Exception {
    engine.answer(200, "application/json", EMPTY_PAGE);
    for (String review : List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString())) {
      mvc.perform(
              get("/api/tasks")
                  .param("reviewId", review)
                  .param("dueBefore", "2027-01-31")
                  .param("q", "R&D + more")
                  .header("Authorization", basic("focal-unicef", "demo")))
          .andExpect(status().isOk());
      assertThat(engine.last().uri())
          .isEqualTo(
              "/api/tasks?show=both&overdue=false&sort=created&order=asc&page=0&size=50&reviewId="
                  + review
                  + "&dueBefore=2027-01-31&q=R%26D%20%2B%20more");
    }
    List<String> uris =
        meters.find("http.client.requests").timers().stream()
            .map(timer -> timer.getId().getTag("uri"))
            .toList();
    assertThat(uris)
        .contains(
            "/api/tasks?show={show}&overdue={overdue}&sort={sort}&order={order}&page={page}&size={size}&reviewId={reviewId}&dueBefore={dueBefore}&q={q}")
        .noneMatch(uri -> uri.contains("reviewId=") && !uri.contains("reviewId={reviewId}"));
  }

  @Test
  void theEnginesProblemsPassThroughUnchanged() throws Exception {
    engine.answer(
        409,
        "application/problem+json",
        "{\"type\":\"https://uprengage.org/problems/conflict\",\"title\":\"Conflict with the current state\",\"status\":409,\"detail\":\"The task is already claimed by focal-unicef.\"}");
    mvc.perform(
            post("/api/tasks/abc-123/claim").header("Authorization", basic("head-unicef", "demo")))
        .andExpect(status().isConflict())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The task is already claimed by focal-unicef."))
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/conflict"));
  }

  @Test
  void aClientsOwnForwardedForHeaderIsNotPassedOn() throws Exception {
    engine.answer(200, "application/json", "[]");
    mvc.perform(
            get("/api/agencies")
                .header("Authorization", basic("coordinator", "demo"))
                .header("X-Forwarded-For", "198.51.100.77"))
        .andExpect(status().isOk());
    assertThat(engine.last().forwardedFor()).isEqualTo("127.0.0.1");
  }

  @Test
  void aSpoofedForwardedForFromAnUntrustedPeerIsAuditedAsThePeersAddress() throws Exception {
    engine.answer(200, "application/json", "[]");
    assertThat(getAgenciesFrom(InetAddress.getLoopbackAddress(), "198.51.100.77"))
        .startsWith("HTTP/1.1 200");
    assertThat(engine.last().forwardedFor()).isEqualTo("127.0.0.1");
  }

  @Test
  void theClientATrustedProxyNamesIsAuditedAsTheClient() throws Exception {
    engine.answer(200, "application/json", "[]");
    assertThat(getAgenciesFrom(InetAddress.getByName(TRUSTED_PROXY), "198.51.100.77"))
        .startsWith("HTTP/1.1 200");
    assertThat(engine.last().forwardedFor()).isEqualTo("198.51.100.77");
  }

  /**
   * GET /api/agencies over a real connection from {@code from} (a loopback address), claiming to
   * forward {@code forwardedFor}; answers the status line.
   */
  private String getAgenciesFrom(InetAddress from, String forwardedFor) throws IOException {
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/agencies HTTP/1.1\r\n"
                  + "Host: 127.0.0.1:"
                  + port
                  + "\r\nAuthorization: "
                  + basic("coordinator", "demo")
                  + "\r\nX-Forwarded-For: "
                  + forwardedFor
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return answer.lines().findFirst().orElse("");
    }
  }
}
