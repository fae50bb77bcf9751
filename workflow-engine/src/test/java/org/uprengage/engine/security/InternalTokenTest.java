package org.uprengage.engine.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.uprengage.engine.EngineIntegrationTest;

/**
 * The engine validates the internal tokens web-api signs: signature, issuer and expiry, each
 * token's validation remembered for a short time (RememberedTokens, tested as web-api's copy).
 */
class InternalTokenTest extends EngineIntegrationTest {

  @Value("${upr.security.internal-token-secret}")
  String secret;

  @Autowired JwtDecoder decoder;

  @Test
  void aTokensValidationIsRemembered() {
    assertThat(decoder).isInstanceOf(RememberedTokens.class);
  }

  @Test
  void anExpiredTokenOfAPersonWhoseValidTokenIsRememberedIsRejected() throws Exception {
    String valid = token(secret, "upr-engage-web-api", 300);
    String expired = token(secret, "upr-engage-web-api", -600);
    mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + valid))
        .andExpect(status().isOk());
    mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + expired))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/tasks").header("Authorization", "Bearer " + valid))
        .andExpect(status().isOk());
  }

  @Test
  void aTokenSignedWithTheSharedSecretIsAccepted() throws Exception {
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", "Bearer " + token(secret, "upr-engage-web-api", 300)))
        .andExpect(status().isOk());
  }

  @Test
  void aTokenSignedWithAnotherSecretIsRejected() throws Exception {
    mvc.perform(
            get("/api/tasks")
                .header(
                    "Authorization",
                    "Bearer "
                        + token(
                            "another-secret-of-at-least-32-bytes!!", "upr-engage-web-api", 300)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() throws Exception {
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", "Bearer " + token(secret, "someone-else", 300)))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anExpiredTokenIsRejected() throws Exception {
    mvc.perform(
            get("/api/tasks")
                .header("Authorization", "Bearer " + token(secret, "upr-engage-web-api", -600)))
        .andExpect(status().isUnauthorized());
  }

  private static String token(String secret, String issuer, long secondsValid) throws Exception {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("coordinator")
            .claim("preferred_username", "coordinator")
            .claim("roles", List.of("coordinator"))
            .claim("country_teams", List.of("GHA"))
            .issueTime(Date.from(now.minusSeconds(Math.max(0, -secondsValid) + 60)))
            .expirationTime(Date.from(now.plusSeconds(secondsValid)))
            .build();
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }
}
