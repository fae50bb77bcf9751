package org.uprengage.webapi.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Bearer tokens always; HTTP Basic for the demo users in the quick start. Sessions are never
 * created: every request carries its credentials.
 */
@Configuration
class SecurityConfiguration {

  @Bean
  SecurityFilterChain apiSecurity(
      HttpSecurity http, Optional<UserDetailsService> demoUsers, SignInThrottle throttle)
      throws Exception {
    ProblemAuthenticationEntryPoint entryPoint =
        new ProblemAuthenticationEntryPoint(demoUsers.isPresent());
    http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET,
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/v3/api-docs.yaml",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    // calendar feeds: the private token in the address is the credential
                    .requestMatchers(HttpMethod.GET, "/calendar/*")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server -> server.jwt(Customizer.withDefaults()).authenticationEntryPoint(entryPoint))
        .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .headers(SecurityConfiguration::securityHeaders);
    if (demoUsers.isPresent()) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
      http.addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class);
    }
    return http.build();
  }

  /**
   * No observations of Spring Security's own steps: with tracing on, each request made four spans
   * and timers more (the filter chain before and after the application, authentication,
   * authorization), 7% of web-api's CPU samples under the task loop, that nothing reads. The
   * request's own observation (its trace, {@code http.server.requests}) and the call to the service
   * ({@code http.client.requests}, the trace carried on) stay; a refused request still counts in
   * {@code http.server.requests} with its status.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /**
   * Each bearer token's validation remembered for a short time, never past its expiry ({@link
   * RememberedTokens}): a caller's requests come in runs with one token, and each was validated
   * again.
   */
  @Bean
  static BeanPostProcessor rememberedTokenValidations(Environment environment) {
    return RememberedTokens.everyDecoder(environment);
  }

  /**
   * Beside Spring Security's defaults (nosniff, frames denied, no caching of answers, HSTS over
   * HTTPS): a content security policy that lets the API's answers load nothing at all, and Swagger
   * UI load only its own files; no referrer sent on; no powerful browser features.
   */
  private static void securityHeaders(HeadersConfigurer<HttpSecurity> headers) {
    RequestMatcher swaggerUi = request -> request.getRequestURI().startsWith("/swagger-ui");
    headers
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                swaggerUi,
                new StaticHeadersWriter(
                    "Content-Security-Policy",
                    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'")))
        .addHeaderWriter(
            new DelegatingRequestMatcherHeaderWriter(
                new NegatedRequestMatcher(swaggerUi),
                new StaticHeadersWriter(
                    "Content-Security-Policy",
                    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")))
        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
        .addHeaderWriter(
            new StaticHeadersWriter(
                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"))
        .addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"));
  }

  /** The quick start: demo users with one password, and tokens web-api signs itself. */
  @Configuration
  @Profile("demo")
  static class Demo {

    @Bean
    InternalTokens internalTokens(
        @Value("${upr.security.internal-token-secret}") String secret,
        @Value("${upr.security.internal-token-lifetime:PT1H}") Duration lifetime,
        ClaimNames claims) {
      return new InternalTokens(secret, claims, lifetime, Clock.systemUTC());
    }

    @Bean
    JwtDecoder internalTokenDecoder(InternalTokens tokens) {
      return tokens.decoder();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
      return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService demoUserDetails(DemoUsers users, PasswordEncoder encoder) {
      String hash = encoder.encode(users.password());
      return new InMemoryUserDetailsManager(
          users.users().stream()
              .map(user -> User.withUsername(user.username()).password(hash).roles("USER").build())
              .toList());
    }
  }
}
