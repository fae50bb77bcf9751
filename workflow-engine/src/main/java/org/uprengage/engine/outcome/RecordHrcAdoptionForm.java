package org.uprengage.engine.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.DateAndReferenceForm;
import org.uprengage.engine.task.FormField;

/** "Record the HRC adoption": the day the plenary adopted the outcome, and the decision. */
@Component
class RecordHrcAdoptionForm extends DateAndReferenceForm {

  private static final FormField ADOPTED_ON =
      new FormField(
          "adoptedOn", "date", true, "The day the HRC plenary adopted the outcome", null, null);
  private static final FormField SYMBOL =
      new FormField(
          "decisionSymbol", "string", false, "The HRC decision's symbol, e.g. 59/101", 100, null);

  private final ReviewOutcomes outcomes;

  RecordHrcAdoptionForm(ReviewOutcomes outcomes, Clock clock) {
    super(ADOPTED_ON, SYMBOL, clock);
    this.outcomes = outcomes;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_RECORD_HRC_ADOPTION);
  }

  @Override
  protected void record(Caller caller, TaskContext task, LocalDate on, String symbol) {
    outcomes.recordHrcAdoption(task.reviewId(), on, symbol, caller.username());
  }
}
