package org.uprengage.webapi.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A bearer token's validation remembered for a short time, so that a caller's run of requests with
 * one token is validated once (signature, issuer, audience, expiry) rather than on every request.
 * An entry is kept for {@code lifetime} at most and never past the token's own expiry; it is keyed
 * by the token's SHA-256 and holds the token itself, which a hit must equal. A token that fails
 * validation is never remembered, and one without an expiry is validated every time. A deliberate
 * copy, the same in web-api and in workflow-engine (DeliberateCopiesTest in web-api).
 */
public final class RememberedTokens implements JwtDecoder {

  private static final MessageDigest SHA_256 = sha256Prototype();

  private final JwtDecoder validator;
  private final Duration lifetime;
  private final int capacity;
  private final Clock clock;
  private final ConcurrentHashMap<ByteBuffer, Remembered> remembered = new ConcurrentHashMap<>();

  /**
   * @param validator validates a token not remembered (or no longer)
   * @param lifetime how long a validation is remembered at most
   * @param capacity how many tokens are remembered at most
   */
  public RememberedTokens(JwtDecoder validator, Duration lifetime, int capacity, Clock clock) {
    if (lifetime.isNegative() || capacity < 1) {
      throw new IllegalArgumentException("lifetime must not be negative, capacity at least 1");
    }
    this.validator = validator;
    this.lifetime = lifetime;
    this.capacity = capacity;
    this.clock = clock;
  }

  /**
   * Wraps every bearer token decoder of the application (the internal tokens' in the quick start,
   * Spring Boot's for the identity provider in production) so that it remembers its validations for
   * {@code upr.security.token-validation-lifetime} (30 s by default; 0 remembers nothing), 10,000
   * tokens at most.
   */
  public static BeanPostProcessor everyDecoder(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof JwtDecoder decoder && !(bean instanceof RememberedTokens)) {
          Duration lifetime =
              environment.getProperty(
                  "upr.security.token-validation-lifetime", Duration.class, Duration.ofSeconds(30));
          return new RememberedTokens(decoder, lifetime, 10_000, Clock.systemUTC());
        }
        return bean;
      }
    };
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    if (token == null) {
      return validator.decode(null);
    }
    ByteBuffer key = sha256(token);
    Instant now = clock.instant();
    Remembered known = remembered.get(key);
    if (known != null) {
      if (now.isBefore(known.until()) && known.jwt().getTokenValue().equals(token)) {
        return known.jwt();
      }
      remembered.remove(key, known);
    }
    Jwt jwt = validator.decode(token);
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt != null && !lifetime.isZero()) {
      Instant until = now.plus(lifetime);
      if (expiresAt.isBefore(until)) {
        until = expiresAt;
      }
      if (now.isBefore(until)) {
        if (remembered.size() >= capacity) {
          forgetEnded(now);
        }
        remembered.put(key, new Remembered(jwt, until));
      }
    }
    return jwt;
  }

  /** How many tokens are remembered now (ended ones included until the next clean-up). */
  int size() {
    return remembered.size();
  }

  /** Forgets the tokens whose time is up; all of them where that leaves no room. */
  private void forgetEnded(Instant now) {
    remembered.values().removeIf(entry -> !now.isBefore(entry.until()));
    if (remembered.size() >= capacity) {
      remembered.clear();
    }
  }

  /** A copy of an unused SHA-256 digest: cheaper than asking the security providers each time. */
  private static ByteBuffer sha256(String token) {
    try {
      MessageDigest digest = (MessageDigest) SHA_256.clone();
      return ByteBuffer.wrap(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("The runtime's SHA-256 cannot be copied", e);
    }
  }

  private static MessageDigest sha256Prototype() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private record Remembered(Jwt jwt, Instant until) {}
}
