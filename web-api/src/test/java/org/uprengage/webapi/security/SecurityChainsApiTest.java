package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.uprengage.webapi.DemoApiTest;

/**
 * Which of web-api's security chains serves which address (the pages' chain: a session, CSRF, the
 * sign-in page; the API's: bearer tokens, no session), matched on the path alone: no lookup of
 * Spring MVC's handler mappings for it (PathMatchedSecurity).
 */
class SecurityChainsApiTest extends DemoApiTest {

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

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "/, pages",
    "/tasks, pages",
    "/tasks/abc-123, pages",
    "/tasks/abc-123/claim, pages",
    "/reviews/d9f1c1c4-8e1e-4a4e-9d55-2f0f4f8f0a11/recommendations, pages",
    "/approvals, pages",
    "/approvals/abc-123, pages",
    "/notifications, pages",
    "/notifications/stream, pages",
    "/calendar, pages",
    "/calendar/sessions/70, pages",
    "/login, pages",
    "/logout, pages",
    "/oauth2/authorization/upr, pages",
    "/login/oauth2/code/upr, pages",
    "/assets/pages.css, pages",
    "/webjars/htmx.org/dist/htmx.min.js, pages",
    "/api/tasks, api",
    "/api/tasks/abc-123/claim, api",
    "/api/notifications/stream, api",
    "/api/auth/token, api",
    "/calendar/3f2a9c0e7b, api",
    "/v3/api-docs, api",
    "/swagger-ui/index.html, api",
    "/approvalsx, api",
    "/taskssomething, api"
  })
  void eachAddressIsServedByItsChain(String path, String expected) {
    SecurityFilterChain chain =
        firstMatching(new MockHttpServletRequest(servletContext, "GET", path));
    assertThat(kind(chain)).isEqualTo(expected);
    assertThat(((DefaultSecurityFilterChain) chain).getRequestMatcher().toString())
        .as("matched on the path, not through Spring MVC's handler mappings")
        .doesNotContain("Mvc");
  }

  @Test
  void aPageAsksForASignInAndTheApiForCredentials() throws Exception {
    mvc.perform(get("/tasks"))
        .andExpect(status().isFound())
        .andExpect(header().string("Location", endsWith("/login")));
    mvc.perform(get("/api/tasks")).andExpect(status().isUnauthorized());
  }

  private SecurityFilterChain firstMatching(MockHttpServletRequest request) {
    return ((FilterChainProxy) securityFilter)
        .getFilterChains().stream()
            .filter(chain -> chain.matches(request))
            .findFirst()
            .orElseThrow();
  }

  private static String kind(SecurityFilterChain chain) {
    if (chain.getFilters().stream().anyMatch(CsrfFilter.class::isInstance)) {
      return "pages";
    }
    if (chain.getFilters().stream().anyMatch(BearerTokenAuthenticationFilter.class::isInstance)) {
      return "api";
    }
    return "other";
  }
}
