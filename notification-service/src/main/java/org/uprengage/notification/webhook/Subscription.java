package org.uprengage.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A webhook subscription as its owners see it. {@code secret} is only there in the answer to its
 * creation; {@code disabledReason} says why deliveries stopped.
 */
public record Subscription(
    UUID id,
    String countryTeam,
    String agency,
    String url,
    List<String> eventKinds,
    String status,
    String disabledReason,
    Instant disabledAt,
    int consecutiveFailures,
    String owner,
    Instant createdAt,
    String secret) {

  Subscription withSecret(String secret) {
    return new Subscription(
        id,
        countryTeam,
        agency,
        url,
        eventKinds,
        status,
        disabledReason,
        disabledAt,
        consecutiveFailures,
        owner,
        createdAt,
        secret);
  }
}
