package org.uprengage.engine.task;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.submission.SubmissionSections;

/**
 * "Draft the agency section" and "Revise the agency section": the focal point hands in the agency's
 * text.
 */
@Component
class DraftAgencySectionForm implements TaskForm {

  static final int MAX_TEXT = 100_000;
  private static final FormField TEXT =
      new FormField(
          "text", "string", true, "The agency's section of the joint submission", MAX_TEXT, null);

  private final SubmissionSections sections;

  DraftAgencySectionForm(SubmissionSections sections) {
    this.sections = sections;
  }

  @Override
  public java.util.Set<String> taskKeys() {
    return java.util.Set.of(
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION, ReviewProcess.TASK_REVISE_AGENCY_SECTION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(TEXT);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    String text = input.onlyFields(fields()).string(TEXT);
    input.throwIfInvalid();
    String agency = (String) task.variables().get(ReviewProcess.VAR_AGENCY);
    sections.recordDraft(task.reviewId(), agency, text, caller.username());
    return Map.of();
  }
}
