package org.uprengage.engine.deadline;

import java.util.UUID;

/** What a deadline watch raises when it fires: about the watched task, or its milestone. */
sealed interface DeadlineAlertEvent extends DeadlineEvent
    permits DeadlineApproaching, DeadlineMissed {

  DeadlineAlert alert();

  @Override
  default String subject(UUID reviewId) {
    return alert().subject(reviewId);
  }
}
