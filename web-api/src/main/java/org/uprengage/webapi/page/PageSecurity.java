package org.uprengage.webapi.page;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import org.uprengage.webapi.security.SignInThrottle;
import org.uprengage.webapi.security.SignInThrottleFilter;

/**
 * The pages' own security chain, beside the API's (which stays stateless): a session per person,
 * CSRF protection on every form, sign-out, and a strict content security policy (scripts and styles
 * from web-api only: no inline script, no inline style, no eval). Sign-in is the login form for the
 * demo users, or OpenID Connect with the identity provider of the API's tokens in {@code prod}.
 */
@Configuration
class PageSecurity {

  /** The addresses the pages' chain answers; everything else is the API's. */
  static final String[] PAGES = {
    "/",
    "/tasks/**",
    "/reviews/**",
    "/approvals",
    "/approvals/**",
    "/notifications",
    "/notifications/**",
    "/calendar",
    "/calendar/sessions/**",
    "/login",
    "/logout",
    "/oauth2/**",
    "/login/oauth2/**",
    "/assets/**",
    "/webjars/**"
  };

  /** The registration of web-api at the identity provider, in {@code prod}. */
  static final String REGISTRATION = "upr";

  @Bean
  @Order(1)
  SecurityFilterChain pageFilterChain(
      HttpSecurity http,
      Optional<ClientRegistrationRepository> identityProvider,
      SignInThrottle throttle,
      MessageSource messages,
      LocaleResolver locales,
      @Value("${spring.security.oauth2.client.provider.upr.issuer-uri:}") String issuer)
      throws Exception {
    http.securityMatcher(PAGES)
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/login", "/assets/**", "/webjars/**", "/oauth2/**", "/login/oauth2/**")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .headers(headers -> headers(headers, issuer))
        .exceptionHandling(
            exceptions -> exceptions.accessDeniedHandler(refused(messages, locales)));
    if (identityProvider.isPresent()) {
      OidcClientInitiatedLogoutSuccessHandler signedOut =
          new OidcClientInitiatedLogoutSuccessHandler(identityProvider.get());
      signedOut.setPostLogoutRedirectUri("{baseUrl}/");
      http.oauth2Login(
              login ->
                  login
                      .loginPage("/oauth2/authorization/" + REGISTRATION)
                      .failureUrl("/login?error"))
          .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut));
    } else {
      http.formLogin(
              login ->
                  login
                      .loginPage("/login")
                      .defaultSuccessUrl("/", false)
                      .failureUrl("/login?error"))
          .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
          .addFilterBefore(
              SignInThrottleFilter.loginForm(throttle), UsernamePasswordAuthenticationFilter.class);
    }
    return http.build();
  }

  /**
   * Spring Security's defaults (nosniff, frames denied, no caching, HSTS over HTTPS), and a content
   * security policy that lets a page load scripts, styles and images from web-api only; forms may
   * go to web-api, and in production to the identity provider (sign-out).
   */
  private static void headers(HeadersConfigurer<HttpSecurity> headers, String issuer) {
    String formAction = "'self'" + (issuer.isBlank() ? "" : " " + origin(issuer));
    headers
        .contentSecurityPolicy(
            csp ->
                csp.policyDirectives(
                    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; form-action "
                        + formAction
                        + "; frame-ancestors 'none'"))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
        .addHeaderWriter(
            new StaticHeadersWriter(
                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
  }

  /**
   * A refused request (a form without its CSRF token: expired, or not sent from these pages) as a
   * short page of its own, 403, in the person's language; never passed on to the error dispatch,
   * which is the API's (and would ask the browser for a password).
   */
  private static AccessDeniedHandler refused(MessageSource messages, LocaleResolver locales) {
    return (request, response, denied) -> {
      Locale locale = locales.resolveLocale(request);
      String title = HtmlUtils.htmlEscape(messages.getMessage("page.refused", null, locale));
      String detail =
          HtmlUtils.htmlEscape(messages.getMessage("page.refused.detail", null, locale));
      String back = HtmlUtils.htmlEscape(messages.getMessage("page.problem.back", null, locale));
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      response.setContentType("text/html;charset=UTF-8");
      response
          .getWriter()
          .write(
              "<!DOCTYPE html><html lang=\""
                  + locale.getLanguage()
                  + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                  + title
                  + "</title><link rel=\"stylesheet\" href=\""
                  + request.getContextPath()
                  + "/assets/pages.css\"></head><body><main id=\"main\" class=\"narrow\"><h1>"
                  + title
                  + "</h1><p>"
                  + detail
                  + "</p><p><a href=\""
                  + request.getContextPath()
                  + "/\">"
                  + back
                  + "</a></p></main></body></html>");
    };
  }

  private static String origin(String uri) {
    URI address = URI.create(uri);
    return address.getScheme() + "://" + address.getRawAuthority();
  }

  /** Production: the signed-in person's tokens live in their session and are refreshed there. */
  @Configuration
  @Profile("prod")
  static class SignedInTokens {

    @Bean
    OAuth2AuthorizedClientRepository authorizedClients() {
      return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    @Bean
    OAuth2AuthorizedClientManager authorizedClientManager(
        ClientRegistrationRepository registrations, OAuth2AuthorizedClientRepository clients) {
      DefaultOAuth2AuthorizedClientManager manager =
          new DefaultOAuth2AuthorizedClientManager(registrations, clients);
      manager.setAuthorizedClientProvider(
          OAuth2AuthorizedClientProviderBuilder.builder()
              .authorizationCode()
              .refreshToken()
              .build());
      return manager;
    }
  }
}
