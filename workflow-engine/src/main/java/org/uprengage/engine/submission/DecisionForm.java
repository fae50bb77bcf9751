package org.uprengage.engine.submission;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;

/**
 * "Clear the joint submission" (a head of office, for their agency) and "Sign off the joint
 * submission" (the RC): approve the round's text, or send it back with comments. Nobody approves a
 * text they wrote: the consolidated text, or their agency's section.
 */
@Component
class DecisionForm implements TaskForm {

  private static final FormField DECISION =
      new FormField(
          "decision",
          "choice",
          true,
          "approve, or send back for another round",
          null,
          List.of(SubmissionSections.APPROVE, SubmissionSections.SEND_BACK));
  private static final FormField COMMENTS =
      new FormField(
          "comments", "string", false, "What to change; required when sending back", 10_000, null);

  private final SubmissionSections submission;

  DecisionForm(SubmissionSections submission) {
    this.submission = submission;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_CLEAR_SUBMISSION, ReviewProcess.TASK_SIGN_OFF_SUBMISSION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(DECISION, COMMENTS);
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    String decision = input.choice(DECISION);
    String comments = input.string(COMMENTS);
    if (SubmissionSections.SEND_BACK.equals(decision) && comments == null) {
      input.reject(COMMENTS.name(), "is required when sending the text back: say what to change");
    }
    input.throwIfInvalid();
    String agency = (String) task.variables().get(ReviewProcess.VAR_AGENCY);
    boolean clearance = ReviewProcess.TASK_CLEAR_SUBMISSION.equals(task.taskKey());
    if (SubmissionSections.APPROVE.equals(decision)) {
      boolean authorOfText =
          submission.consolidatedBy(task.reviewId()).filter(caller.username()::equals).isPresent();
      boolean authorOfSection =
          clearance
              && submission
                  .draftedBy(task.reviewId(), agency)
                  .filter(caller.username()::equals)
                  .isPresent();
      if (authorOfText || authorOfSection) {
        throw new Forbidden(
            "You wrote "
                + (authorOfText ? "the consolidated text" : agency + "'s section")
                + "; someone else must approve it.");
      }
    }
    int round = ((Number) task.variables().get(ReviewProcess.VAR_SUBMISSION_ROUND)).intValue();
    submission.decide(
        task.reviewId(),
        round,
        clearance ? SubmissionSections.CLEARANCE : SubmissionSections.SIGN_OFF,
        clearance ? agency : null,
        decision,
        comments,
        caller.username());
    return Map.of();
  }
}
