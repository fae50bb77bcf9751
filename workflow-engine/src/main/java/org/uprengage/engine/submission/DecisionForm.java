package org.uprengage.engine.submission;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.OverLimit;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.DeadlineRules;
import org.uprengage.engine.task.FormField;
import org.uprengage.engine.task.FormInput;
import org.uprengage.engine.task.TaskForm;
import org.uprengage.engine.task.TaskWords;

/**
 * "Clear the joint submission" (a head of office, for their agency) and "Sign off the joint
 * submission" (the RC): approve the round's text, or send it back with comments. Nobody approves a
 * text they wrote: the consolidated text, or their agency's section. The RC's sign-off keeps the
 * SHA-256 of the round's document (in the country team's language).
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

  private static final FormField OVER_WORD_LIMIT_REASON =
      new FormField(
          "overWordLimitReason",
          "string",
          false,
          "The RC's reason to sign off a text over the word limit (sign-off only)",
          2_000,
          null);

  private final SubmissionSections submission;
  private final WordLimits limits;
  private final SubmissionDocument document;

  DecisionForm(SubmissionSections submission, WordLimits limits, SubmissionDocument document) {
    this.submission = submission;
    this.limits = limits;
    this.document = document;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(ReviewProcess.TASK_CLEAR_SUBMISSION, ReviewProcess.TASK_SIGN_OFF_SUBMISSION);
  }

  @Override
  public List<FormField> fields() {
    return List.of(DECISION, COMMENTS, OVER_WORD_LIMIT_REASON);
  }

  @Override
  public Set<String> variables() {
    Set<String> names = new HashSet<>(SubmissionSections.WORDS_VARIABLES);
    names.add(ReviewProcess.VAR_SUBMISSION_ROUND);
    return names;
  }

  @Override
  public Map<String, Object> submit(Caller caller, TaskContext task, FormInput input) {
    input.onlyFields(fields());
    String decision = input.choice(DECISION);
    String comments = input.string(COMMENTS);
    if (SubmissionSections.SEND_BACK.equals(decision) && comments == null) {
      input.reject(COMMENTS.name(), "is required when sending the text back: say what to change");
    }
    String overLimitReason = input.string(OVER_WORD_LIMIT_REASON);
    boolean clearance = ReviewProcess.TASK_CLEAR_SUBMISSION.equals(task.taskKey());
    if (clearance && overLimitReason != null) {
      input.reject(OVER_WORD_LIMIT_REASON.name(), "is for the RC's sign-off only");
    }
    input.throwIfInvalid();
    String agency = (String) task.variables().get(ReviewProcess.VAR_AGENCY);
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
    boolean signedOff = !clearance && SubmissionSections.APPROVE.equals(decision);
    String override = signedOff ? overWordLimit(task, overLimitReason) : null;
    if (override != null) {
      comments = comments == null ? override : comments + "\n" + override;
    }
    int round = ((Number) task.variables().get(ReviewProcess.VAR_SUBMISSION_ROUND)).intValue();
    submission.decide(
        task.reviewId(),
        round,
        clearance ? SubmissionSections.CLEARANCE : SubmissionSections.SIGN_OFF,
        clearance ? agency : null,
        decision,
        comments,
        caller.username(),
        signedOff ? document.sha256(task.reviewId(), round) : null,
        override == null ? null : overLimitReason);
    return Map.of();
  }

  /**
   * The RC signs off a text over the installation's word limit only with a reason, kept with the
   * sign-off (and the request in the audit trail); without one the sign-off is refused naming both
   * numbers.
   *
   * @return the override and its reason, for the decision's comments; null within the limit
   */
  private String overWordLimit(TaskContext task, String overLimitReason) {
    if (!(task.variables().get(ReviewProcess.VAR_SESSION) instanceof Number session)) {
      return null;
    }
    Integer limit =
        limits.limit(DeadlineRules.cycleOf(session.intValue()), WordLimits.UNCT_JOINT).orElse(null);
    int words = WordLimits.words(submission.consolidatedText(task.reviewId()).orElse(null));
    if (limit == null || words <= limit) {
      return null;
    }
    if (overLimitReason == null) {
      throw new OverLimit(
          "The consolidated text has "
              + words
              + " words, over the limit of "
              + limit
              + " for the UN country team's joint submission; shorten it (send it back) or sign"
              + " it off with overWordLimitReason.",
          words,
          limit,
          OVER_WORD_LIMIT_REASON.name());
    }
    return "Signed off over the word limit ("
        + words
        + " words, limit "
        + limit
        + "): "
        + overLimitReason;
  }

  @Override
  public TaskWords words(TaskContext task) {
    return submission.words(task);
  }
}
