package org.uprengage.engine.recommendation;

import java.util.UUID;
import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/** A change to a review's register of recommendations. */
sealed interface RecommendationEvent extends OutboundEvent
    permits RecommendationsImported, RecommendationsAssigned {

  @Override
  default EventTopic topic() {
    return EventTopic.REVIEWS;
  }

  @Override
  default String subject(UUID reviewId) {
    return "reviews/" + reviewId + "/recommendations";
  }
}
