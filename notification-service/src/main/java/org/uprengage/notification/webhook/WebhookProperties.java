package org.uprengage.notification.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are delivered and which addresses they may reach.
 *
 * @param interval how often the sender looks for due deliveries
 * @param timeout how long one POST may take (connect and answer)
 * @param initialBackoff the wait after a delivery's first failure; doubled after each further one
 * @param maxBackoff the longest wait between two attempts of one delivery
 * @param maxAttempts attempts of one delivery before it is marked failed
 * @param maxConsecutiveFailures failed attempts in a row, across deliveries, that disable a
 *     subscription
 * @param allowLoopback whether URLs may reach this machine (127.0.0.0/8, ::1): demo and tests only
 * @param allowPrivateNetworks whether URLs may reach private, link-local and unique-local addresses
 * @param allowedHosts when not empty, the only host names URLs may use
 */
@ConfigurationProperties("upr.webhooks")
public record WebhookProperties(
    @DefaultValue("1s") Duration interval,
    @DefaultValue("10s") Duration timeout,
    @DefaultValue("30s") Duration initialBackoff,
    @DefaultValue("1h") Duration maxBackoff,
    @DefaultValue("10") int maxAttempts,
    @DefaultValue("10") int maxConsecutiveFailures,
    @DefaultValue("false") boolean allowLoopback,
    @DefaultValue("false") boolean allowPrivateNetworks,
    @DefaultValue List<String> allowedHosts) {

  /** The wait before attempt {@code attempts + 1}: initial, doubled each time, capped. */
  Duration backoff(int attempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
