package org.uprengage.engine.submission;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;
import org.uprengage.engine.task.TaskWords;

/** "Consolidate the joint submission": the coordinator hands in the merged text, a new round. */
@Component
class ConsolidateSubmissionForm implements TaskForm {

  private static final FormField TEXT =
      new FormField("text", "string", true, "The consolidated joint submission", 200_000, null);

  private final SubmissionSections submission;

  ConsolidateSubmissionForm(SubmissionSections submission) {
    this.submission = submission;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(TEXT);
  }

  @Override
  public Set<String> variables() {
    return SubmissionSections.WORDS_VARIABLES; // the agreed order among them
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    String text = input.onlyFields(fields()).string(TEXT);
    input.throwIfInvalid();
    return Map.of(
        ReviewProcess.VAR_SUBMISSION_ROUND,
        submission.consolidate(
            task.reviewId(),
            text,
            caller.username(),
            SubmissionSections.agreedOrder(task.variables())));
  }

  @Override
  public TaskWords words(TaskContext task) {
    return submission.words(task);
  }
}
