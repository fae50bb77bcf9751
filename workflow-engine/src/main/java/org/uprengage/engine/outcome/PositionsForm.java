package org.uprengage.engine.outcome;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;

/**
 * "Record the positions given by the early deadline" and "Record the positions in the addendum":
 * how many recommendations the State supported and noted; the rest are still pending. Together they
 * cannot exceed the recommendations recorded.
 */
@Component
class PositionsForm implements TaskForm {

  private static final FormField SUPPORTED =
      new FormField("supported", "integer", true, "Recommendations the State supports", null, null);
  private static final FormField NOTED =
      new FormField("noted", "integer", true, "Recommendations the State notes", null, null);
  private static final FormField SYMBOL =
      new FormField(
          "addendumSymbol",
          "string",
          false,
          "The addendum's symbol, e.g. A/HRC/59/15/Add.1",
          100,
          null);

  private final ReviewOutcomes outcomes;

  PositionsForm(ReviewOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(
        ReviewProcess.TASK_RECORD_EARLY_POSITIONS, ReviewProcess.TASK_RECORD_FINAL_POSITIONS);
  }

  @Override
  public List<FormField> fields() {
    return List.of(SUPPORTED, NOTED, SYMBOL);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    int max = RecordRecommendationsForm.MAX_RECOMMENDATIONS;
    Integer supported = input.integer(SUPPORTED, 0, max);
    Integer noted = input.integer(NOTED, 0, max);
    String symbol = input.string(SYMBOL);
    Object recorded = task.variables().get(ReviewProcess.VAR_RECOMMENDATION_COUNT);
    if (supported != null
        && noted != null
        && recorded instanceof Number count
        && supported + noted > count.intValue()) {
      input.reject(
          NOTED.name(),
          "supported and noted together ("
              + (supported + noted)
              + ") exceed the "
              + count
              + " recommendations recorded");
    }
    input.throwIfInvalid();
    outcomes.recordPositions(
        task.reviewId(),
        ReviewProcess.TASK_RECORD_EARLY_POSITIONS.equals(task.taskKey())
            ? ReviewOutcomes.EARLY
            : ReviewOutcomes.FINAL,
        supported,
        noted,
        symbol,
        caller.username());
    return Map.of();
  }
}
