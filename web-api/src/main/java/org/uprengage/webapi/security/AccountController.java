package org.uprengage.webapi.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.webapi.web.ApiProblem;

/** Who the caller is, and (quick start) a bearer token for a password sign-in. */
@RestController
@Tag(name = "Account")
class AccountController {

  private final Callers callers;
  private final Optional<InternalTokens> tokens;

  AccountController(Callers callers, Optional<InternalTokens> tokens) {
    this.callers = callers;
    this.tokens = tokens;
  }

  @GetMapping("/api/me")
  @Operation(summary = "Who you are to UPR Engage: roles, agency, country teams")
  Caller me() {
    return callers.current();
  }

  @PostMapping("/api/auth/token")
  @Operation(
      summary = "Exchange a demo sign-in for a bearer token (quick start)",
      description =
          "Checks the password once and returns a short-lived token, so scripts need not send a password with every request. Only a password sign-in obtains one: a bearer token cannot mint another (403). Absent in production, where tokens come from the identity provider.")
  TokenResponse token() {
    InternalTokens issuer =
        tokens.orElseThrow(
            () ->
                ApiProblem.notFound(
                    "Not available", "Tokens come from your identity provider here."));
    // A token must not outlive the password check it stands for: a bearer cannot renew itself.
    if (!(SecurityContextHolder.getContext().getAuthentication()
        instanceof UsernamePasswordAuthenticationToken)) {
      throw ApiProblem.forbidden(
          "A token is obtained by signing in with a password (HTTP Basic); a bearer token cannot obtain another.");
    }
    InternalTokens.IssuedToken token = issuer.issue(callers.current());
    return new TokenResponse(token.value(), "Bearer", token.expiresAt());
  }

  /** A bearer token and when it expires. */
  record TokenResponse(String accessToken, String tokenType, Instant expiresAt) {}
}
