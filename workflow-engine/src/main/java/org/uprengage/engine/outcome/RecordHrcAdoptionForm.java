package org.uprengage.engine.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;

/** "Record the HRC adoption": the day the plenary adopted the outcome, and the decision. */
@Component
class RecordHrcAdoptionForm implements TaskForm {

  private static final FormField ADOPTED_ON =
      new FormField(
          "adoptedOn", "date", true, "The day the HRC plenary adopted the outcome", null, null);
  private static final FormField SYMBOL =
      new FormField(
          "decisionSymbol", "string", false, "The HRC decision's symbol, e.g. 59/101", 100, null);

  private final ReviewOutcomes outcomes;
  private final Clock clock;

  RecordHrcAdoptionForm(ReviewOutcomes outcomes, Clock clock) {
    this.outcomes = outcomes;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_RECORD_HRC_ADOPTION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(ADOPTED_ON, SYMBOL);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    LocalDate adoptedOn = input.pastDate(ADOPTED_ON, clock);
    String symbol = input.string(SYMBOL);
    input.throwIfInvalid();
    outcomes.recordHrcAdoption(task.reviewId(), adoptedOn, symbol, caller.username());
    return Map.of();
  }
}
