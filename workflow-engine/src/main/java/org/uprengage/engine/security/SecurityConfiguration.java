package org.uprengage.engine.security;

import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every API call carries a bearer token. In the quick start web-api mints short-lived internal
 * tokens signed with a shared secret; in production it relays the identity provider's token, which
 * Spring Boot validates against {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}.
 */
@Configuration
class SecurityConfiguration implements WebMvcConfigurer {

  static final String INTERNAL_ISSUER = "upr-engage-web-api";

  private final AuthenticatedCaller callers;

  SecurityConfiguration(AuthenticatedCaller callers) {
    this.callers = callers;
  }

  /**
   * No observations of Spring Security's own steps (four spans and timers more a request, 6% of the
   * engine's CPU samples under the task loop, that nothing reads), as in web-api. The request's own
   * observation ({@code http.server.requests}, the trace web-api carries in) stays.
   */
  @Bean
  static SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET, "/actuator/health/**", "/actuator/health", "/actuator/info")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(server -> server.jwt(jwt -> {}))
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @Bean
  @ConditionalOnProperty("upr.security.internal-token-secret")
  JwtDecoder internalTokenDecoder(@Value("${upr.security.internal-token-secret}") String secret) {
    if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalStateException(
          "upr.security.internal-token-secret must be at least 32 bytes");
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(
                new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(INTERNAL_ISSUER)));
    return decoder;
  }

  /**
   * Each bearer token's validation remembered for a short time, never past its expiry ({@link
   * RememberedTokens}): a person's calls, relayed by web-api, come in runs with one token, and each
   * was validated again.
   */
  @Bean
  static BeanPostProcessor rememberedTokenValidations(Environment environment) {
    return RememberedTokens.everyDecoder(environment);
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(new CallerArgumentResolver(callers));
  }
}
