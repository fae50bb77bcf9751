package org.uprengage.engine.outcome;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.recommendation.PositionChange;
import org.uprengage.engine.recommendation.PositionResult;
import org.uprengage.engine.recommendation.PositionsApplied;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;

/**
 * "Record the positions given by the early deadline" and "Record the positions in the addendum":
 * for a review whose list of recommendations is imported, the position on each recommendation
 * (paragraph and position), counted by the register; otherwise how many recommendations the State
 * supported and noted, the rest still pending, together no more than the recommendations recorded.
 */
@Component
class PositionsForm implements TaskForm {

  private static final FormField SUPPORTED =
      new FormField(
          "supported",
          "integer",
          false,
          "Recommendations the State supports; required unless positions are listed",
          null,
          null);
  private static final FormField NOTED =
      new FormField(
          "noted",
          "integer",
          false,
          "Recommendations the State notes; required unless positions are listed",
          null,
          null);
  private static final FormField SYMBOL =
      new FormField(
          "addendumSymbol",
          "string",
          false,
          "The addendum's symbol, e.g. A/HRC/59/15/Add.1",
          100,
          null);
  private static final FormField POSITIONS =
      new FormField(
          "positions",
          "position-list",
          false,
          "The position on each recommendation of the imported list: objects with its paragraph"
              + " (121.1) and position (pending, supported, noted, supported/noted); the register"
              + " counts them, so leave out supported and noted",
          null,
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
    return List.of(SUPPORTED, NOTED, SYMBOL, POSITIONS);
  }

  @Override
  public Set<String> variables() {
    return Set.of(ReviewProcess.VAR_RECOMMENDATION_COUNT);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    int max = RecordRecommendationsForm.MAX_RECOMMENDATIONS;
    List<Map<String, String>> listed = input.entries(POSITIONS, List.of("paragraph", "position"));
    boolean counted = listed.isEmpty();
    Integer supported = input.integer(counted ? required(SUPPORTED) : SUPPORTED, 0, max);
    Integer noted = input.integer(counted ? required(NOTED) : NOTED, 0, max);
    String symbol = input.string(SYMBOL);
    String deadline =
        ReviewProcess.TASK_RECORD_EARLY_POSITIONS.equals(task.taskKey())
            ? ReviewOutcomes.EARLY
            : ReviewOutcomes.FINAL;
    if (!counted) {
      recordListed(
          caller, task, input, listed, deadline, symbol, supported != null || noted != null);
      return Map.of();
    }
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
        task.reviewId(), deadline, supported, noted, symbol, caller.username());
    return Map.of();
  }

  /** The field, required: the counts are, where no positions are listed. */
  private static FormField required(FormField field) {
    return new FormField(
        field.name(), field.type(), true, field.description(), field.maxLength(), field.options());
  }

  /** Records the positions listed, all or (naming each one at fault) none. */
  private void recordListed(
      Caller caller,
      TaskContext task,
      FormInput input,
      List<Map<String, String>> listed,
      String deadline,
      String symbol,
      boolean countsGiven) {
    if (countsGiven) {
      input.reject(
          SUPPORTED.name(), "leave out the counts when positions are listed: the register counts");
    }
    if (outcomes.registered(task.reviewId()).isEmpty()) {
      input.reject(
          POSITIONS.name(),
          "needs the review's list of recommendations imported; give the counts instead");
    }
    input.throwIfInvalid();
    PositionsApplied applied =
        outcomes.recordPositions(
            task.reviewId(),
            deadline,
            listed.stream()
                .map(
                    entry ->
                        new PositionChange(entry.get("paragraph"), entry.get("position"), null))
                .toList(),
            symbol,
            caller.username());
    for (int i = 0; i < applied.results().size(); i++) {
      PositionResult result = applied.results().get(i);
      if (result.rejected()) {
        input.reject(POSITIONS.name() + "[" + i + "]." + result.field(), result.reason());
      }
    }
    input.throwIfInvalid();
  }
}
