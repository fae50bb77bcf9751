package org.uprengage.engine.review;

import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/** What happened to a review as a whole: it started, entered a stage, handed over. */
sealed interface ReviewEvent extends OutboundEvent
    permits ReviewStarted, StageEntered, ReviewHandedOver {

  @Override
  default EventTopic topic() {
    return EventTopic.REVIEWS;
  }
}
