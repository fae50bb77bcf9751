package org.uprengage.webapi.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

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
        .csrf(csrf -> csrf.disable());
    if (demoUsers.isPresent()) {
      http.httpBasic(basic -> basic.authenticationEntryPoint(entryPoint));
      http.addFilterBefore(new SignInThrottleFilter(throttle), BasicAuthenticationFilter.class);
    }
    return http.build();
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
