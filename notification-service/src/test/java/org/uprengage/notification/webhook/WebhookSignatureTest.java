package org.uprengage.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Deliveries are signed as Standard Webhooks says, checked with the scheme's reference library: a
 * delivery verifies, and one whose id, timestamp or body was changed does not.
 */
class WebhookSignatureTest {

  private static final String BODY =
      "{\"specversion\":\"1.0\",\"id\":\"e1\",\"type\":\"org.uprengage.task.created.v1\"}";

  private final String secret = WebhookSignature.newSecret();
  private final String id = UUID.randomUUID().toString();
  private final long now = Instant.now().getEpochSecond();

  @Test
  void aSecretIsWhsecAndTheBase64OfEnoughRandomBytes() {
    assertThat(secret).startsWith("whsec_");
    byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    assertThat(key.length).isBetween(24, 64);
    assertThat(WebhookSignature.newSecret()).isNotEqualTo(secret);
  }

  @Test
  void aSignedDeliveryVerifiesWithTheReferenceLibrary() throws Exception {
    String signature = WebhookSignature.sign(secret, id, now, BODY);
    new Webhook(secret).verify(BODY, headers(id, now, signature));
    assertThat(signature).isEqualTo(new Webhook(secret).sign(id, now, BODY));
  }

  @Test
  void aDeliveryWithAnotherIdTimestampOrBodyOrSecretDoesNotVerify() {
    String signature = WebhookSignature.sign(secret, id, now, BODY);
    Webhook receiver = new Webhook(secret);
    assertThatThrownBy(
            () -> receiver.verify(BODY, headers(UUID.randomUUID().toString(), now, signature)))
        .as("replayed under another id")
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> receiver.verify(BODY, headers(id, now - 1, signature)))
        .as("another timestamp")
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(() -> receiver.verify(BODY.replace("e1", "e2"), headers(id, now, signature)))
        .as("another body")
        .isInstanceOf(WebhookVerificationException.class);
    assertThatThrownBy(
            () ->
                new Webhook(WebhookSignature.newSecret()).verify(BODY, headers(id, now, signature)))
        .as("another secret")
        .isInstanceOf(WebhookVerificationException.class);
  }

  @Test
  void aDeliverySignedLongAgoIsRefusedAsAReplay() {
    long old = now - 600;
    String signature = WebhookSignature.sign(secret, id, old, BODY);
    assertThatThrownBy(() -> new Webhook(secret).verify(BODY, headers(id, old, signature)))
        .isInstanceOf(WebhookVerificationException.class);
  }

  private static Map<String, List<String>> headers(String id, long timestamp, String signature) {
    return Map.of(
        "webhook-id", List.of(id),
        "webhook-timestamp", List.of(Long.toString(timestamp)),
        "webhook-signature", List.of(signature));
  }
}
