package org.uprengage.notification.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries a bearer token: internal tokens from web-api in the quick start, the
 * identity provider's in production ({@code spring.security.oauth2.resourceserver.jwt.*}).
 */
@Configuration
class SecurityConfiguration {

  static final String INTERNAL_ISSUER = "upr-engage-web-api";

  @Bean
  SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
    return http.authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    // calendar feeds: the private token in the URL is the credential
                    .requestMatchers(HttpMethod.GET, "/calendar/*")
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
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      throw new IllegalStateException(
          "upr.security.internal-token-secret must be at least 32 bytes");
    }
    NimbusJwtDecoder decoder =
        NimbusJwtDecoder.withSecretKey(new SecretKeySpec(key, "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(INTERNAL_ISSUER));
    return decoder;
  }
}
