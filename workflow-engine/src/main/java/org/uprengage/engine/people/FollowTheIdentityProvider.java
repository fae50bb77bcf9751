package org.uprengage.engine.people;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.uprengage.engine.security.AuthenticatedCaller;

/**
 * As each API request arrives, brings the caller's directory entry in line with their token's
 * claims (a write only when they changed).
 */
@Configuration
class FollowTheIdentityProvider implements WebMvcConfigurer, HandlerInterceptor {

  private final AuthenticatedCaller callers;
  private final People people;

  FollowTheIdentityProvider(AuthenticatedCaller callers, People people) {
    this.callers = callers;
    this.people = people;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    callers.profile().ifPresent(people::follow);
    return true;
  }
}
