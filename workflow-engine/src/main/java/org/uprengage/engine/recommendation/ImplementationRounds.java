package org.uprengage.engine.recommendation;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.uprengage.engine.deadline.DeadlinePlanner;
import org.uprengage.engine.deadline.DeadlineTime;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.task.TaskRecommendation;

/**
 * The implementation rounds of a review's follow-up ({@code upr-implementation-round}): when the
 * next one opens (every {@code roundMonths} of the country team from the HRC adoption, the setting
 * read as each round is planned), when a round is due, which lead agencies it asks, and what each
 * agency did in it. Used by the models through {@code ${implementationRounds...}}.
 *
 * <p>A round opened on its schedule is due {@code upr.follow-up.round-days} (30 by default) after
 * it opens; the round the mid-term timer opens is due 60 days before the mid-term report task.
 * Where a head of office's clearance is awaited, the clearance task is due {@link #CLEARANCE_DAYS}
 * after the round.
 */
@Service("implementationRounds")
public class ImplementationRounds {

  public static final String PROCESS_KEY = "upr-implementation-round";
  public static final String CALL_ROUND = "CallActivity_ImplementationRound";
  public static final String CALL_MID_TERM_ROUND = "CallActivity_MidTermImplementationRound";
  public static final String TIMER_NEXT_ROUND = "Timer_NextImplementationRound";
  public static final String TASK_REPORT_PROGRESS = "UserTask_ReportProgress";
  public static final String TASK_CLEAR_PROGRESS = "UserTask_ClearProgress";
  public static final String END_ROUND_CLOSED = "EndEvent_RoundClosed";

  /** The milestone the round's tasks name in their deadline alerts. */
  public static final String MILESTONE = "implementationRound";

  public static final String VAR_ROUND_OPENED_AT = "roundOpenedAt";
  public static final String VAR_ROUND_DUE_DATE = "roundDueDate";
  public static final String VAR_ROUND_KIND = "roundKind";
  public static final String VAR_LAST_ROUND_ON = "lastRoundOn";
  public static final String VAR_NEXT_ROUND_ON = "nextRoundOn";

  public static final String SCHEDULED = "scheduled";
  public static final String MID_TERM = "mid-term";

  /** Days before the mid-term report task's due date by which the mid-term round is due. */
  static final int MID_TERM_ROUND_DAYS_BEFORE = 60;

  /** Days after the round's due date by which a head of office clears the agency's updates. */
  static final int CLEARANCE_DAYS = 7;

  private final JdbcTemplate jdbc;
  private final ImplementationSettings settings;
  private final DeadlineTime deadlineTime;
  private final DeadlinePlanner planner;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final int roundDays;

  ImplementationRounds(
      JdbcTemplate jdbc,
      ImplementationSettings settings,
      DeadlineTime deadlineTime,
      DeadlinePlanner planner,
      RuntimeService runtime,
      ManagementService management,
      @Value("${upr.follow-up.round-days:30}") int roundDays) {
    if (roundDays < 1 || roundDays > 180) {
      throw new IllegalArgumentException("upr.follow-up.round-days must be between 1 and 180");
    }
    this.jdbc = jdbc;
    this.settings = settings;
    this.deadlineTime = deadlineTime;
    this.planner = planner;
    this.runtime = runtime;
    this.management = management;
    this.roundDays = roundDays;
  }

  /**
   * When the follow-up's next round opens: {@code roundMonths} after the last one (after the HRC
   * adoption for the first), at the start of that day in the deadlines' zone. A follow-up that fell
   * behind opens only the latest round whose time has come, never a run of them. Remembers the day
   * as {@code nextRoundOn}. Used by {@code upr-follow-up}'s round timer.
   */
  public Date nextRound(DelegateExecution execution) {
    LocalDate next =
        nextRoundOn(
            execution.getVariable(VAR_LAST_ROUND_ON), reviewId(execution), country(execution));
    execution.setVariable(VAR_NEXT_ROUND_ON, next.toString());
    return Date.from(next.atStartOfDay(deadlineTime.zoneId()).toInstant());
  }

  /**
   * Whether the next round opens before the mid-term report's time: after that, the round the
   * mid-term timer opens takes over. Used by {@code upr-follow-up}'s rounds loop.
   */
  public boolean anotherRound(DelegateExecution execution) {
    LocalDate next =
        nextRoundOn(
            execution.getVariable(VAR_LAST_ROUND_ON), reviewId(execution), country(execution));
    Date midTerm = planner.dueOf(execution, DeadlinePlanner.MID_TERM_REPORT);
    return next.isBefore(deadlineTime.dayOf(midTerm.toInstant()));
  }

  /** The round the timer opened is now the last one. Used as the round's start listener. */
  public void opened(DelegateExecution execution) {
    execution.setVariable(VAR_LAST_ROUND_ON, execution.getVariable(VAR_NEXT_ROUND_ON));
  }

  private LocalDate nextRoundOn(Object last, UUID reviewId, String country) {
    LocalDate from = last != null ? LocalDate.parse(last.toString()) : adoptedOn(reviewId);
    int months = settings.of(country).roundMonths();
    LocalDate today = deadlineTime.dayOf(ClockUtil.getCurrentTime().toInstant());
    LocalDate next = from.plusMonths(months);
    while (!next.plusMonths(months).isAfter(today)) {
      next = next.plusMonths(months);
    }
    return next;
  }

  /**
   * The country team changed how often rounds open: each of its follow-ups waiting for its next
   * round waits for the new time, counted from its last round. Runs in the caller's transaction.
   */
  @EventListener
  void roundMonthsChanged(ImplementationSettings.RoundMonthsChanged changed) {
    String countryTeam = changed.countryTeam();
    for (ProcessInstance followUp :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(ReviewProcess.FOLLOW_UP_PROCESS_KEY)
            .tenantIdIn(countryTeam)
            .activityIdIn(TIMER_NEXT_ROUND)
            .list()) {
      List<Job> timers =
          management
              .createJobQuery()
              .processInstanceId(followUp.getId())
              .activityId(TIMER_NEXT_ROUND)
              .timers()
              .list();
      if (timers.isEmpty()) {
        continue;
      }
      String executionId = timers.get(0).getExecutionId();
      LocalDate next =
          nextRoundOn(
              runtime.getVariable(executionId, VAR_LAST_ROUND_ON),
              UUID.fromString(
                  runtime.getVariable(executionId, ReviewProcess.VAR_REVIEW_ID).toString()),
              countryTeam);
      runtime.setVariable(executionId, VAR_NEXT_ROUND_ON, next.toString());
      for (Job timer : timers) {
        management.setJobDuedate(
            timer.getId(), Date.from(next.atStartOfDay(deadlineTime.zoneId()).toInstant()));
      }
    }
  }

  /** When a round opened on its schedule is due: {@code round-days} after today. */
  public Date scheduledDue(DelegateExecution execution) {
    LocalDate today = deadlineTime.dayOf(ClockUtil.getCurrentTime().toInstant());
    return deadlineTime.dueDate(today.plusDays(roundDays));
  }

  /** When the round the mid-term timer opens is due: 60 days before the mid-term report task. */
  public Date midTermDue(DelegateExecution execution) {
    Date reportDue = planner.dueOf(execution, DeadlinePlanner.MID_TERM_REPORT_DUE);
    LocalDate day = deadlineTime.dayOf(reportDue.toInstant());
    return deadlineTime.dueDate(day.minusDays(MID_TERM_ROUND_DAYS_BEFORE));
  }

  /** When the head of office's clearance of an agency's updates in the round is due. */
  public Date clearanceDue(DelegateExecution execution) {
    Date due = (Date) execution.getVariable(VAR_ROUND_DUE_DATE);
    LocalDate day = deadlineTime.dayOf(due.toInstant());
    return deadlineTime.dueDate(day.plusDays(CLEARANCE_DAYS));
  }

  /** The moment the round opened, for the round's start: the engine's now. */
  public Date now() {
    return ClockUtil.getCurrentTime();
  }

  /**
   * The agencies that lead on at least one recommendation of the round's review, by code: one
   * "Report progress" each.
   */
  public List<String> leadAgencies(DelegateExecution execution) {
    // A mutable list: the multi-instance reads it once, as the round opens.
    return new ArrayList<>(
        jdbc.queryForList(
            "SELECT DISTINCT lead_agency FROM upr_recommendation WHERE review_id = ?"
                + " AND lead_agency IS NOT NULL ORDER BY lead_agency",
            String.class,
            reviewId(execution)));
  }

  /** Whether updates the agency reported in the round wait for its head of office. */
  public boolean awaitsClearance(DelegateExecution execution) {
    return pending(reviewId(execution), agency(execution), openedAt(execution)) > 0;
  }

  /**
   * Whether the head of office returned an update of the round that the agency has not reported
   * again since.
   */
  public boolean returned(DelegateExecution execution) {
    return unanswered(reviewId(execution), agency(execution), openedAt(execution)) > 0;
  }

  /** How many updates the agency reported on its recommendations since the round opened. */
  int reported(UUID reviewId, String agency, Date openedAt) {
    return count("", reviewId, agency, openedAt);
  }

  /** How many of the agency's updates of the round wait for its head of office. */
  int pending(UUID reviewId, String agency, Date openedAt) {
    return count(" AND p.clearance = 'pending'", reviewId, agency, openedAt);
  }

  /** How many updates of the round were returned and not reported again since. */
  int unanswered(UUID reviewId, String agency, Date openedAt) {
    return count(
        " AND p.clearance = 'returned' AND NOT EXISTS (SELECT 1 FROM upr_recommendation_progress"
            + " later WHERE later.recommendation_id = p.recommendation_id"
            + " AND later.number > p.number)",
        reviewId,
        agency,
        openedAt);
  }

  private int count(String condition, UUID reviewId, String agency, Date openedAt) {
    Integer count =
        jdbc.queryForObject(
            "SELECT count(*) FROM upr_recommendation_progress p JOIN upr_recommendation r"
                + " ON r.id = p.recommendation_id WHERE r.review_id = ? AND p.agency = ?"
                + " AND p.reported_at >= ?"
                + condition,
            Integer.class,
            reviewId,
            agency,
            new Timestamp(openedAt.getTime()));
    return count == null ? 0 : count;
  }

  /**
   * The agency's recommendations in the review as its round task lists them, in paragraph order:
   * their status, whether the agency reported on them in the round, and the update waiting for its
   * head of office, if any.
   */
  List<TaskRecommendation> listed(UUID reviewId, String agency, Date openedAt) {
    return jdbc.query(
        """
        SELECT r.id, r.paragraph, r.text, r.status, r.status_as_of,
               (SELECT p.id FROM upr_recommendation_progress p WHERE p.recommendation_id = r.id
                  AND p.reported_at >= ? ORDER BY p.number DESC LIMIT 1) AS latest_id,
               (SELECT p.clearance FROM upr_recommendation_progress p WHERE p.recommendation_id = r.id
                  AND p.reported_at >= ? ORDER BY p.number DESC LIMIT 1) AS latest_clearance
        FROM upr_recommendation r WHERE r.review_id = ? AND r.lead_agency = ?
        ORDER BY r.paragraph_order
        """,
        (rs, i) -> {
          java.sql.Date asOf = rs.getDate("status_as_of");
          return new TaskRecommendation(
              rs.getObject("id", UUID.class),
              rs.getString("paragraph"),
              rs.getString("text"),
              rs.getString("status"),
              asOf == null ? null : asOf.toLocalDate(),
              rs.getObject("latest_id", UUID.class),
              rs.getString("latest_clearance"));
        },
        new Timestamp(openedAt.getTime()),
        new Timestamp(openedAt.getTime()),
        reviewId,
        agency);
  }

  private LocalDate adoptedOn(UUID reviewId) {
    return jdbc
        .query(
            """
            SELECT COALESCE(
                (SELECT hrc_adopted_on FROM upr_review_outcome WHERE review_id = ?),
                (SELECT due_on FROM upr_review_milestone WHERE review_id = ? AND key = ?)) AS day
            """,
            (rs, i) -> rs.getDate("day"),
            reviewId,
            reviewId,
            DeadlinePlanner.HRC_ADOPTION)
        .stream()
        .filter(Objects::nonNull)
        .map(java.sql.Date::toLocalDate)
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Review " + reviewId + " has no adoption"));
  }

  private static UUID reviewId(VariableScope execution) {
    return UUID.fromString(execution.getVariable(ReviewProcess.VAR_REVIEW_ID).toString());
  }

  private static String country(VariableScope execution) {
    return execution.getVariable(ReviewProcess.VAR_COUNTRY).toString();
  }

  private static String agency(VariableScope execution) {
    return execution.getVariable(ReviewProcess.VAR_AGENCY).toString();
  }

  private static Date openedAt(VariableScope execution) {
    return (Date) execution.getVariable(VAR_ROUND_OPENED_AT);
  }
}
