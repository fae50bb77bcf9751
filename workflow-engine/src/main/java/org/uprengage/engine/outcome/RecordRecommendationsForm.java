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
 * "Record the recommendations": how many the State received, and the WG report's symbol. Once the
 * review's register holds the imported list, the count may be left out: the register's is taken.
 */
@Component
class RecordRecommendationsForm implements TaskForm {

  static final int MAX_RECOMMENDATIONS = 1_000;

  private static final FormField COUNT =
      new FormField(
          "count",
          "integer",
          false,
          "How many recommendations the WG report lists (0 to "
              + MAX_RECOMMENDATIONS
              + "); leave out to take the count of the imported list",
          null,
          null);
  private static final FormField SYMBOL =
      new FormField(
          "wgReportSymbol", "string", false, "The WG report's symbol, e.g. A/HRC/59/15", 100, null);

  private final ReviewOutcomes outcomes;

  RecordRecommendationsForm(ReviewOutcomes outcomes) {
    this.outcomes = outcomes;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_RECORD_RECOMMENDATIONS);
  }

  @Override
  public List<FormField> fields() {
    return List.of(COUNT, SYMBOL);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    Integer count = input.integer(COUNT, 0, MAX_RECOMMENDATIONS);
    String symbol = input.string(SYMBOL);
    if (count == null) {
      count = outcomes.registered(task.reviewId()).orElse(null);
      if (count == null) {
        input.reject(
            COUNT.name(),
            "is required while no list of recommendations is imported for the review");
      }
    }
    input.throwIfInvalid();
    outcomes.recordRecommendations(task.reviewId(), count, symbol, caller.username());
    return Map.of(ReviewProcess.VAR_RECOMMENDATION_COUNT, count);
  }
}
