package org.uprengage.engine.submission;

import java.util.UUID;
import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/** What happened to a review's joint submission: a decision on a round, or its sending. */
sealed interface SubmissionEvent extends OutboundEvent
    permits SubmissionApproved, SubmissionSentBack, SubmissionSubmitted {

  @Override
  default EventTopic topic() {
    return EventTopic.REVIEWS;
  }

  @Override
  default String subject(UUID reviewId) {
    return "reviews/" + reviewId + "/submission";
  }
}
