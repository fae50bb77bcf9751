package org.uprengage.notification.security;

import java.nio.charset.StandardCharsets;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every API call carries a bearer token: internal tokens from web-api in the quick start, the
 * identity provider's in production ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}
 * and {@code upr.security.jwt.audience}); {@link StartupRefusals} says when it may not start.
 */
@Configuration
class SecurityConfiguration {

  static final String INTERNAL_ISSUER = "upr-engage-web-api";
  static final String PRODUCTION = "prod";

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
        .csrf(AbstractHttpConfigurer::disable)
        .build();
  }

  /**
   * Production: the identity provider's tokens, found through its discovery document when first
   * needed, for this issuer and issued for this audience ({@code UPR_JWT_AUDIENCE}) only.
   */
  @Bean
  @Profile(PRODUCTION)
  JwtDecoder productionTokenDecoder(
      @Value("${spring.security.oauth2.resourceserver.jwt.issuer-uri}") String issuer,
      @Value("${upr.security.jwt.audience}") String audience) {
    return productionDecoder(issuer, audience);
  }

  static JwtDecoder productionDecoder(String issuer, String audience) {
    return new SupplierJwtDecoder(
        () -> {
          NimbusJwtDecoder decoder = JwtDecoders.fromIssuerLocation(issuer);
          decoder.setJwtValidator(
              new DelegatingOAuth2TokenValidator<>(
                  JwtValidators.createDefaultWithIssuer(issuer),
                  new JwtAudienceValidator(audience)));
          return decoder;
        });
  }

  @Bean
  @Profile("!" + PRODUCTION)
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
