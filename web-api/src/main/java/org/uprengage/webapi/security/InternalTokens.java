package org.uprengage.webapi.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Short-lived HS256 tokens that web-api issues in the quick start, for its own callers and for the
 * services behind it, which share the secret.
 */
public class InternalTokens {

  public static final String ISSUER = "upr-engage-web-api";

  private final NimbusJwtEncoder encoder;
  private final NimbusJwtDecoder decoder;
  private final ClaimNames claims;
  private final Duration lifetime;
  private final Clock clock;

  public InternalTokens(String secret, ClaimNames claims, Duration lifetime, Clock clock) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < 32) {
      throw new IllegalStateException(
          "upr.security.internal-token-secret must be at least 32 bytes");
    }
    SecretKey secretKey = new SecretKeySpec(key, "HmacSHA256");
    this.encoder = new NimbusJwtEncoder(new ImmutableSecret<>(secretKey));
    this.decoder =
        NimbusJwtDecoder.withSecretKey(secretKey).macAlgorithm(MacAlgorithm.HS256).build();
    this.decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
    this.claims = claims;
    this.lifetime = lifetime;
    this.clock = clock;
  }

  /** A signed token describing the caller. */
  public IssuedToken issue(Caller caller) {
    Instant now = clock.instant();
    JwtClaimsSet.Builder set =
        JwtClaimsSet.builder()
            .issuer(ISSUER)
            .subject(caller.username())
            .issuedAt(now)
            .expiresAt(now.plus(lifetime))
            .claim(claims.username(), caller.username())
            .claim(claims.roles(), caller.roles())
            .claim(claims.countryTeams(), caller.countryTeams());
    if (caller.agency() != null) {
      set.claim(claims.agency(), caller.agency());
    }
    String value =
        encoder
            .encode(
                JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), set.build()))
            .getTokenValue();
    return new IssuedToken(value, now.plus(lifetime));
  }

  public JwtDecoder decoder() {
    return decoder;
  }

  /** A token and when it stops being accepted. */
  public record IssuedToken(String value, Instant expiresAt) {}
}
