package org.uprengage.engine.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** The person behind the current request, read from its validated token's claims. */
@Component
public class AuthenticatedCaller {

  private final ClaimNames claims;

  AuthenticatedCaller(ClaimNames claims) {
    this.claims = claims;
  }

  /** The caller, if the request carries a valid bearer token. */
  public Optional<Caller> current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication != null && authentication.getPrincipal() instanceof Jwt jwt
        ? Optional.of(fromJwt(jwt))
        : Optional.empty();
  }

  /** The caller with what the token says of them beyond authorisation, for the directory. */
  public Optional<Profile> profile() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
      return Optional.empty();
    }
    return Optional.of(
        new Profile(
            fromJwt(jwt),
            text(jwt, claims.name()),
            text(jwt, claims.email()),
            text(jwt, claims.language()),
            text(jwt, claims.timeZone())));
  }

  private static String text(Jwt jwt, String claim) {
    Object value = jwt.getClaims().get(claim);
    return value instanceof String text && !text.isBlank() ? text.strip() : null;
  }

  private Caller fromJwt(Jwt jwt) {
    String username = jwt.getClaimAsString(claims.username());
    if (username == null || username.isBlank()) {
      username = jwt.getSubject();
    }
    return new Caller(
        username,
        strings(jwt.getClaim(claims.roles())),
        jwt.getClaimAsString(claims.agency()),
        strings(jwt.getClaim(claims.countryTeams())));
  }

  private static Set<String> strings(Object claim) {
    if (claim instanceof Collection<?> values) {
      return values.stream().map(String::valueOf).collect(Collectors.toSet());
    }
    if (claim instanceof String value && !value.isBlank()) {
      return Set.copyOf(List.of(value.split("[ ,]+")));
    }
    return Set.of();
  }
}
