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

/**
 * "Draft the agency section" and "Revise the agency section": the focal point hands in the agency's
 * text, or, for a first draft, declines to contribute and says why.
 */
@Component
class DraftAgencySectionForm implements TaskForm {

  static final int MAX_TEXT = 100_000;
  static final int MAX_REASON = 2_000;
  private static final FormField TEXT =
      new FormField(
          "text",
          "string",
          false,
          "The agency's section of the joint submission; required unless the agency declines",
          MAX_TEXT,
          null);
  private static final FormField DECLINE =
      new FormField(
          "decline",
          "string",
          false,
          "Why the agency contributes no section this time (first draft only; leave out the text)",
          MAX_REASON,
          null);

  private final SubmissionSections sections;

  DraftAgencySectionForm(SubmissionSections sections) {
    this.sections = sections;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(
        ReviewProcess.TASK_DRAFT_AGENCY_SECTION, ReviewProcess.TASK_REVISE_AGENCY_SECTION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(TEXT, DECLINE);
  }

  @Override
  public Set<String> variables() {
    return SubmissionSections.WORDS_VARIABLES; // the agency's among them
  }

  @Override
  public Set<String> submitVariables() {
    return Set.of(ReviewProcess.VAR_AGENCY); // the section's agency, on the drafting's instance
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    String text = input.onlyFields(fields()).string(TEXT);
    String decline = input.string(DECLINE);
    if (decline != null && text != null) {
      input.reject(DECLINE.name(), "give either the text or the reason to decline, not both");
    } else if (decline != null && ReviewProcess.TASK_REVISE_AGENCY_SECTION.equals(task.taskKey())) {
      input.reject(DECLINE.name(), "a section sent back is revised, not declined");
    } else if (decline == null && text == null) {
      input.reject(TEXT.name(), "is required, unless the agency declines (decline)");
    }
    input.throwIfInvalid();
    String agency = (String) task.variables().get(ReviewProcess.VAR_AGENCY);
    if (decline != null) {
      sections.recordDeclined(task.reviewId(), agency, decline, caller.username());
    } else {
      sections.recordDraft(task.reviewId(), agency, text, caller.username());
    }
    return Map.of();
  }

  @Override
  public TaskWords words(TaskContext task) {
    return sections.words(task);
  }
}
