package org.uprengage.webapi.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Tells who the current caller is and which bearer token to present for them to the services: the
 * caller's own token where they came with one (token relay), a fresh internal token where they
 * signed in with a password.
 */
@Component
public class Callers {

  private final ClaimNames claims;
  private final Optional<DemoUsers> demoUsers;
  private final Optional<InternalTokens> internalTokens;

  Callers(
      ClaimNames claims, Optional<DemoUsers> demoUsers, Optional<InternalTokens> internalTokens) {
    this.claims = claims;
    this.demoUsers = demoUsers;
    this.internalTokens = internalTokens;
  }

  public Caller current() {
    Authentication authentication = authentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return fromJwt(token.getToken());
    }
    return demoUsers
        .flatMap(
            users ->
                users.users().stream()
                    .filter(u -> u.username().equals(authentication.getName()))
                    .findFirst())
        .map(DemoUsers.DemoUser::asCaller)
        .orElseThrow(() -> new InsufficientAuthenticationException("Unknown caller"));
  }

  /** The bearer token to call the services with, on behalf of the current caller. */
  public String bearerToken() {
    Authentication authentication = authentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return token.getToken().getTokenValue();
    }
    return internalTokens
        .orElseThrow(() -> new IllegalStateException("No internal token issuer configured"))
        .issue(current())
        .value();
  }

  Caller fromJwt(Jwt jwt) {
    String username = jwt.getClaimAsString(claims.username());
    return new Caller(
        username == null || username.isBlank() ? jwt.getSubject() : username,
        strings(jwt.getClaim(claims.roles())),
        jwt.getClaimAsString(claims.agency()),
        strings(jwt.getClaim(claims.countryTeams())));
  }

  private static Authentication authentication() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !authentication.isAuthenticated()) {
      throw new InsufficientAuthenticationException("Not signed in");
    }
    return authentication;
  }

  private static List<String> strings(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).toList();
    }
    if (claim instanceof String value && !value.isBlank()) {
      return List.of(value.split("[ ,]+"));
    }
    return List.of();
  }
}
