package org.uprengage.webapi.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.uprengage.webapi.web.ApiProblem;

/**
 * Refuses sign-ins of a username that failed too often lately: HTTP Basic with 429 and Retry-After;
 * the pages' login form by sending the person back to it, told to wait.
 */
public class SignInThrottleFilter extends OncePerRequestFilter {

  private final SignInThrottle throttle;
  private final boolean loginForm;

  SignInThrottleFilter(SignInThrottle throttle) {
    this(throttle, false);
  }

  private SignInThrottleFilter(SignInThrottle throttle, boolean loginForm) {
    this.throttle = throttle;
    this.loginForm = loginForm;
  }

  /** For the pages' login form ({@code POST /login}, parameter {@code username}). */
  public static SignInThrottleFilter loginForm(SignInThrottle throttle) {
    return new SignInThrottleFilter(throttle, true);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String username =
        loginForm
            ? formUsername(request)
            : basicUsername(request.getHeader(HttpHeaders.AUTHORIZATION));
    Duration wait = username == null ? Duration.ZERO : throttle.waitFor(username);
    if (wait.isZero() || wait.isNegative()) {
      chain.doFilter(request, response);
      return;
    }
    if (loginForm) {
      response.sendRedirect(request.getContextPath() + "/login?throttled");
      return;
    }
    long seconds = Math.max(1, wait.toSeconds());
    ApiProblem.tooManyRequests(
            "too-many-sign-ins",
            "Too many failed sign-ins",
            "Too many failed sign-ins for this user; try again in " + seconds + " seconds.",
            seconds)
        .writeTo(response);
  }

  private static String formUsername(HttpServletRequest request) {
    return "POST".equals(request.getMethod())
            && (request.getContextPath() + "/login").equals(request.getRequestURI())
        ? request.getParameter("username")
        : null;
  }

  private static String basicUsername(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? null : decoded.substring(0, colon);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
