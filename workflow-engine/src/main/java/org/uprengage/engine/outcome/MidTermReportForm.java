package org.uprengage.engine.outcome;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.DateAndReferenceForm;
import org.uprengage.engine.task.FormField;

/**
 * "Support the mid-term report": when the State submitted its voluntary report (none: it did not)
 * and its reference.
 */
@Component
class MidTermReportForm extends DateAndReferenceForm {

  private static final FormField SUBMITTED_ON =
      new FormField(
          "submittedOn",
          "date",
          false,
          "The day the State submitted its mid-term report; leave out if it did not",
          null,
          null);
  private static final FormField REFERENCE =
      new FormField(
          "reference", "string", false, "Where the report is published, or its symbol", 500, null);

  private final ReviewOutcomes outcomes;

  MidTermReportForm(ReviewOutcomes outcomes, Clock clock) {
    super(SUBMITTED_ON, REFERENCE, clock);
    this.outcomes = outcomes;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT);
  }

  @Override
  protected void record(Caller caller, TaskContext task, LocalDate on, String reference) {
    outcomes.recordMidTermReport(task.reviewId(), on, reference, caller.username());
  }
}
