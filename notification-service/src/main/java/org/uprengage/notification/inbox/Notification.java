package org.uprengage.notification.inbox;

import java.time.Instant;
import java.util.UUID;

/** One message in a person's inbox. */
public record Notification(
    UUID id,
    String kind,
    String title,
    String body,
    UUID reviewId,
    String taskId,
    Instant occurredAt,
    Instant createdAt,
    Instant readAt) {}
