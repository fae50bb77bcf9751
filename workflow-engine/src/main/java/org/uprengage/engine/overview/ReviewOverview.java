package org.uprengage.engine.overview;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.deadline.DeadlinePlanner;
import org.uprengage.engine.deadline.Milestone;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.SessionCalendar;
import org.uprengage.engine.web.ApiProblem;

/** Puts together what is known of one review for the people of its country team. */
@Service
public class ReviewOverview {

  private final ReviewWorkflow reviews;
  private final DeadlinePlanner deadlines;
  private final SessionCalendar calendar;
  private final TaskService tasks;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final EventOutbox events;
  private final Clock clock;
  private final org.uprengage.engine.audit.AuditTrail audits;

  ReviewOverview(
      ReviewWorkflow reviews,
      DeadlinePlanner deadlines,
      SessionCalendar calendar,
      TaskService tasks,
      HistoryService history,
      RuntimeService runtime,
      EventOutbox events,
      Clock clock,
      org.uprengage.engine.audit.AuditTrail audits) {
    this.audits = audits;
    this.reviews = reviews;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.tasks = tasks;
    this.history = history;
    this.runtime = runtime;
    this.events = events;
    this.clock = clock;
  }

  @Transactional(readOnly = true)
  public ReviewDetail detail(Caller caller, UUID reviewId) {
    Review review = visible(caller, reviewId);
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceId(review.processInstanceId())
            .orderByTaskCreateTime()
            .asc()
            .list();
    List<ReviewDetail.OpenTask> openTasks = new ArrayList<>();
    for (Task task : open) {
      openTasks.add(
          new ReviewDetail.OpenTask(
              task.getId(),
              task.getName(),
              task.getTaskDefinitionKey(),
              task.getAssignee(),
              candidateGroups(task),
              instant(task.getDueDate())));
    }
    List<ReviewDetail.MilestoneStatus> milestones = new ArrayList<>();
    for (Milestone milestone : deadlines.milestones(caller, reviewId)) {
      milestones.add(
          new ReviewDetail.MilestoneStatus(
              milestone.key(),
              milestone.dueOn(),
              milestone.basis(),
              status(review, milestone, open)));
    }
    return new ReviewDetail(
        review.id(),
        review.country(),
        review.session(),
        review.state(),
        stage(review),
        review.startedBy(),
        review.startedAt(),
        openTasks,
        calendar.view(review.session()).orElseThrow().deadlines(),
        milestones);
  }

  /** Every change attempted on the review and its tasks: who, what, when, from where, outcome. */
  @Transactional(readOnly = true)
  public List<org.uprengage.engine.audit.AuditEntry> audit(Caller caller, UUID reviewId) {
    visible(caller, reviewId);
    return audits.ofReview(reviewId);
  }

  /** What happened in the review, oldest first, from the events it raised. */
  @Transactional(readOnly = true)
  public List<TimelineEntry> timeline(Caller caller, UUID reviewId) {
    visible(caller, reviewId);
    List<TimelineEntry> entries = new ArrayList<>();
    for (EventOutbox.RecordedEvent event : events.eventsOf(reviewId)) {
      Map<String, Object> data = event.data();
      String name =
          event.type().replaceFirst("^org\\.uprengage\\.", "").replaceFirst("\\.v\\d+$", "");
      Object subject = data.containsKey("taskName") ? data.get("taskName") : data.get("milestone");
      entries.add(
          new TimelineEntry(
              event.occurredAt(),
              name,
              subject == null ? null : subject.toString(),
              text(data.get(name.startsWith("review.") ? "startedBy" : "actor")),
              detail(name, data)));
    }
    return entries;
  }

  private Review visible(Caller caller, UUID reviewId) {
    return reviews
        .find(caller, reviewId)
        .orElseThrow(() -> ApiProblem.notFound("Review", reviewId));
  }

  private String stage(Review review) {
    if (!Review.ACTIVE.equals(review.state())) {
      return ReviewProcess.STAGE_SUBMITTED;
    }
    for (String activity : runtime.getActiveActivityIds(review.processInstanceId())) {
      String stage = ReviewProcess.STAGES.get(activity);
      if (stage != null) {
        return stage;
      }
    }
    return ReviewProcess.STAGES.get(ReviewProcess.SUBPROCESS_DRAFT_AGENCY_SECTION);
  }

  private String status(Review review, Milestone milestone, List<Task> open) {
    Instant due = milestone.dueOn().atTime(LocalTime.of(23, 59)).toInstant(ZoneOffset.UTC);
    boolean past = clock.instant().isAfter(due);
    List<String> boundTasks = DeadlinePlanner.tasksDueAt(milestone.key());
    if (open.stream().anyMatch(task -> boundTasks.contains(task.getTaskDefinitionKey()))) {
      return past ? "overdue" : "open";
    }
    List<HistoricTaskInstance> done = new ArrayList<>();
    for (String taskKey : boundTasks) {
      done.addAll(
          history
              .createHistoricTaskInstanceQuery()
              .processInstanceId(review.processInstanceId())
              .taskDefinitionKey(taskKey)
              .finished()
              .list());
    }
    if (!done.isEmpty()) {
      return done.stream()
              .allMatch(
                  task -> task.getEndTime() != null && !task.getEndTime().toInstant().isAfter(due))
          ? "met"
          : "missed";
    }
    return past ? "passed" : "upcoming";
  }

  private static String detail(String event, Map<String, Object> data) {
    return switch (event) {
      case "deadline.changed" ->
          "moved from "
              + data.get("oldDueOn")
              + " to "
              + data.get("newDueOn")
              + " ("
              + data.get("reason")
              + ")";
      case "deadline.approaching" -> data.get("daysLeft") + " days left, due " + data.get("dueAt");
      case "deadline.missed" ->
          "due " + data.get("dueAt") + "; escalated to " + data.get("escalateTo");
      case "task.created" ->
          data.get("assignee") != null
              ? "for " + data.get("assignee")
              : "for " + data.get("candidateGroups");
      case "task.assigned" -> "to " + data.get("assignee");
      case "review.started" -> data.get("country") + ", WG session " + data.get("session");
      default -> null;
    };
  }

  private List<String> candidateGroups(Task task) {
    return tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
