package org.uprengage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * The engine's API chain (bearer tokens) serves its API, matched on the path alone: no lookup of
 * Spring MVC's handler mappings for it (PathMatchedSecurity, as in web-api).
 */
class SecurityChainsTest extends EngineIntegrationTest {

  @Autowired
  @Qualifier("springSecurityFilterChain")
  Filter securityFilter;

  @Autowired ServletContext servletContext;

  @Test
  void noHandlerLookupRunsBeforeTheChains() {
    assertThat(securityFilter.getClass().getName())
        .as("Spring Security's filter, not wrapped in the handler lookup filter of its MVC support")
        .isIn(
            FilterChainProxy.class.getName(),
            // FilterChainProxy after ServletRequestPathFilter (the path parsed once)
            "org.springframework.security.config.annotation.web.configuration.WebSecurityConfiguration$CompositeFilterChainProxy");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/tasks",
        "/api/tasks/abc-123/claim",
        "/api/reviews",
        "/actuator/health",
        "/actuator/prometheus"
      })
  void theApiChainServesTheServicePort(String path) {
    SecurityFilterChain chain =
        ((FilterChainProxy) securityFilter)
            .getFilterChains().stream()
                .filter(
                    candidate ->
                        candidate.matches(new MockHttpServletRequest(servletContext, "GET", path)))
                .findFirst()
                .orElseThrow();
    assertThat(chain.getFilters()).anyMatch(BearerTokenAuthenticationFilter.class::isInstance);
  }

  @Test
  void theApiAsksForAToken() throws Exception {
    mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized());
  }
}
