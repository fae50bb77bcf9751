package org.uprengage.notification.webhook;

import java.time.Instant;
import java.util.UUID;

/** One event posted (or to be posted) to one subscription, with how its attempts went. */
public record Delivery(
    UUID id,
    String eventId,
    String eventType,
    String status,
    int attempts,
    Integer lastStatusCode,
    String lastError,
    Instant createdAt,
    Instant nextAttemptAt,
    Instant deliveredAt) {}
