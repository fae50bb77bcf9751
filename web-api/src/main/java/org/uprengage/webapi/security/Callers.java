package org.uprengage.webapi.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Tells who the current caller is and which bearer token to present for them to the services: the
 * caller's own token where they came with one (token relay), a fresh internal token where they
 * signed in with a password, the access token of their OpenID Connect sign-in where they use the
 * pages in production (the same issuer and claims as the API's tokens).
 */
@Component
public class Callers {

  private final ClaimNames claims;
  private final Optional<DemoUsers> demoUsers;
  private final Optional<InternalTokens> internalTokens;
  private final ObjectProvider<OAuth2AuthorizedClientManager> signIns;
  private final ObjectProvider<JwtDecoder> decoder;
  private final String localeClaim;

  Callers(
      ClaimNames claims,
      @Value("${upr.security.claims.locale:locale}") String localeClaim,
      Optional<DemoUsers> demoUsers,
      Optional<InternalTokens> internalTokens,
      ObjectProvider<OAuth2AuthorizedClientManager> signIns,
      ObjectProvider<JwtDecoder> decoder) {
    this.claims = claims;
    this.demoUsers = demoUsers;
    this.internalTokens = internalTokens;
    this.signIns = signIns;
    this.decoder = decoder;
    this.localeClaim = localeClaim;
  }

  public Caller current() {
    Authentication authentication = authentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return fromJwt(token.getToken());
    }
    if (authentication instanceof OAuth2AuthenticationToken signIn) {
      return fromJwt(decoder.getObject().decode(accessToken(signIn)));
    }
    return demoUser(authentication)
        .map(DemoUsers.DemoUser::asCaller)
        .orElseThrow(() -> new InsufficientAuthenticationException("Unknown caller"));
  }

  /**
   * The language the current caller reads (claim {@code locale}, or the demo user's), if known: an
   * IETF language tag such as {@code fr}.
   */
  public Optional<String> language() {
    Authentication authentication = authentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return Optional.ofNullable(token.getToken().getClaimAsString(localeClaim));
    }
    if (authentication instanceof OAuth2AuthenticationToken signIn) {
      return Optional.ofNullable(signIn.getPrincipal().getAttribute(localeClaim))
          .map(String::valueOf);
    }
    return demoUser(authentication).map(DemoUsers.DemoUser::locale);
  }

  private Optional<DemoUsers.DemoUser> demoUser(Authentication authentication) {
    return demoUsers.flatMap(
        users ->
            users.users().stream()
                .filter(u -> u.username().equals(authentication.getName()))
                .findFirst());
  }

  /** The bearer token to call the services with, on behalf of the current caller. */
  public String bearerToken() {
    Authentication authentication = authentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return token.getToken().getTokenValue();
    }
    if (authentication instanceof OAuth2AuthenticationToken signIn) {
      return accessToken(signIn);
    }
    return internalTokens
        .orElseThrow(() -> new IllegalStateException("No internal token issuer configured"))
        .issue(current())
        .value();
  }

  /**
   * The access token of a person signed in to the pages, refreshed where it expired; kept in their
   * session.
   */
  private String accessToken(OAuth2AuthenticationToken signIn) {
    if (!(RequestContextHolder.getRequestAttributes()
        instanceof ServletRequestAttributes current)) {
      throw new InsufficientAuthenticationException("No request to find the sign-in in");
    }
    OAuth2AuthorizedClient client =
        signIns
            .getObject()
            .authorize(
                OAuth2AuthorizeRequest.withClientRegistrationId(
                        signIn.getAuthorizedClientRegistrationId())
                    .principal(signIn)
                    .attribute(HttpServletRequest.class.getName(), current.getRequest())
                    .attribute(HttpServletResponse.class.getName(), current.getResponse())
                    .build());
    if (client == null) {
      throw new InsufficientAuthenticationException("The sign-in has ended; sign in again");
    }
    return client.getAccessToken().getTokenValue();
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
