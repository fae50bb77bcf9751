package org.uprengage.engine.deadline;

import org.uprengage.engine.outbox.EventTopic;
import org.uprengage.engine.outbox.OutboundEvent;

/** What a review's deadlines did: one comes close, one passed, one moved. */
sealed interface DeadlineEvent extends OutboundEvent permits DeadlineAlertEvent, DeadlineChanged {

  @Override
  default EventTopic topic() {
    return EventTopic.DEADLINES;
  }
}
