package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.uprengage.webapi.DemoApiTest;

/**
 * The API's bearer tokens in the quick start, with their validations remembered: each token still
 * speaks for its own person, and one past its expiry is refused.
 */
class BearerTokenApiTest extends DemoApiTest {

  @Autowired JwtDecoder decoder;
  @Autowired ClaimNames claims;

  @Value("${upr.security.internal-token-secret}")
  String secret;

  @Test
  void theTokensValidationIsRemembered() {
    assertThat(decoder).isInstanceOf(RememberedTokens.class);
  }

  @Test
  void eachTokenSpeaksForItsOwnPersonRequestAfterRequest() throws Exception {
    String amina =
        tokens
            .issue(new Caller("amina.focal", List.of("focal-point"), "UNICEF", List.of("GHA")))
            .value();
    String kofi =
        tokens.issue(new Caller("kofi.rco", List.of("coordinator"), null, List.of("GHA"))).value();

    for (int round = 0; round < 2; round++) {
      mvc.perform(get("/api/me").header("Authorization", "Bearer " + amina))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.username").value("amina.focal"));
      mvc.perform(get("/api/me").header("Authorization", "Bearer " + kofi))
          .andExpect(status().isOk())
          .andExpect(jsonPath("$.username").value("kofi.rco"));
    }
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String expired =
        // issued ten minutes ago for five
        new InternalTokens(
                secret,
                claims,
                Duration.ofMinutes(5),
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-10)))
            .issue(new Caller("amina.focal", List.of("focal-point"), "UNICEF", List.of("GHA")))
            .value();

    mvc.perform(get("/api/me").header("Authorization", "Bearer " + expired))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/api/me").header("Authorization", "Bearer " + expired))
        .andExpect(status().isUnauthorized());
  }
}
