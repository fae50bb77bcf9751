package org.uprengage.webapi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * A token's validation remembered: never past the token's expiry nor the lifetime given, never for
 * another token, never for a token that failed.
 */
class RememberedTokensTest {

  static final String SECRET = "a-secret-for-the-remembered-tokens-test";
  static final ClaimNames CLAIMS =
      new ClaimNames(
          "preferred_username",
          "name",
          "roles",
          "agency",
          "country_teams",
          "email",
          "locale",
          "zoneinfo");
  static final Caller AMINA = new Caller("amina", List.of("focal-point"), "UNICEF", List.of("GHA"));
  static final Caller KOFI = new Caller("kofi", List.of("coordinator"), null, List.of("GHA"));

  final MovableClock clock = new MovableClock(Instant.now());
  final AtomicInteger validations = new AtomicInteger();
  final JwtDecoder validator = countingValidator();

  @Test
  void aTokenIsValidatedOnceWhileItIsRemembered() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofSeconds(30), 100, clock);
    String token = issue(AMINA, Duration.ofMinutes(10));

    Jwt first = tokens.decode(token);
    clock.advance(Duration.ofSeconds(29));
    Jwt second = tokens.decode(token);

    assertThat(second).isSameAs(first);
    assertThat(validations).hasValue(1);
  }

  @Test
  void aTokenIsValidatedAgainOnceItsLifetimeIsOver() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofSeconds(30), 100, clock);
    String token = issue(AMINA, Duration.ofMinutes(10));

    tokens.decode(token);
    clock.advance(Duration.ofSeconds(30));
    tokens.decode(token);

    assertThat(validations).hasValue(2);
  }

  @Test
  void anExpiredTokenIsRefusedEvenThoughItWasRemembered() {
    // remembered for longer than the token lives: its expiry ends the entry first
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofHours(1), 100, clock);
    String token = issue(AMINA, Duration.ofSeconds(20));
    tokens.decode(token);

    clock.advance(Duration.ofSeconds(21));

    assertThatThrownBy(() -> tokens.decode(token))
        .isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void anotherTokenIsNotTakenForARememberedOne() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofSeconds(30), 100, clock);
    String amina = issue(AMINA, Duration.ofMinutes(10));
    String kofi = issue(KOFI, Duration.ofMinutes(10));

    assertThat(tokens.decode(amina).getSubject()).isEqualTo("amina");
    assertThat(tokens.decode(kofi).getSubject()).isEqualTo("kofi");
    assertThat(tokens.decode(amina).getSubject()).isEqualTo("amina");
    assertThat(tokens.decode(kofi).getTokenValue()).isEqualTo(kofi);
    assertThat(validations).hasValue(2);
  }

  @Test
  void aRememberedTokenWithAnotherSignatureIsRefused() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofSeconds(30), 100, clock);
    String token = issue(AMINA, Duration.ofMinutes(10));
    tokens.decode(token);
    String forged =
        token.substring(0, token.lastIndexOf('.') + 1)
            + "AAAA"
            + token.substring(token.lastIndexOf('.') + 5);

    assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
  }

  @Test
  void aRefusedTokenIsNotRemembered() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofSeconds(30), 100, clock);
    String token = issue(AMINA, Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(11));

    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aZeroLifetimeRemembersNothing() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ZERO, 100, clock);
    String token = issue(AMINA, Duration.ofMinutes(10));

    tokens.decode(token);
    tokens.decode(token);

    assertThat(validations).hasValue(2);
  }

  @Test
  void noMoreTokensThanTheCapacityAreRemembered() {
    RememberedTokens tokens = new RememberedTokens(validator, Duration.ofSeconds(30), 3, clock);
    for (int i = 0; i < 10; i++) {
      tokens.decode(
          issue(
              new Caller("person" + i, List.of("focal-point"), "UNICEF", List.of("GHA")),
              Duration.ofMinutes(10)));
    }

    assertThat(tokens.size()).isLessThanOrEqualTo(3);
  }

  private String issue(Caller caller, Duration lifetime) {
    return new InternalTokens(SECRET, CLAIMS, lifetime, clock).issue(caller).value();
  }

  /**
   * The internal tokens' validation (signature, issuer, expiry without leeway) on the test's clock.
   */
  private JwtDecoder countingValidator() {
    NimbusJwtDecoder nimbus =
        NimbusJwtDecoder.withSecretKey(
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"))
            .macAlgorithm(MacAlgorithm.HS256)
            .build();
    JwtTimestampValidator expiry = new JwtTimestampValidator(Duration.ZERO);
    expiry.setClock(clock);
    nimbus.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            expiry, new JwtIssuerValidator(InternalTokens.ISSUER)));
    return token -> {
      validations.incrementAndGet();
      return nimbus.decode(token);
    };
  }

  /** A clock the test moves on. */
  static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
