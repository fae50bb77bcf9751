package org.uprengage.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.uprengage.notification.NotificationIntegrationTest;

/**
 * A body over 1 MiB is refused with 413 problem+json, whether its length was announced or it came
 * in chunks, before anything reads it; a smaller one passes whole.
 */
class RequestSizeLimitTest extends NotificationIntegrationTest {

  private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter();

  @Test
  void anAnnouncedBodyOverTheCapIsRefusedWithAProblem() throws Exception {
    mvc.perform(
            post("/api/webhooks")
                .with(as("coordinator", null, "coordinator"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(new byte[RequestSizeLimitFilter.MAX_BODY_BYTES + 1]))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(413))
        .andExpect(jsonPath("$.title").value("Body too large"))
        .andExpect(jsonPath("$.type").value("https://uprengage.org/problems/body-too-large"));
  }

  @Test
  void aChunkedBodyOverTheCapIsRefused() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<Object> passed = new AtomicReference<>();
    filter.doFilter(
        chunked(new byte[RequestSizeLimitFilter.MAX_BODY_BYTES + 1]),
        response,
        (request, answer) -> passed.set(request));
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(response.getContentAsString()).contains("\"title\":\"Body too large\"");
    assertThat(passed.get()).isNull();
  }

  @Test
  void aChunkedBodyWithinTheCapPassesWhole() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<String> body = new AtomicReference<>();
    filter.doFilter(
        chunked("{\"scope\":\"person\"}".getBytes(StandardCharsets.UTF_8)),
        response,
        (request, answer) ->
            body.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(body.get()).isEqualTo("{\"scope\":\"person\"}");
  }

  private static MockHttpServletRequest chunked(byte[] body) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/calendar-feeds") {
          @Override
          public long getContentLengthLong() {
            return -1;
          }

          @Override
          public int getContentLength() {
            return -1;
          }
        };
    request.addHeader("Transfer-Encoding", "chunked");
    request.setContent(body);
    return request;
  }
}
