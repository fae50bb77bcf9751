package org.uprengage.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each delivery is signed, as Standard Webhooks (www.standardwebhooks.com) says: the headers
 * {@value #ID} (the delivery's id, the same on every retry), {@value #TIMESTAMP} (Unix seconds of
 * this attempt) and {@value #SIGNATURE}, {@code v1,} then the base64 HMAC-SHA256 of {@code
 * <id>.<timestamp>.<body>}, keyed with the base64-decoded part of the secret after {@value
 * #SECRET_PREFIX}. Signing the id too means a delivery replayed under another id does not verify.
 */
final class WebhookSignature {

  static final String ID = "webhook-id";
  static final String TIMESTAMP = "webhook-timestamp";
  static final String SIGNATURE = "webhook-signature";
  static final String SECRET_PREFIX = "whsec_";

  /** Random bytes of a new secret: within the 24 to 64 the scheme asks for. */
  static final int SECRET_BYTES = 32;

  private static final String HMAC_SHA256 = "HmacSHA256";
  private static final SecureRandom random = new SecureRandom();

  private WebhookSignature() {}

  /**
   * A new secret: {@value #SECRET_PREFIX} and the base64 of {@value #SECRET_BYTES} random bytes.
   */
  static String newSecret() {
    byte[] key = new byte[SECRET_BYTES];
    random.nextBytes(key);
    return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
  }

  /** The {@value #SIGNATURE} header's value for one attempt of one delivery. */
  static String sign(String secret, String id, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance(HMAC_SHA256);
      mac.init(new SecretKeySpec(key(secret), HMAC_SHA256));
      byte[] digest =
          mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "v1," + Base64.getEncoder().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] key(String secret) {
    if (!secret.startsWith(SECRET_PREFIX)) {
      throw new IllegalArgumentException("a webhook secret starts with " + SECRET_PREFIX);
    }
    return Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
  }
}
