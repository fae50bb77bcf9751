package org.uprengage.engine.submission;

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

/**
 * "Record the submission to OHCHR": the coordinator says when it went and under which reference.
 */
@Component
class RecordSubmissionForm implements TaskForm {

  private static final FormField SUBMITTED_ON =
      new FormField(
          "submittedOn", "date", true, "The day the submission went to OHCHR", null, null);
  private static final FormField REFERENCE =
      new FormField(
          "reference",
          "string",
          false,
          "OHCHR's acknowledgement or the e-mail's reference",
          200,
          null);

  private final SubmissionSections submission;
  private final Clock clock;

  RecordSubmissionForm(SubmissionSections submission, Clock clock) {
    this.submission = submission;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_RECORD_SUBMISSION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(SUBMITTED_ON, REFERENCE);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    LocalDate submittedOn = input.pastDate(SUBMITTED_ON, clock);
    String reference = input.string(REFERENCE);
    input.throwIfInvalid();
    submission.recordSubmitted(task.reviewId(), submittedOn, reference, caller.username());
    return Map.of();
  }
}
