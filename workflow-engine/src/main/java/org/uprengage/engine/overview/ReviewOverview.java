package org.uprengage.engine.overview;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.audit.AuditEntry;
import org.uprengage.engine.audit.AuditTrail;
import org.uprengage.engine.deadline.DeadlineApproaching;
import org.uprengage.engine.deadline.DeadlineChanged;
import org.uprengage.engine.deadline.DeadlineMissed;
import org.uprengage.engine.deadline.DeadlinePlanner;
import org.uprengage.engine.deadline.Milestone;
import org.uprengage.engine.outbox.EventOutbox;
import org.uprengage.engine.outcome.OutcomeAdopted;
import org.uprengage.engine.outcome.PositionsRecorded;
import org.uprengage.engine.outcome.RecommendationsRecorded;
import org.uprengage.engine.outcome.ReviewOutcomes;
import org.uprengage.engine.problem.FieldError;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewHandedOver;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewStarted;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.review.StageEntered;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.session.SessionCalendar;
import org.uprengage.engine.session.SessionView;
import org.uprengage.engine.session.UprSession;
import org.uprengage.engine.submission.SubmissionRecord;
import org.uprengage.engine.task.TaskAssigned;
import org.uprengage.engine.task.TaskCreated;
import org.uprengage.engine.task.TaskWork;

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
  private final AuditTrail audits;
  private final ReviewOutcomes outcomes;
  private final RepositoryService repository;
  private final SubmissionRecord submissions;

  /** The most reviews one page of {@link #list} holds. */
  static final int MAX_PAGE_SIZE = 100;

  private static final Pattern COUNTRY_TEAM = Pattern.compile("[A-Z]{3}");

  /** Process definition keys by id: definitions never change once deployed. */
  private final Map<String, String> processKeys = new ConcurrentHashMap<>();

  ReviewOverview(
      ReviewWorkflow reviews,
      DeadlinePlanner deadlines,
      SessionCalendar calendar,
      TaskService tasks,
      HistoryService history,
      RuntimeService runtime,
      EventOutbox events,
      Clock clock,
      AuditTrail audits,
      ReviewOutcomes outcomes,
      RepositoryService repository,
      SubmissionRecord submissions) {
    this.reviews = reviews;
    this.deadlines = deadlines;
    this.calendar = calendar;
    this.tasks = tasks;
    this.history = history;
    this.runtime = runtime;
    this.events = events;
    this.clock = clock;
    this.audits = audits;
    this.outcomes = outcomes;
    this.repository = repository;
    this.submissions = submissions;
  }

  @Transactional(readOnly = true)
  public ReviewDetail detail(Caller caller, UUID reviewId) {
    Review review = visible(caller, reviewId);
    List<Task> open =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(review.id().toString())
            .orderByTaskCreateTime()
            .asc()
            .list();
    List<ReviewDetail.OpenTask> openTasks = new ArrayList<>();
    for (Task task : open) {
      List<String> candidateGroups = candidateGroups(task);
      openTasks.add(
          new ReviewDetail.OpenTask(
              task.getId(),
              task.getName(),
              task.getTaskDefinitionKey(),
              stageOfTask(task),
              task.getAssignee(),
              candidateGroups,
              instant(task.getDueDate()),
              TaskWork.mayOpen(caller, task.getAssignee(), candidateGroups)));
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
    String[] stageAndStep = stageAndStep(review);
    SessionView session = calendar.view(review.session()).orElseThrow();
    return new ReviewDetail(
        review.id(),
        review.country(),
        review.session(),
        review.state(),
        stageAndStep[0],
        stageAndStep[1],
        review.startedBy(),
        review.startedAt(),
        openTasks,
        session.deadlines(),
        session.submissionCountsBackFrom(),
        milestones,
        outcomes.of(review.id()).orElse(null),
        review.previousReviewId(),
        review.nextReviewId(),
        submissions.documents(caller, review.id()));
  }

  /**
   * One page of the reviews of the caller's country teams (every role of a team sees its reviews,
   * as it sees each one), the latest started first: of one of their teams where {@code countryTeam}
   * is given, in one state where {@code state} is. A team the caller is not a member of is not
   * found, as its reviews are.
   */
  @Transactional(readOnly = true)
  public ReviewSummaryPage list(
      Caller caller, String countryTeam, String state, int page, int size) {
    List<FieldError> errors = new ArrayList<>();
    if (countryTeam != null && !COUNTRY_TEAM.matcher(countryTeam).matches()) {
      errors.add(
          new FieldError(
              "countryTeam", "must be a country team's ISO 3166-1 alpha-3 code such as GHA"));
    }
    if (state != null && !Review.ACTIVE.equals(state) && !Review.COMPLETED.equals(state)) {
      errors.add(new FieldError("state", "must be " + Review.ACTIVE + " or " + Review.COMPLETED));
    }
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be between 1 and " + MAX_PAGE_SIZE));
    }
    if (!errors.isEmpty()) {
      throw new InvalidInput(errors);
    }
    if (countryTeam != null && !caller.belongsTo(countryTeam)) {
      throw new NotFound("Country team", countryTeam);
    }
    Set<String> teams = countryTeam == null ? caller.countryTeams() : Set.of(countryTeam);
    long total = reviews.countOfTeams(teams, state);
    Map<Integer, Optional<UprSession>> sessions = new HashMap<>();
    Instant now = clock.instant();
    List<ReviewSummary> items = new ArrayList<>();
    for (Review review : reviews.ofTeams(teams, state, (long) page * size, size)) {
      String[] stageAndStep = stageAndStep(review);
      Optional<UprSession> session = sessions.computeIfAbsent(review.session(), calendar::find);
      items.add(
          new ReviewSummary(
              review.id(),
              review.country(),
              review.session(),
              session.map(UprSession::startsOn).orElse(null),
              session.map(UprSession::endsOn).orElse(null),
              review.state(),
              stageAndStep[0],
              stageAndStep[1],
              review.startedBy(),
              review.startedAt(),
              Review.ACTIVE.equals(review.state()) ? nextDeadline(caller, review, now) : null,
              tasks.createTaskQuery().processInstanceBusinessKey(review.id().toString()).count()));
    }
    return new ReviewSummaryPage(items, page, size, total);
  }

  /** The review's earliest milestone whose moment is still ahead, if any is. */
  private ReviewSummary.NextDeadline nextDeadline(Caller caller, Review review, Instant now) {
    return deadlines.milestones(caller, review.id()).stream()
        .filter(milestone -> milestone.dueOn() != null)
        .filter(milestone -> deadlines.dueAt(milestone.dueOn()).isAfter(now))
        .min(Comparator.comparing(Milestone::dueOn))
        .map(
            milestone ->
                new ReviewSummary.NextDeadline(
                    milestone.key(), milestone.dueOn(), milestone.basis()))
        .orElse(null);
  }

  /** Every change attempted on the review and its tasks: who, what, when, from where, outcome. */
  @Transactional(readOnly = true)
  public List<AuditEntry> audit(Caller caller, UUID reviewId) {
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
              text(data.get("taskKey")),
              text(data.get(name.startsWith("review.") ? "startedBy" : "actor")),
              detail(event.type(), data)));
    }
    return entries;
  }

  private Review visible(Caller caller, UUID reviewId) {
    return reviews.find(caller, reviewId).orElseThrow(() -> new NotFound("Review", reviewId));
  }

  /**
   * The stage ({@code upr-review}'s call activity it waits at) and the step in it (the activity the
   * stage's process waits at).
   */
  private String[] stageAndStep(Review review) {
    if (!Review.ACTIVE.equals(review.state())) {
      return new String[] {
        review.nextReviewId() != null
            ? ReviewProcess.STAGE_HANDED_OVER
            : ReviewProcess.STAGE_SUBMITTED, // the first model version ended with the submission
        null
      };
    }
    String stage = null;
    String step = null;
    for (String activity : runtime.getActiveActivityIds(review.processInstanceId())) {
      stage = ReviewProcess.STAGES.getOrDefault(activity, stage);
      step = ReviewProcess.STEPS.getOrDefault(activity, step); // the first model version's tasks
    }
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(review.id().toString())
            .superProcessInstanceId(review.processInstanceId())
            .list()) {
      for (String activity : runtime.getActiveActivityIds(instance.getId())) {
        step = ReviewProcess.STEPS.getOrDefault(activity, step);
      }
    }
    if (stage == null) {
      stage = ReviewProcess.STAGE_SUBMISSION; // the first model version had only the submission
    }
    return new String[] {stage, step};
  }

  private String stageOfTask(Task task) {
    String definitionKey =
        processKeys.computeIfAbsent(
            task.getProcessDefinitionId(), id -> repository.getProcessDefinition(id).getKey());
    return ReviewProcess.STAGE_PROCESSES.entrySet().stream()
        .filter(e -> e.getValue().equals(definitionKey))
        .map(Map.Entry::getKey)
        .findFirst()
        // the review's own tasks, the support to the other reports, run before the review
        .orElse(
            ReviewProcess.PROCESS_KEY.equals(definitionKey)
                ? ReviewProcess.STAGE_SUBMISSION
                : null);
  }

  private String status(Review review, Milestone milestone, List<Task> open) {
    Instant due = deadlines.dueAt(milestone.dueOn());
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
              .processInstanceBusinessKey(review.id().toString())
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

  private static String detail(String type, Map<String, Object> data) {
    return switch (type) {
      case DeadlineChanged.TYPE ->
          "moved from "
              + data.get("oldDueOn")
              + " to "
              + data.get("newDueOn")
              + " ("
              + data.get("reason")
              + ")";
      case DeadlineApproaching.TYPE ->
          data.get("daysLeft") + " days left, due " + data.get("dueAt");
      case DeadlineMissed.TYPE ->
          "due " + data.get("dueAt") + "; escalated to " + data.get("escalateTo");
      case TaskCreated.TYPE ->
          data.get("assignee") != null
              ? "for " + data.get("assignee")
              : "for " + data.get("candidateGroups");
      case TaskAssigned.TYPE -> "to " + data.get("assignee");
      case ReviewStarted.TYPE -> data.get("country") + ", WG session " + data.get("session");
      case StageEntered.TYPE -> "stage " + data.get("stage");
      case RecommendationsRecorded.TYPE -> data.get("recommendations") + " recommendations";
      case PositionsRecorded.TYPE ->
          data.get("deadline")
              + " positions: "
              + data.get("supported")
              + " supported, "
              + data.get("noted")
              + " noted";
      case OutcomeAdopted.TYPE -> "adopted by the HRC on " + data.get("adoptedOn");
      case ReviewHandedOver.TYPE ->
          "to review " + data.get("nextReviewId") + " (WG session " + data.get("nextSession") + ")";
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
