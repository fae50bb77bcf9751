package org.uprengage.notification.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A record parked on a dead-letter topic: the topic it came from, the event it carries (its
 * CloudEvents id and type, where it had them), why it was parked, and whether and by whom it was
 * replayed. The value is cut at {@value DeadLetters#MAX_VALUE} characters.
 */
public record DeadLetter(
    UUID id,
    String topic,
    String key,
    String eventId,
    String eventType,
    String reason,
    String exception,
    String value,
    Instant parkedAt,
    Instant replayedAt,
    String replayedBy) {}
