package org.uprengage.engine.review;

import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outbox.EventTopics;

/**
 * Raises "stage entered" as {@code upr-review} enters one of its later stages (a call activity's
 * start), in the engine's transaction. The first stage, the submission, begins with "review
 * started".
 */
@Component("reviewStageListener")
class ReviewStageListener implements ExecutionListener {

  static final String STAGE_ENTERED = "org.uprengage.review.stage-entered.v1";

  private final EventOutbox outbox;
  private final EventTopics topics;

  ReviewStageListener(EventOutbox outbox, EventTopics topics) {
    this.outbox = outbox;
    this.topics = topics;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String stage = ReviewProcess.STAGES.get(execution.getCurrentActivityId());
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    outbox.append(
        topics.reviews(),
        reviewId,
        STAGE_ENTERED,
        "reviews/" + reviewId + "/stages/" + stage,
        Map.of("stage", stage, "countryTeam", execution.getTenantId()));
  }
}
