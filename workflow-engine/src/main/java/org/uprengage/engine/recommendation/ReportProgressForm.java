package org.uprengage.engine.recommendation;

import java.util.Date;
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
 * "Report progress" in an implementation round: the lead agency reports progress on its
 * recommendations (each update through the progress endpoint, which keeps the history and the
 * clearance), then completes the task. It completes once the agency reported at least one update in
 * the round, or says nothing changed ({@code nothingChanged: "yes"}); never while its head of
 * office returned an update of the round that was not reported again.
 */
@Component
class ReportProgressForm implements TaskForm {

  static final FormField NOTHING_CHANGED =
      new FormField(
          "nothingChanged",
          "choice",
          false,
          "yes: nothing changed on the agency's recommendations since the last round, so it reports"
              + " no update in this one",
          null,
          List.of("yes", "no"));

  private final ImplementationRounds rounds;

  ReportProgressForm(ImplementationRounds rounds) {
    this.rounds = rounds;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ImplementationRounds.TASK_REPORT_PROGRESS);
  }

  @Override
  public List<FormField> fields() {
    return List.of(NOTHING_CHANGED);
  }

  @Override
  public Set<String> variables() {
    return Set.of(ReviewProcess.VAR_AGENCY, ImplementationRounds.VAR_ROUND_OPENED_AT);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    boolean nothingChanged = "yes".equals(input.onlyFields(fields()).choice(NOTHING_CHANGED));
    input.throwIfInvalid();
    String agency = agency(task);
    Date openedAt = openedAt(task);
    int unanswered = rounds.unanswered(task.reviewId(), agency, openedAt);
    if (unanswered > 0) {
      input.reject(
          NOTHING_CHANGED.name(),
          "the head of office returned "
              + unanswered
              + " update(s) of this round: report on those recommendations again first");
    } else if (!nothingChanged && rounds.reported(task.reviewId(), agency, openedAt) == 0) {
      input.reject(
          NOTHING_CHANGED.name(),
          "report progress on at least one of "
              + agency
              + "'s recommendations in this round (POST"
              + " /api/reviews/{id}/recommendations/{recommendationId}/progress), or say"
              + " nothing changed (yes)");
    }
    input.throwIfInvalid();
    return Map.of();
  }

  @Override
  public List<TaskRecommendation> recommendations(TaskContext task) {
    return rounds.listed(task.reviewId(), agency(task), openedAt(task));
  }

  static String agency(TaskContext task) {
    return task.variables().get(ReviewProcess.VAR_AGENCY).toString();
  }

  static Date openedAt(TaskContext task) {
    return (Date) task.variables().get(ImplementationRounds.VAR_ROUND_OPENED_AT);
  }
}
