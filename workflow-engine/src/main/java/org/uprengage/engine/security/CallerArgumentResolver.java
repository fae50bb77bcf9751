package org.uprengage.engine.security;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Lets controllers take a {@link Caller} parameter, read from the validated token's claims. */
class CallerArgumentResolver implements HandlerMethodArgumentResolver {

  private final AuthenticatedCaller callers;

  CallerArgumentResolver(AuthenticatedCaller callers) {
    this.callers = callers;
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
    return callers
        .current()
        .orElseThrow(() -> new InsufficientAuthenticationException("A bearer token is required"));
  }
}
