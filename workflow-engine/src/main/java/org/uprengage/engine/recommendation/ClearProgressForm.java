package org.uprengage.engine.recommendation;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;
import org.uprengage.engine.task.TaskRecommendation;

/**
 * "Clear the progress updates" in an implementation round, where the country team asks a head of
 * office to clear updates before they count: the head of office clears or returns each update of
 * the round that waits (through the progress clearance endpoint), then completes the task. It
 * completes once none waits; where one was returned, the agency reports again.
 */
@Component
class ClearProgressForm implements TaskForm {

  private final ImplementationRounds rounds;

  ClearProgressForm(ImplementationRounds rounds) {
    this.rounds = rounds;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ImplementationRounds.TASK_CLEAR_PROGRESS);
  }

  @Override
  public List<FormField> fields() {
    return List.of();
  }

  @Override
  public Set<String> variables() {
    return Set.of(ReviewProcess.VAR_AGENCY, ImplementationRounds.VAR_ROUND_OPENED_AT);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    input.throwIfInvalid();
    int pending =
        rounds.pending(
            task.reviewId(), ReportProgressForm.agency(task), ReportProgressForm.openedAt(task));
    if (pending > 0) {
      input.reject(
          "clearance",
          pending
              + " update(s) of this round still wait: clear or return each (POST"
              + " /api/reviews/{id}/recommendations/{recommendationId}/progress/{updateId}/clearance)");
    }
    input.throwIfInvalid();
    return Map.of();
  }

  @Override
  public List<TaskRecommendation> recommendations(TaskContext task) {
    return rounds.listed(
        task.reviewId(), ReportProgressForm.agency(task), ReportProgressForm.openedAt(task));
  }
}
