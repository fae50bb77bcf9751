package org.uprengage.engine.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the audit on every API request. */
@Configuration
class AuditConfiguration implements WebMvcConfigurer {

  private final AuditInterceptor interceptor;

  AuditConfiguration(AuditInterceptor interceptor) {
    this.interceptor = interceptor;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(interceptor).addPathPatterns("/api/**");
  }
}
