package org.uprengage.engine.outcome;

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
 * "Support the mid-term report": when the State submitted its voluntary report (none: it did not)
 * and its reference.
 */
@Component
class MidTermReportForm implements TaskForm {

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
  private final Clock clock;

  MidTermReportForm(ReviewOutcomes outcomes, Clock clock) {
    this.outcomes = outcomes;
    this.clock = clock;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT);
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
    outcomes.recordMidTermReport(task.reviewId(), submittedOn, reference, caller.username());
    return Map.of();
  }
}
