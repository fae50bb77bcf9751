package org.uprengage.webapi.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@value #MAX_BODY_BYTES} bytes with 413 problem+json before anything
 * reads them, whether the client announced the length or streamed the body in chunks. No request of
 * this API needs more (the longest input, a consolidated submission text, is 200,000 characters)
 * but an import of a list of recommendations (the API's, or the review page's upload form): up to
 * {@value #MAX_LIST_BYTES} bytes with a form's framing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

  public static final int MAX_BODY_BYTES = 1024 * 1024;

  /** A list of recommendations: 5 MiB, and room for the framing of a form upload. */
  public static final int MAX_LIST_BYTES = 5 * 1024 * 1024 + 64 * 1024;

  private static final Pattern IMPORTS =
      Pattern.compile("(/api)?/reviews/[^/]+/recommendations/imports");

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    int limit =
        IMPORTS.matcher(request.getRequestURI()).matches() ? MAX_LIST_BYTES : MAX_BODY_BYTES;
    long announced = request.getContentLengthLong();
    if (announced > limit) {
      tooLarge(response, limit);
      return;
    }
    if (announced >= 0 || !hasBody(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(limit + 1);
    if (body.length > limit) {
      tooLarge(response, limit);
      return;
    }
    chain.doFilter(new BufferedBody(request, body), response);
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getHeader("Transfer-Encoding") != null;
  }

  private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
    response.setHeader("Connection", "close");
    ApiProblem.of(
            HttpStatus.PAYLOAD_TOO_LARGE,
            "body-too-large",
            "Body too large",
            "The request body is larger than " + limit / 1024 + " KiB; send less.")
        .writeTo(response);
  }

  /** A request whose chunked body was read up front, within the limit. */
  private static final class BufferedBody extends HttpServletRequestWrapper {

    private final byte[] body;

    BufferedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous reads only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(
          new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
