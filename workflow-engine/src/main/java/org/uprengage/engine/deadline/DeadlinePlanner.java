package org.uprengage.engine.deadline;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.recommendation.ImplementationRounds;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewMoved;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewScheduled;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.DeadlineRules;
import org.uprengage.engine.session.SessionCalendar;
import org.uprengage.engine.session.SessionDatesChanged;
import org.uprengage.engine.session.SessionView;

/**
 * Plans each review's milestones through the whole cycle (the submission's back from its session's
 * UN-entity deadline, the later stages' from the session calendar), gives the tasks bound to a
 * milestone their due date and the stage timers their time, and moves them all, with the tasks'
 * deadline watches, when a coordinator moves a milestone or the calendar moves a date, raising
 * "deadline changed" through the outbox.
 */
@Service("deadlinePlanner")
public class DeadlinePlanner {

  public static final String WG_REPORT_ADOPTED = "wgReportAdopted";
  public static final String RECOMMENDATIONS_RECORDED = "recommendationsRecorded";
  public static final String ADDENDUM_EARLY = "addendumEarly";
  public static final String ADDENDUM_FINAL = "addendumFinal";
  public static final String HRC_ADOPTION = "hrcAdoption";
  public static final String DISSEMINATION = "dissemination";
  public static final String MID_TERM_REPORT = "midTermReport";
  public static final String MID_TERM_REPORT_DUE = "midTermReportDue";

  /** Every milestone of a review, in the order they fall. */
  public static final List<String> MILESTONES =
      List.of(
          MilestoneOffsets.CALL_FOR_INPUTS,
          MilestoneOffsets.AGENCY_DRAFTS_DUE,
          MilestoneOffsets.CONSOLIDATION,
          MilestoneOffsets.CLEARANCE,
          MilestoneOffsets.RC_SIGN_OFF,
          MilestoneOffsets.SUBMISSION,
          MilestoneOffsets.STAKEHOLDER_SUPPORT,
          MilestoneOffsets.NATIONAL_REPORT_SUPPORT,
          MilestoneOffsets.COMPILATION_CHECK,
          MilestoneOffsets.BRIEFINGS,
          MilestoneOffsets.ADVANCE_QUESTIONS,
          MilestoneOffsets.STATE_REVIEW,
          WG_REPORT_ADOPTED,
          RECOMMENDATIONS_RECORDED,
          ADDENDUM_EARLY,
          ADDENDUM_FINAL,
          HRC_ADOPTION,
          DISSEMINATION,
          MID_TERM_REPORT,
          MID_TERM_REPORT_DUE);

  /** Which milestone each stage timer waits for. */
  static final Map<String, String> TIMER_MILESTONES =
      Map.of(
          ReviewProcess.TIMER_WG_REPORT_ADOPTED, WG_REPORT_ADOPTED,
          ReviewProcess.TIMER_MID_TERM_REPORT_DUE, MID_TERM_REPORT);

  /** The draft watch's timer of the first model version, and the milestone it watches. */
  static final Map<String, String> LEGACY_WATCH_MILESTONES =
      Map.of("Timer_DraftDeadlineAlert", MilestoneOffsets.AGENCY_DRAFTS_DUE);

  /** Which milestone each user task is due at. */
  static final Map<String, String> TASK_MILESTONES =
      Map.ofEntries(
          Map.entry(ReviewProcess.TASK_PLAN_SUBMISSION, MilestoneOffsets.CALL_FOR_INPUTS),
          Map.entry(ReviewProcess.TASK_DRAFT_AGENCY_SECTION, MilestoneOffsets.AGENCY_DRAFTS_DUE),
          Map.entry(ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, MilestoneOffsets.CONSOLIDATION),
          Map.entry(ReviewProcess.TASK_CLEAR_SUBMISSION, MilestoneOffsets.CLEARANCE),
          Map.entry(ReviewProcess.TASK_REVISE_AGENCY_SECTION, MilestoneOffsets.CLEARANCE),
          Map.entry(ReviewProcess.TASK_SIGN_OFF_SUBMISSION, MilestoneOffsets.RC_SIGN_OFF),
          Map.entry(ReviewProcess.TASK_RECORD_SUBMISSION, MilestoneOffsets.SUBMISSION),
          Map.entry(ReviewProcess.TASK_BRIEF_RECOMMENDING_STATES, MilestoneOffsets.BRIEFINGS),
          Map.entry(ReviewProcess.TASK_CHECK_COMPILATION, MilestoneOffsets.COMPILATION_CHECK),
          Map.entry(ReviewProcess.TASK_SHARE_ADVANCE_QUESTIONS, MilestoneOffsets.ADVANCE_QUESTIONS),
          Map.entry(
              ReviewProcess.TASK_SUPPORT_NATIONAL_REPORT, MilestoneOffsets.NATIONAL_REPORT_SUPPORT),
          Map.entry(
              ReviewProcess.TASK_SUPPORT_STAKEHOLDER_SUBMISSIONS,
              MilestoneOffsets.STAKEHOLDER_SUPPORT),
          Map.entry(ReviewProcess.TASK_RECORD_RECOMMENDATIONS, RECOMMENDATIONS_RECORDED),
          Map.entry(ReviewProcess.TASK_RECORD_EARLY_POSITIONS, ADDENDUM_EARLY),
          Map.entry(ReviewProcess.TASK_RECORD_FINAL_POSITIONS, ADDENDUM_FINAL),
          Map.entry(ReviewProcess.TASK_RECORD_HRC_ADOPTION, HRC_ADOPTION),
          Map.entry(ReviewProcess.TASK_DISSEMINATE_RECOMMENDATIONS, DISSEMINATION),
          Map.entry(ReviewProcess.TASK_SUPPORT_MID_TERM_REPORT, MID_TERM_REPORT_DUE),
          // an implementation round's tasks are due at the round's own due date (no milestone of
          // the review): named so the deadline watch reminds and escalates them like any other
          Map.entry(ImplementationRounds.TASK_REPORT_PROGRESS, ImplementationRounds.MILESTONE),
          Map.entry(ImplementationRounds.TASK_CLEAR_PROGRESS, ImplementationRounds.MILESTONE));

  /** Days after the WG session ends by which the recommendations are recorded. */
  static final int RECOMMENDATIONS_RECORDED_DAYS = 14;

  /** Days after the HRC adoption by which the recommendations are disseminated. */
  static final int DISSEMINATION_DAYS = 30;

  private final JdbcTemplate jdbc;
  private final SessionCalendar calendar;
  private final ReviewWorkflow reviews;
  private final TaskService tasks;
  private final TeamMilestoneOffsets offsets;
  private final FollowUpSchedule followUp;
  private final DeadlineWatches watches;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final EventOutbox outbox;
  private final Clock clock;
  private final DeadlineTime deadlineTime;

  DeadlinePlanner(
      JdbcTemplate jdbc,
      SessionCalendar calendar,
      ReviewWorkflow reviews,
      TaskService tasks,
      TeamMilestoneOffsets offsets,
      FollowUpSchedule followUp,
      DeadlineWatches watches,
      ManagementService management,
      RuntimeService runtime,
      EventOutbox outbox,
      Clock clock,
      DeadlineTime deadlineTime) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.reviews = reviews;
    this.tasks = tasks;
    this.offsets = offsets;
    this.followUp = followUp;
    this.watches = watches;
    this.management = management;
    this.runtime = runtime;
    this.outbox = outbox;
    this.clock = clock;
    this.deadlineTime = deadlineTime;
  }

  /** The user tasks that fall due at a milestone. */
  public static List<String> tasksDueAt(String milestone) {
    return TASK_MILESTONES.entrySet().stream()
        .filter(e -> e.getValue().equals(milestone))
        .map(Map.Entry::getKey)
        .sorted()
        .toList();
  }

  /** Plans the milestones of a review as it is scheduled, before its first task exists. */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onReviewScheduled(ReviewScheduled scheduled) {
    for (Map.Entry<String, Planned> milestone :
        plannedFor(scheduled.session(), scheduled.country(), scheduled.reviewId()).entrySet()) {
      jdbc.update(
          "INSERT INTO upr_review_milestone (review_id, key, due_on, basis) VALUES (?, ?, ?, ?)",
          scheduled.reviewId(),
          milestone.getKey(),
          milestone.getValue().dueOn(),
          milestone.getValue().basis());
    }
  }

  /**
   * The due date of the user task now being created: end of the day of the milestone it is bound
   * to. Used by the BPMN models: {@code camunda:dueDate="${deadlinePlanner.dueDate(execution)}"}.
   */
  public Date dueDate(DelegateExecution execution) {
    String milestone = TASK_MILESTONES.get(execution.getCurrentActivityId());
    Object reviewId = execution.getVariable(ReviewProcess.VAR_REVIEW_ID);
    if (milestone == null || reviewId == null) {
      return null;
    }
    return find(UUID.fromString(reviewId.toString()), milestone)
        .map(m -> endOfDay(m.dueOn()))
        .orElse(null);
  }

  /**
   * When a deadline watch process fires next: the next reminder still ahead of its task's due date,
   * else the due date itself. Used by {@code upr-deadline-watch}'s timer ({@code
   * ${deadlinePlanner.nextAlert(execution)}}), for instances started before the watches moved to
   * {@link DeadlineWatches}, until {@link DeadlineWatchMigration} has moved them.
   */
  public Date nextAlert(DelegateExecution execution) {
    return nextAlert((Date) execution.getVariable(DeadlineWatchProcess.VAR_DUE_DATE));
  }

  /**
   * When the draft watch of the first model version (a timer inside its drafting subprocess, before
   * the stages were split out) fires next; kept so reviews started on that version run on. New
   * models use {@code upr-deadline-watch}.
   */
  public Date nextAlert(DelegateExecution execution, String milestone) {
    return nextAlert(dueOf(execution, milestone));
  }

  /**
   * When a stage timer bound to a milestone fires: the end of the milestone's day in the deadlines'
   * zone. Used by the stage models: {@code ${deadlinePlanner.milestoneTime(execution,
   * 'wgReportAdopted')}}.
   */
  public Date milestoneTime(DelegateExecution execution, String milestone) {
    return dueOf(execution, milestone);
  }

  /**
   * When a milestone of the execution's review falls due (end of its day in the deadlines' zone).
   */
  public Date dueOf(DelegateExecution execution, String milestone) {
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    return find(reviewId, milestone)
        .map(m -> endOfDay(m.dueOn()))
        .orElseThrow(
            () ->
                new IllegalStateException("Review " + reviewId + " has no milestone " + milestone));
  }

  /** The moment a milestone on {@code day} falls due (the deadlines' zone and time). */
  public Instant dueAt(LocalDate day) {
    return deadlineTime.dueAt(day);
  }

  /** Whole days left until {@code due}, rounded to the nearest day; 0 or less once it passed. */
  static long daysLeft(Date due, Date now) {
    return Math.round((due.getTime() - now.getTime()) / 86_400_000.0);
  }

  Date nextAlert(Date due) {
    return watches.nextAlert(due);
  }

  /** The milestones of a review the caller can see, in plan order. */
  @Transactional(readOnly = true)
  public List<Milestone> milestones(Caller caller, UUID reviewId) {
    reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    return jdbc
        .query(
            "SELECT * FROM upr_review_milestone WHERE review_id = ?",
            DeadlinePlanner::milestone,
            reviewId)
        .stream()
        .sorted(Comparator.comparing(m -> MILESTONES.indexOf(m.key())))
        .toList();
  }

  /** A coordinator moves one milestone of their review; it stops following the calendar. */
  @Transactional
  public Milestone move(Caller caller, UUID reviewId, String key, LocalDate dueOn) {
    Review review =
        reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators move a review's milestones.");
    }
    Milestone current = find(reviewId, key).orElseThrow(() -> new NotFound("Milestone", key));
    if (!Review.ACTIVE.equals(review.state())) {
      throw new Conflict("The review has ended; its milestones no longer move.");
    }
    jdbc.update(
        "UPDATE upr_review_milestone SET due_on = ?, basis = 'moved', moved_by = ?, moved_at = ? WHERE review_id = ? AND key = ?",
        dueOn,
        caller.username(),
        Timestamp.from(clock.instant()),
        reviewId,
        key);
    if (!current.dueOn().equals(dueOn)) {
      applyChange(review, key, current.dueOn(), dueOn, "moved by " + caller.username());
    }
    return find(reviewId, key).orElseThrow();
  }

  /**
   * A coordinator gives one task a due date of its own (Camunda Tasklist's "set due date"): its
   * watch follows, and "deadline changed" tells whoever works on it. Moving the task's milestone
   * later moves it again, with every other task due at that milestone.
   */
  @Transactional
  public void setTaskDue(Caller caller, Task task, Review review, LocalDate dueOn) {
    mayMoveTaskDue(caller);
    if (dueOn == null) {
      throw new InvalidInput("on", "is required: the day the task is due (or at: its time)");
    }
    if (dueOn.isBefore(deadlineTime.dayOf(ClockUtil.getCurrentTime().toInstant()))) {
      throw new InvalidInput("on", "must be today or later: a task cannot be due in the past");
    }
    notOnTheFirstModel(task);
    Date due = endOfDay(dueOn);
    LocalDate old =
        task.getDueDate() == null ? null : deadlineTime.dayOf(task.getDueDate().toInstant());
    if (dueOn.equals(old)) {
      return;
    }
    moveTaskDue(caller, task, review, due, old, dueOn);
  }

  /**
   * A coordinator gives one task a due time of its own, to the minute rather than at the end of a
   * day ("by noon on Friday"): later than now. Its reminders and escalation follow the time.
   */
  @Transactional
  public void setTaskDueAt(Caller caller, Task task, Review review, Instant dueAt) {
    mayMoveTaskDue(caller);
    if (!dueAt.isAfter(ClockUtil.getCurrentTime().toInstant())) {
      throw new InvalidInput("at", "must be later than now: a task cannot be due in the past");
    }
    notOnTheFirstModel(task);
    Date due = Date.from(dueAt);
    if (due.equals(task.getDueDate())) {
      return;
    }
    LocalDate old =
        task.getDueDate() == null ? null : deadlineTime.dayOf(task.getDueDate().toInstant());
    moveTaskDue(caller, task, review, due, old, deadlineTime.dayOf(dueAt));
  }

  private static void mayMoveTaskDue(Caller caller) {
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden(
          "Only coordinators set a task's due date; ask them, or see the review's milestones.");
    }
  }

  private void notOnTheFirstModel(Task task) {
    if (tasks
            .createTaskQuery()
            .taskId(task.getId())
            .processDefinitionKey(ReviewProcess.PROCESS_KEY)
            .count()
        > 0) {
      throw new Conflict(
          "This review runs on the first model of the process, whose drafts follow their"
              + " milestone: move the milestone instead (PUT /api/reviews/{id}/milestones/{key}).");
    }
  }

  private void moveTaskDue(
      Caller caller, Task task, Review review, Date due, LocalDate old, LocalDate dueOn) {
    tasks.setDueDate(task.getId(), due);
    moveWatch(review, task, due);
    outbox.append(
        review.id(),
        new DeadlineChanged(
            TASK_MILESTONES.getOrDefault(task.getTaskDefinitionKey(), "task"),
            old,
            dueOn,
            "due date of this task set by " + caller.username(),
            review.country(),
            List.of(task.getId()),
            task.getId()));
  }

  /**
   * The calendar moved a session's dates: milestones that follow it move in every running review.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onSessionDatesChanged(SessionDatesChanged change) {
    for (Review review : reviews.activeInSession(change.session())) {
      replan(review, "session calendar changed by " + change.changedBy(), false);
    }
  }

  /**
   * A review moved to another WG session: every milestone follows the new session (those a
   * coordinator had moved too, as they were set against the old one), and the review day of the old
   * session's timetable no longer holds.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onReviewMoved(ReviewMoved moved) {
    Review review = moved.review();
    jdbc.update("DELETE FROM upr_review_day WHERE review_id = ?", review.id());
    replan(
        review,
        "review moved from WG session "
            + moved.fromSession()
            + " to "
            + moved.toSession()
            + " by "
            + moved.movedBy()
            + (moved.reason() == null || moved.reason().isBlank() ? "" : ": " + moved.reason()),
        true);
  }

  /**
   * Enters the State's review day from OHCHR's timetable for the session (and, where it gives one,
   * the day the WG adopts the report; else two working days later): coordinators and admins of the
   * review's team. The milestones that follow the review day move, with their tasks and the stage's
   * timer.
   */
  @Transactional
  public List<Milestone> setReviewDay(
      Caller caller, UUID reviewId, LocalDate day, LocalDate adopted) {
    Review review =
        reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("Only coordinators enter a review's day.");
    }
    SessionView session = calendar.view(review.session()).orElseThrow();
    if (day.isBefore(session.startsOn()) || day.isAfter(session.endsOn())) {
      throw new InvalidInput(
          "reviewDay",
          "must fall in WG session "
              + review.session()
              + " ("
              + session.startsOn()
              + " to "
              + session.endsOn()
              + ")");
    }
    if (adopted != null && (adopted.isBefore(day) || adopted.isAfter(day.plusDays(14)))) {
      throw new InvalidInput(
          "wgReportAdopted", "must fall within two weeks after reviewDay (" + day + ")");
    }
    if (!Review.ACTIVE.equals(review.state())) {
      throw new Conflict("The review has ended; its milestones no longer move.");
    }
    jdbc.update(
        """
        INSERT INTO upr_review_day (review_id, review_day, wg_report_adopted, set_by, set_at)
        VALUES (?, ?, ?, ?, ?) ON CONFLICT (review_id) DO UPDATE SET review_day = EXCLUDED.review_day,
            wg_report_adopted = EXCLUDED.wg_report_adopted, set_by = EXCLUDED.set_by, set_at = EXCLUDED.set_at
        """,
        reviewId,
        day,
        adopted,
        caller.username(),
        Timestamp.from(clock.instant()));
    replan(review, "review day entered by " + caller.username(), false);
    return milestones(caller, reviewId);
  }

  /**
   * Plans a running review's milestones again from its session's dates: each that changed moves,
   * with its tasks, timers and watches, and raises "deadline changed". A milestone a coordinator
   * moved stays where they set it unless {@code includingMoved}.
   */
  private void replan(Review review, String reason, boolean includingMoved) {
    Map<String, Planned> planned = plannedFor(review.session(), review.country(), review.id());
    for (Map.Entry<String, Planned> milestone : planned.entrySet()) {
      Optional<Milestone> current = find(review.id(), milestone.getKey());
      if (current.isEmpty()) {
        jdbc.update(
            "INSERT INTO upr_review_milestone (review_id, key, due_on, basis) VALUES (?, ?, ?, ?)",
            review.id(),
            milestone.getKey(),
            milestone.getValue().dueOn(),
            milestone.getValue().basis());
        continue; // a milestone the review's plan did not have yet: no task waits on it
      }
      if ("moved".equals(current.get().basis()) && !includingMoved) {
        continue; // a milestone a coordinator set stays where they set it
      }
      LocalDate dueOn = milestone.getValue().dueOn();
      jdbc.update(
          "UPDATE upr_review_milestone SET due_on = ?, basis = ?, moved_by = NULL, moved_at = NULL WHERE review_id = ? AND key = ?",
          dueOn,
          milestone.getValue().basis(),
          review.id(),
          milestone.getKey());
      if (!current.get().dueOn().equals(dueOn)) {
        applyChange(review, milestone.getKey(), current.get().dueOn(), dueOn, reason);
      }
    }
  }

  private void applyChange(
      Review review, String key, LocalDate oldDueOn, LocalDate newDueOn, String reason) {
    String businessKey = review.id().toString();
    List<String> moved = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceBusinessKey(businessKey).list()) {
      if (key.equals(TASK_MILESTONES.get(task.getTaskDefinitionKey()))) {
        tasks.setDueDate(task.getId(), endOfDay(newDueOn));
        moveWatch(review, task, endOfDay(newDueOn));
        moved.add(task.getId());
      }
    }
    for (ProcessInstance instance :
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()) {
      for (Job timer :
          management.createJobQuery().processInstanceId(instance.getId()).timers().list()) {
        String activity = activityOf(timer);
        if (key.equals(TIMER_MILESTONES.get(activity))) {
          management.setJobDuedate(timer.getId(), endOfDay(newDueOn));
        } else if (key.equals(LEGACY_WATCH_MILESTONES.get(activity))) {
          management.setJobDuedate(timer.getId(), nextAlert(endOfDay(newDueOn)));
        }
      }
    }
    outbox.append(
        review.id(),
        new DeadlineChanged(key, oldDueOn, newDueOn, reason, review.country(), moved, null));
  }

  /**
   * Moves the watch of a task to its new due date ({@link DeadlineWatches#watch}): no reminder
   * comes twice and none still ahead is skipped; a task whose watch had escalated is watched again.
   */
  private void moveWatch(Review review, Task task, Date due) {
    watches.watch(
        new DeadlineWatches.WatchedTask(
            task.getId(),
            task.getName(),
            review.id(),
            review.country(),
            TASK_MILESTONES.get(task.getTaskDefinitionKey())),
        due);
  }

  private String activityOf(Job job) {
    return management
        .createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId())
        .singleResult()
        .getActivityId();
  }

  private Optional<Milestone> find(UUID reviewId, String key) {
    return jdbc
        .query(
            "SELECT * FROM upr_review_milestone WHERE review_id = ? AND key = ?",
            DeadlinePlanner::milestone,
            reviewId,
            key)
        .stream()
        .findFirst();
  }

  /**
   * Every milestone of a review of {@code country} in {@code session}: the submission's back from
   * the UN-entity deadline by the team's offsets, the later stages' from the session's dates, the
   * addendum deadlines and the adopting HRC session, each with the basis of the date it hangs on.
   */
  private Map<String, Planned> plannedFor(int session, String country, UUID reviewId) {
    SessionView view =
        calendar
            .view(session)
            .orElseThrow(() -> new IllegalStateException("No WG session " + session));
    Map<String, Integer> daysBefore = offsets.effective(country);
    SessionView.Dated<LocalDate> unEntity = view.deadlines().get(SessionView.UN_ENTITY_SUBMISSION);
    Map<String, Planned> planned = new LinkedHashMap<>();
    for (String key : MilestoneOffsets.SUBMISSION_KEYS) {
      planned.put(
          key, new Planned(unEntity.value().minusDays(daysBefore.get(key)), unEntity.source()));
    }
    String sessionBasis = view.datesTentative() ? SessionView.COMPUTED : SessionView.OFFICIAL;
    for (String key :
        List.of(MilestoneOffsets.STAKEHOLDER_SUPPORT, MilestoneOffsets.NATIONAL_REPORT_SUPPORT)) {
      SessionView.Dated<LocalDate> deadline =
          view.deadlines().get(MilestoneOffsets.COUNTED_FROM.get(key));
      planned.put(
          key, new Planned(deadline.value().minusDays(daysBefore.get(key)), deadline.source()));
    }
    Optional<ReviewDay> timetable = reviewDay(reviewId);
    Planned stateReview =
        timetable
            .map(day -> new Planned(day.reviewDay(), SessionView.OFFICIAL))
            .orElseGet(
                () -> new Planned(DeadlineRules.reviewDay(view.endsOn()), SessionView.COMPUTED));
    for (String key :
        List.of(
            MilestoneOffsets.COMPILATION_CHECK,
            MilestoneOffsets.BRIEFINGS,
            MilestoneOffsets.ADVANCE_QUESTIONS)) {
      planned.put(
          key,
          new Planned(stateReview.dueOn().minusDays(daysBefore.get(key)), stateReview.basis()));
    }
    planned.put(MilestoneOffsets.STATE_REVIEW, stateReview);
    planned.put(
        WG_REPORT_ADOPTED,
        timetable
            .filter(day -> day.wgReportAdopted() != null)
            .map(day -> new Planned(day.wgReportAdopted(), SessionView.OFFICIAL))
            .orElseGet(
                () ->
                    new Planned(
                        DeadlineRules.wgReportAdoption(stateReview.dueOn()),
                        SessionView.COMPUTED)));
    planned.put(
        RECOMMENDATIONS_RECORDED,
        new Planned(view.endsOn().plusDays(RECOMMENDATIONS_RECORDED_DAYS), sessionBasis));
    SessionView.Dated<LocalDate> addendumFinal = view.deadlines().get(SessionView.ADDENDUM_FINAL);
    SessionView.Dated<LocalDate> addendumEarly = view.deadlines().get(SessionView.ADDENDUM_EARLY);
    planned.put(ADDENDUM_EARLY, new Planned(addendumEarly.value(), addendumEarly.source()));
    planned.put(ADDENDUM_FINAL, new Planned(addendumFinal.value(), addendumFinal.source()));
    LocalDate hrcAdoption = view.adoptingSession().adoptionDay();
    planned.put(HRC_ADOPTION, new Planned(hrcAdoption, SessionView.COMPUTED));
    planned.put(
        DISSEMINATION, new Planned(hrcAdoption.plusDays(DISSEMINATION_DAYS), SessionView.COMPUTED));
    LocalDate midTerm = view.startsOn().plusMonths(followUp.midTermReportMonths());
    planned.put(MID_TERM_REPORT, new Planned(midTerm, sessionBasis));
    planned.put(
        MID_TERM_REPORT_DUE,
        new Planned(midTerm.plusDays(followUp.midTermReportDays()), sessionBasis));
    return planned;
  }

  private static Milestone milestone(ResultSet rs, int row) throws SQLException {
    return new Milestone(
        rs.getString("key"),
        rs.getDate("due_on").toLocalDate(),
        rs.getString("basis"),
        rs.getString("moved_by"));
  }

  private Date endOfDay(LocalDate day) {
    return deadlineTime.dueDate(day);
  }

  private Optional<ReviewDay> reviewDay(UUID reviewId) {
    return jdbc
        .query(
            "SELECT review_day, wg_report_adopted FROM upr_review_day WHERE review_id = ?",
            (rs, i) ->
                new ReviewDay(
                    rs.getDate("review_day").toLocalDate(),
                    rs.getDate("wg_report_adopted") == null
                        ? null
                        : rs.getDate("wg_report_adopted").toLocalDate()),
            reviewId)
        .stream()
        .findFirst();
  }

  private record Planned(LocalDate dueOn, String basis) {}

  private record ReviewDay(LocalDate reviewDay, LocalDate wgReportAdopted) {}
}
