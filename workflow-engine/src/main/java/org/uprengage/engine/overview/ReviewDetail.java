package org.uprengage.engine.overview;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.uprengage.engine.outcome.ReviewOutcome;
import org.uprengage.engine.session.SessionView;
import org.uprengage.engine.submission.SubmissionView;

/**
 * A review with its stage, open tasks, deadlines, outcome so far and the reviews before and after
 * it.
 *
 * @param stage {@code submission}, {@code review}, {@code adoption}, {@code follow-up}, or {@code
 *     handed-over} once the process ended ({@code submitted} for a review of the first model
 *     version, which ended with the submission)
 * @param step where in its stage the review is, e.g. {@code consolidation}; null once it ended
 * @param submissionCountsBackFrom the session deadline the submission's milestones count back from:
 *     {@code unEntitySubmission} where OHCHR published one for UN entities, else {@code
 *     stakeholderSubmission}
 * @param nextReviewId the State's next review, once this one handed over to it
 * @param submissionDocument whether the joint submission's document that went to OHCHR is the one
 *     the RC signed off, by their SHA-256
 */
public record ReviewDetail(
    UUID id,
    String country,
    int session,
    String state,
    String stage,
    String step,
    String startedBy,
    Instant startedAt,
    List<OpenTask> openTasks,
    Map<String, SessionView.Dated<LocalDate>> sessionDeadlines,
    String submissionCountsBackFrom,
    List<MilestoneStatus> milestones,
    ReviewOutcome outcome,
    UUID previousReviewId,
    UUID nextReviewId,
    SubmissionView.Documents submissionDocument) {

  /** A task waiting for someone. */
  public record OpenTask(
      String id,
      String name,
      String taskKey,
      String stage,
      String assignee,
      List<String> candidateGroups,
      Instant due,
      boolean mayOpen) {}

  /**
   * A milestone and how it stands: {@code upcoming}, {@code open} (its tasks are under way), {@code
   * overdue} (its date passed with tasks still open), {@code met}, {@code missed} (done late), or
   * {@code passed} (no task is bound to it yet and its date is gone).
   */
  public record MilestoneStatus(String key, LocalDate dueOn, String basis, String status) {}
}
