package org.uprengage.engine.submission;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.DateAndReferenceForm;
import org.uprengage.engine.task.FormField;

/**
 * "Record the submission to OHCHR": the coordinator says when it went and under which reference.
 */
@Component
class RecordSubmissionForm extends DateAndReferenceForm {

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
  private final SubmissionDocument document;

  RecordSubmissionForm(SubmissionSections submission, SubmissionDocument document, Clock clock) {
    super(SUBMITTED_ON, REFERENCE, clock);
    this.submission = submission;
    this.document = document;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_RECORD_SUBMISSION);
  }

  @Override
  protected void record(Caller caller, TaskContext task, LocalDate on, String reference) {
    submission.recordSubmitted(
        task.reviewId(),
        on,
        reference,
        caller.username(),
        round -> document.sha256(task.reviewId(), round));
  }
}
