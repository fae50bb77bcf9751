package org.uprengage.engine.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.directory.Directory;
import org.uprengage.engine.recommendation.RecommendationRegister;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.PreviousRecommendationCounts;
import org.uprengage.engine.task.TaskForm;

/**
 * "Plan the UN submission": the coordinator chooses the agencies that draft a section, seeing how
 * many of the previous review's open recommendations each leads on.
 */
@Component
class PlanSubmissionForm implements TaskForm {

  static final int MAX_AGENCIES = 30;

  private final Directory directory;
  private final RecommendationRegister register;

  PlanSubmissionForm(Directory directory, RecommendationRegister register) {
    this.directory = directory;
    this.register = register;
  }

  /**
   * For a review handed over from the one before: how many of its recommendations not yet
   * implemented each agency leads on, to choose who drafts.
   */
  @Override
  public PreviousRecommendationCounts previousRecommendations(TaskContext task) {
    return register.previousCounts(task.reviewId());
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_PLAN_SUBMISSION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(
        new FormField(
            ReviewProcess.VAR_AGENCIES,
            "string-list",
            false,
            "The agencies that draft a section of the joint submission (codes, at most "
                + MAX_AGENCIES
                + "); none means the UN country team makes no submission this time",
            null,
            directory.agencies().stream().map(Directory.Agency::code).toList()));
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    FormField agenciesField = fields().get(0);
    List<String> agencies = input.onlyFields(fields()).strings(agenciesField);
    if (agencies.size() > MAX_AGENCIES) {
      input.reject(agenciesField.name(), "must name at most " + MAX_AGENCIES + " agencies");
    }
    input.throwIfInvalid();
    // A mutable list: Camunda stores it as JSON and reads it back as the same type.
    return Map.of(ReviewProcess.VAR_AGENCIES, new ArrayList<>(agencies));
  }
}
