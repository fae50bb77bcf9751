package org.uprengage.notification.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.uprengage.testsupport.IdentityProviderStub;

/**
 * In production a token counts only if the identity provider issued it for this platform's
 * audience, found through the provider's discovery document.
 */
class ProductionTokensTest {

  private static final IdentityProviderStub idp = new IdentityProviderStub();
  private final JwtDecoder decoder =
      SecurityConfiguration.productionDecoder(idp.issuer(), "upr-engage");

  @Test
  void aTokenForThisAudienceIsTaken() throws Exception {
    assertThat(
            decoder
                .decode(
                    idp.token(idp.issuer(), Map.of("sub", "kofi", "aud", List.of("upr-engage"))))
                .getSubject())
        .isEqualTo("kofi");
  }

  @Test
  void aTokenForAnotherAudienceOrNoneIsNot() throws Exception {
    String other = idp.token(idp.issuer(), Map.of("sub", "kofi", "aud", List.of("payroll")));
    String none = idp.token(idp.issuer(), Map.of("sub", "kofi"));
    assertThatThrownBy(() -> decoder.decode(other)).isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> decoder.decode(none)).isInstanceOf(JwtValidationException.class);
  }
}
