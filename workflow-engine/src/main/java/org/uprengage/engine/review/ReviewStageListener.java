package org.uprengage.engine.review;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;

/**
 * Raises "stage entered" as {@code upr-review} enters one of its later stages (a call activity's
 * start), in the engine's transaction. The first stage, the submission, begins with "review
 * started".
 */
@Component("reviewStageListener")
class ReviewStageListener implements ExecutionListener {

  private final EventOutbox outbox;

  ReviewStageListener(EventOutbox outbox) {
    this.outbox = outbox;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String stage = ReviewProcess.STAGES.get(execution.getCurrentActivityId());
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    outbox.append(reviewId, new StageEntered(stage, execution.getTenantId()));
  }
}
