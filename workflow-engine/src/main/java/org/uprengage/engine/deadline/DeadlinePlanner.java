package org.uprengage.engine.deadline;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outbox.EventTopics;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewScheduled;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.SessionCalendar;
import org.uprengage.engine.session.SessionDatesChanged;
import org.uprengage.engine.session.SessionView;
import org.uprengage.engine.web.ApiProblem;

/**
 * Plans each review's internal milestones back from its session's UN-entity deadline, gives the
 * tasks bound to a milestone their due date, and moves both when a coordinator moves a milestone or
 * the calendar moves the deadline, raising "deadline changed" through the outbox.
 */
@Service("deadlinePlanner")
public class DeadlinePlanner {

  public static final String DEADLINE_CHANGED = "org.uprengage.deadline.changed.v1";

  /** Which milestone each deadline watch (its timer) is watching. */
  static final Map<String, String> WATCH_MILESTONES =
      Map.of(ReviewProcess.TIMER_DRAFT_DEADLINE_ALERT, MilestoneOffsets.AGENCY_DRAFTS_DUE);

  /** Which milestone each user task is due at. */
  static final Map<String, String> TASK_MILESTONES =
      Map.of(
          ReviewProcess.TASK_PLAN_SUBMISSION, MilestoneOffsets.CALL_FOR_INPUTS,
          ReviewProcess.TASK_DRAFT_AGENCY_SECTION, MilestoneOffsets.AGENCY_DRAFTS_DUE,
          ReviewProcess.TASK_CONSOLIDATE_SUBMISSION, MilestoneOffsets.CONSOLIDATION,
          ReviewProcess.TASK_CLEAR_SUBMISSION, MilestoneOffsets.CLEARANCE,
          ReviewProcess.TASK_REVISE_AGENCY_SECTION, MilestoneOffsets.CLEARANCE,
          ReviewProcess.TASK_SIGN_OFF_SUBMISSION, MilestoneOffsets.RC_SIGN_OFF,
          ReviewProcess.TASK_RECORD_SUBMISSION, MilestoneOffsets.SUBMISSION);

  /** Tasks fall due at the end of the milestone's day (UTC). */
  private static final LocalTime END_OF_DAY = LocalTime.of(23, 59);

  private final JdbcTemplate jdbc;
  private final SessionCalendar calendar;
  private final ReviewWorkflow reviews;
  private final TaskService tasks;
  private final MilestoneOffsets offsets;
  private final ReminderSchedule reminders;
  private final ManagementService management;
  private final EventOutbox outbox;
  private final EventTopics topics;
  private final Clock clock;

  DeadlinePlanner(
      JdbcTemplate jdbc,
      SessionCalendar calendar,
      ReviewWorkflow reviews,
      TaskService tasks,
      MilestoneOffsets offsets,
      ReminderSchedule reminders,
      ManagementService management,
      EventOutbox outbox,
      EventTopics topics,
      Clock clock) {
    this.jdbc = jdbc;
    this.calendar = calendar;
    this.reviews = reviews;
    this.tasks = tasks;
    this.offsets = offsets;
    this.reminders = reminders;
    this.management = management;
    this.outbox = outbox;
    this.topics = topics;
    this.clock = clock;
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
    for (Map.Entry<String, Planned> milestone : plannedFor(scheduled.session()).entrySet()) {
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
   * When the deadline watch of a milestone fires next: the next reminder still ahead, else the
   * deadline itself. Used by the BPMN timers: {@code ${deadlinePlanner.nextAlert(execution,
   * 'agencyDraftsDue')}}.
   */
  public Date nextAlert(DelegateExecution execution, String milestone) {
    return nextAlert(dueOf(execution, milestone));
  }

  /** When a milestone of the execution's review falls due (end of its day, UTC). */
  public Date dueOf(DelegateExecution execution, String milestone) {
    UUID reviewId = UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
    return find(reviewId, milestone)
        .map(m -> endOfDay(m.dueOn()))
        .orElseThrow(
            () ->
                new IllegalStateException("Review " + reviewId + " has no milestone " + milestone));
  }

  /** Whole days left until {@code due}, rounded to the nearest day; 0 or less once it passed. */
  static long daysLeft(Date due, Date now) {
    return Math.round((due.getTime() - now.getTime()) / 86_400_000.0);
  }

  private Date nextAlert(Date due) {
    Date now = ClockUtil.getCurrentTime();
    return reminders.daysBefore().stream()
        .map(days -> new Date(due.getTime() - days * 86_400_000L))
        .filter(reminder -> reminder.after(now))
        .min(Date::compareTo)
        .orElse(due);
  }

  /** The milestones of a review the caller can see, in plan order. */
  @Transactional(readOnly = true)
  public List<Milestone> milestones(Caller caller, UUID reviewId) {
    reviews.find(caller, reviewId).orElseThrow(() -> ApiProblem.notFound("Review", reviewId));
    return jdbc
        .query(
            "SELECT * FROM upr_review_milestone WHERE review_id = ?",
            (rs, i) ->
                new Milestone(
                    rs.getString("key"),
                    rs.getDate("due_on").toLocalDate(),
                    rs.getString("basis"),
                    rs.getString("moved_by")),
            reviewId)
        .stream()
        .sorted(java.util.Comparator.comparing(m -> MilestoneOffsets.KEYS.indexOf(m.key())))
        .toList();
  }

  /** A coordinator moves one milestone of their review; it stops following the calendar. */
  @Transactional
  public Milestone move(Caller caller, UUID reviewId, String key, LocalDate dueOn) {
    Review review =
        reviews.find(caller, reviewId).orElseThrow(() -> ApiProblem.notFound("Review", reviewId));
    if (!caller.hasRole(Caller.COORDINATOR) && !caller.hasRole(Caller.ADMIN)) {
      throw ApiProblem.forbidden("Only coordinators move a review's milestones.");
    }
    Milestone current =
        find(reviewId, key).orElseThrow(() -> ApiProblem.notFound("Milestone", key));
    if (!Review.ACTIVE.equals(review.state())) {
      throw ApiProblem.conflict("The review has ended; its milestones no longer move.");
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
   * The calendar moved a session's dates: milestones that follow it move in every running review.
   */
  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void onSessionDatesChanged(SessionDatesChanged change) {
    Map<String, Planned> planned = plannedFor(change.session());
    for (Review review : reviews.activeInSession(change.session())) {
      for (Map.Entry<String, Planned> milestone : planned.entrySet()) {
        Optional<Milestone> current = find(review.id(), milestone.getKey());
        if (current.isEmpty() || "moved".equals(current.get().basis())) {
          continue; // a milestone a coordinator set stays where they set it
        }
        LocalDate dueOn = milestone.getValue().dueOn();
        jdbc.update(
            "UPDATE upr_review_milestone SET due_on = ?, basis = ? WHERE review_id = ? AND key = ?",
            dueOn,
            milestone.getValue().basis(),
            review.id(),
            milestone.getKey());
        if (!current.get().dueOn().equals(dueOn)) {
          applyChange(
              review,
              milestone.getKey(),
              current.get().dueOn(),
              dueOn,
              "session calendar changed by " + change.changedBy());
        }
      }
    }
  }

  private void applyChange(
      Review review, String key, LocalDate oldDueOn, LocalDate newDueOn, String reason) {
    List<String> moved = new ArrayList<>();
    for (Task task : tasks.createTaskQuery().processInstanceId(review.processInstanceId()).list()) {
      if (key.equals(TASK_MILESTONES.get(task.getTaskDefinitionKey()))) {
        tasks.setDueDate(task.getId(), endOfDay(newDueOn));
        moved.add(task.getId());
      }
    }
    for (Job watch :
        management.createJobQuery().processInstanceId(review.processInstanceId()).timers().list()) {
      String watched = WATCH_MILESTONES.get(watchedActivity(watch));
      if (key.equals(watched)) {
        management.setJobDuedate(watch.getId(), nextAlert(endOfDay(newDueOn)));
      }
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("milestone", key);
    payload.put("oldDueOn", oldDueOn.toString());
    payload.put("newDueOn", newDueOn.toString());
    payload.put("reason", reason);
    payload.put("countryTeam", review.country());
    payload.put("taskIds", moved);
    outbox.append(
        topics.deadlines(),
        review.id(),
        DEADLINE_CHANGED,
        "reviews/" + review.id() + "/milestones/" + key,
        payload);
  }

  private String watchedActivity(Job job) {
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
            (rs, i) ->
                new Milestone(
                    rs.getString("key"),
                    rs.getDate("due_on").toLocalDate(),
                    rs.getString("basis"),
                    rs.getString("moved_by")),
            reviewId,
            key)
        .stream()
        .findFirst();
  }

  private Map<String, Planned> plannedFor(int session) {
    SessionView view =
        calendar
            .view(session)
            .orElseThrow(() -> new IllegalStateException("No WG session " + session));
    SessionView.Dated<LocalDate> unEntity = view.deadlines().get(SessionView.UN_ENTITY_SUBMISSION);
    Map<String, Planned> planned = new LinkedHashMap<>();
    for (String key : MilestoneOffsets.KEYS) {
      planned.put(
          key,
          new Planned(
              unEntity.value().minusDays(offsets.daysBefore().get(key)), unEntity.source()));
    }
    return planned;
  }

  private static Date endOfDay(LocalDate day) {
    return Date.from(day.atTime(END_OF_DAY).toInstant(ZoneOffset.UTC));
  }

  private record Planned(LocalDate dueOn, String basis) {}
}
