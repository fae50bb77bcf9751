package org.uprengage.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How each delivery is signed: {@code sha256=} then the lower-case hex HMAC-SHA256, keyed with the
 * subscription's secret (its UTF-8 bytes, prefix included), of {@code <timestamp>.<body>}, where
 * the timestamp is the {@value #TIMESTAMP} header (Unix seconds) and the body the exact bytes
 * posted.
 */
final class WebhookSignature {

  static final String ID = "UPR-Webhook-Id";
  static final String TIMESTAMP = "UPR-Webhook-Timestamp";
  static final String SIGNATURE = "UPR-Webhook-Signature";

  private WebhookSignature() {}

  static String sign(String secret, long timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
