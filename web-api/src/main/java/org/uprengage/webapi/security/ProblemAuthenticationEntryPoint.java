package org.uprengage.webapi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers an unauthenticated request with 401, the schemes it accepts, and a problem+json body. */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

  private final boolean basicAccepted;

  ProblemAuthenticationEntryPoint(boolean basicAccepted) {
    this.basicAccepted = basicAccepted;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    if (basicAccepted) {
      response.addHeader(
          HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"UPR Engage\", charset=\"UTF-8\"");
    }
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    String how =
        basicAccepted
            ? "Sign in with HTTP Basic (the demo users) or send a bearer token."
            : "Send a bearer token from your identity provider.";
    response
        .getOutputStream()
        .write(
            ("{\"type\":\"https://uprengage.org/problems/unauthenticated\",\"title\":\"Sign-in required\",\"status\":401,\"detail\":\""
                    + how
                    + "\"}")
                .getBytes(StandardCharsets.UTF_8));
  }
}
