package org.uprengage.engine.review;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Hand over to the next review": starts (or finds) the State's next review and records its id on
 * this one ({@code nextReviewId}, also a process variable); a closed country team's review ends
 * without one.
 */
@Component("handOverToNextReviewAdapter")
class HandOverToNextReviewAdapter implements JavaDelegate {

  static final String VAR_NEXT_REVIEW_ID = "nextReviewId";

  private final ReviewWorkflow reviews;

  HandOverToNextReviewAdapter(ReviewWorkflow reviews) {
    this.reviews = reviews;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    reviews
        .handOver(reviewId)
        .ifPresent(next -> execution.setVariable(VAR_NEXT_REVIEW_ID, next.toString()));
  }
}
