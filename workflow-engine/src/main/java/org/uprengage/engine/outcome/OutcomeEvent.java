package org.uprengage.engine.outcome;

import java.util.UUID;
import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/** A part of a review's outcome, recorded by the coordinator. */
sealed interface OutcomeEvent extends OutboundEvent
    permits RecommendationsRecorded, PositionsRecorded, OutcomeAdopted, MidTermReportRecorded {

  @Override
  default EventTopic topic() {
    return EventTopic.REVIEWS;
  }

  @Override
  default String subject(UUID reviewId) {
    return "reviews/" + reviewId + "/outcome";
  }
}
