package org.uprengage.engine.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter, read from the validated token's claims. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  private final ClaimNames claims;

  CallerArgumentResolver(ClaimNames claims) {
    this.claims = claims;
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType().equals(Caller.class);
  }

  @Override
  public Caller resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer mavContainer,
      NativeWebRequest webRequest,
      WebDataBinderFactory binderFactory) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt)) {
      throw new InsufficientAuthenticationException("A bearer token is required");
    }
    return fromJwt(jwt);
  }

  Caller fromJwt(Jwt jwt) {
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
