package org.uprengage.webapi.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.uprengage.webapi.DemoApiTest;

/**
 * What the services receive from web-api besides the caller's token: the client's address for their
 * audit trails (never what a client claims of itself), and their problems passed back.
 */
class BackendRelayApiTest extends DemoApiTest {

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
