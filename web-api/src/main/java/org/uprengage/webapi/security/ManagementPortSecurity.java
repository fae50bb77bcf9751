package org.uprengage.webapi.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * The management port ({@code management.server.port}: metrics, health, info) answers reads without
 * a token, because only the deployment reaches it (Prometheus, the orchestrator's probes), never
 * the load balancer; on the service port only the probes' own paths {@code /livez} and {@code
 * /readyz} answer without one. Where the management port is not set apart, nothing is opened here.
 */
@Configuration
class ManagementPortSecurity {

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain managementPortFilterChain(HttpSecurity http) throws Exception {
    return http.securityMatcher(
            new OrRequestMatcher(
                ManagementPortSecurity::onManagementPort,
                EndpointRequest.toAdditionalPaths(WebServerNamespace.SERVER, HealthEndpoint.class)))
        .authorizeHttpRequests(
            requests -> requests.requestMatchers(HttpMethod.GET).permitAll().anyRequest().denyAll())
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** Whether the request came in on the management server (Spring Boot's child context). */
  private static boolean onManagementPort(HttpServletRequest request) {
    WebApplicationContext context =
        WebApplicationContextUtils.getWebApplicationContext(request.getServletContext());
    return context != null
        && WebServerApplicationContext.hasServerNamespace(
            context, WebServerNamespace.MANAGEMENT.getValue());
  }
}
