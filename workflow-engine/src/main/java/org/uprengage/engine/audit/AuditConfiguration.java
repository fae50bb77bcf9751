package org.uprengage.engine.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit on every API request. */
@Configuration
class AuditConfiguration implements WebMvcConfigurer {

  private final AuditTrail trail;
  private final String usernameClaim;

  AuditConfiguration(
      AuditTrail trail,
      @Value("${upr.security.claims.username:preferred_username}") String usernameClaim) {
    this.trail = trail;
    this.usernameClaim = usernameClaim;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new AuditInterceptor(trail, usernameClaim)).addPathPatterns("/api/**");
  }
}
