package org.uprengage.notification.retention;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * This service's retention settings ({@code upr.retention}), each how long a finished row stays.
 *
 * @param emailsSent e-mails sent (counted from when they went)
 * @param webhookDeliveries webhook deliveries delivered or given up (from when they were queued)
 * @param processedEvents ids of processed events, which make a redelivered event notify nobody
 *     twice: keep them longer than the topics keep their records ({@code retention.ms})
 * @param deadLettersReplayed dead letters replayed (from when they were replayed)
 */
@ConfigurationProperties("upr.retention")
record RetentionSettings(
    Duration emailsSent,
    Duration webhookDeliveries,
    Duration processedEvents,
    Duration deadLettersReplayed) {

  RetentionSettings {
    positive("emails-sent", emailsSent);
    positive("webhook-deliveries", webhookDeliveries);
    positive("processed-events", processedEvents);
    positive("dead-letters-replayed", deadLettersReplayed);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("upr.retention." + name + " must be positive");
    }
  }
}
