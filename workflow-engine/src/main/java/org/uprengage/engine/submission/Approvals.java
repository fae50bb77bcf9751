package org.uprengage.engine.submission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskFilter;
import org.uprengage.engine.task.TaskPage;
import org.uprengage.engine.task.TaskView;
import org.uprengage.engine.task.TaskWork;

/**
 * Decisions waiting on people: the joint submission's clearance by heads of office and sign-off by
 * the RC, each with the text to decide on. They decide by completing the task with {@code
 * {"decision":"approve"}} or {@code {"decision":"send-back","comments":...}}.
 */
@Service
class Approvals {

  /** Every approval task, at most this many of each kind in one answer. */
  static final int MAX_PER_KIND = TaskWork.MAX_PAGE_SIZE;

  private final TaskWork work;
  private final SubmissionRecord submissions;
  private final SubmissionSections sections;

  Approvals(TaskWork work, SubmissionRecord submissions, SubmissionSections sections) {
    this.work = work;
    this.submissions = submissions;
    this.sections = sections;
  }

  /** The approvals the caller may decide (show=both), or, for coordinators, their teams' (team). */
  @Transactional(readOnly = true)
  List<Approval> waiting(Caller caller, String show) {
    List<Approval> waiting = new ArrayList<>();
    Map<UUID, SubmissionView> byReview = new HashMap<>();
    for (String taskKey :
        List.of(ReviewProcess.TASK_CLEAR_SUBMISSION, ReviewProcess.TASK_SIGN_OFF_SUBMISSION)) {
      TaskPage page =
          work.list(
              caller,
              new TaskFilter(null, show, taskKey, null, null, "due", false, null),
              0,
              MAX_PER_KIND);
      for (TaskView task : page.items()) {
        SubmissionView submission =
            byReview.computeIfAbsent(task.reviewId(), review -> submissions.of(caller, review));
        Optional<SubmissionSections.SeenRound> seen =
            submission.round() == null
                ? Optional.empty()
                : sections.lastSeen(task.reviewId(), caller.username(), submission.round());
        waiting.add(
            new Approval(
                task,
                taskKey.equals(ReviewProcess.TASK_CLEAR_SUBMISSION)
                    ? SubmissionSections.CLEARANCE
                    : SubmissionSections.SIGN_OFF,
                submission.round(),
                submission.text(),
                submission.words(),
                submission.wordLimit(),
                submission.consolidatedBy(),
                submission.consolidatedAt(),
                seen.map(SubmissionSections.SeenRound::round).orElse(null),
                seen.map(SubmissionSections.SeenRound::text).orElse(null)));
      }
    }
    waiting.sort(
        Comparator.comparing(
                (Approval approval) -> approval.task().due(),
                Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(approval -> approval.task().id()));
    return waiting;
  }

  /**
   * A decision waiting: the task, which kind, the round's text with its words and the limit of the
   * review's cycle (null where none is set), and the text of the latest earlier round the caller
   * decided on (null where they decided on none).
   */
  record Approval(
      TaskView task,
      String stage,
      Integer round,
      String text,
      int words,
      Integer wordLimit,
      String consolidatedBy,
      Instant consolidatedAt,
      Integer seenRound,
      String seenText) {}
}
