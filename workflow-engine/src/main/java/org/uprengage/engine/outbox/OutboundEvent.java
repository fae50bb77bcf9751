package org.uprengage.engine.outbox;

import java.util.UUID;

/**
 * An event the engine publishes, one record per type, carrying ids and values; the outbox writes
 * its fields as the CloudEvent's data and adds {@code reviewId}, {@code sequence} and {@code
 * occurredAt}. A field that is null is left out.
 */
public interface OutboundEvent {

  /** The CloudEvents {@code type}, such as {@code org.uprengage.task.claimed.v1}. */
  String type();

  /** The topic it is published to. */
  EventTopic topic();

  /** The CloudEvents {@code subject}: what in the review it is about. */
  default String subject(UUID reviewId) {
    return "reviews/" + reviewId;
  }
}
