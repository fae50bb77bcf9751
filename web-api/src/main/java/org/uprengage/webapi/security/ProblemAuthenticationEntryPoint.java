package org.uprengage.webapi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.uprengage.webapi.web.ApiProblem;

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
    if (basicAccepted) {
      response.addHeader(
          HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"UPR Engage\", charset=\"UTF-8\"");
    }
    response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    ApiProblem.of(
            HttpStatus.UNAUTHORIZED,
            "unauthenticated",
            "Sign-in required",
            basicAccepted
                ? "Sign in with HTTP Basic (the demo users) or send a bearer token."
                : "Send a bearer token from your identity provider.")
        .writeTo(response);
  }
}
