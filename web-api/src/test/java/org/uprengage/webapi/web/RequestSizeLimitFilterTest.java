package org.uprengage.webapi.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** A body streamed in chunks, with no length announced, is held to the same limit. */
class RequestSizeLimitFilterTest {

  private final RequestSizeLimitFilter filter = new RequestSizeLimitFilter();

  @Test
  void aChunkedBodyOverTheLimitIsRefused() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<HttpServletRequest> passed = new AtomicReference<>();
    filter.doFilter(
        chunked(new byte[RequestSizeLimitFilter.MAX_BODY_BYTES + 1]),
        response,
        (request, answer) -> passed.set((HttpServletRequest) request));
    assertThat(response.getStatus()).isEqualTo(413);
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
    assertThat(passed.get()).isNull();
  }

  @Test
  void aChunkedBodyWithinTheLimitPassesWhole() throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    AtomicReference<String> body = new AtomicReference<>();
    filter.doFilter(
        chunked("{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8)),
        response,
        (request, answer) ->
            body.set(new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8)));
    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(body.get()).isEqualTo("{\"text\":\"hello\"}");
  }

  private static MockHttpServletRequest chunked(byte[] body) {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/api/tasks/abc/comments") {
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
