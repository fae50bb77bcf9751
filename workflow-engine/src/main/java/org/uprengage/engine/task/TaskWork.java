package org.uprengage.engine.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.audit.AuditEntry;
import org.uprengage.engine.audit.AuditTrail;
import org.uprengage.engine.people.People;
import org.uprengage.engine.people.Person;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewProcess;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;

/**
 * What a person may do with user tasks. A person sees the tasks of their country teams that are
 * assigned to them or offered to one of their groups; any other task does not exist for them (404).
 * Only the assignee completes a task.
 */
@Service
public class TaskWork {

  public static final int MAX_PAGE_SIZE = 100;

  private final TaskService tasks;
  private final HistoryService history;
  private final IdentityService identity;
  private final ReviewWorkflow reviews;
  private final Map<String, TaskForm> forms;
  private final AuditTrail audits;
  private final TaskLocks locks;
  private final People people;

  TaskWork(
      TaskService tasks,
      HistoryService history,
      IdentityService identity,
      ReviewWorkflow reviews,
      List<TaskForm> forms,
      AuditTrail audits,
      TaskLocks locks,
      People people) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.reviews = reviews;
    this.forms = new HashMap<>();
    forms.forEach(form -> form.taskKeys().forEach(key -> this.forms.put(key, form)));
    this.audits = audits;
    this.locks = locks;
    this.people = people;
  }

  /** The caller's tasks as the filter says, in bounded pages. */
  @Transactional(readOnly = true)
  public TaskPage list(Caller caller, TaskFilter filter, int page, int size) {
    if (page < 0) {
      throw new InvalidInput("page", "must be 0 or more");
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInput("size", "must be between 1 and " + MAX_PAGE_SIZE);
    }
    if ("team".equals(filter.show()) && !overseesTeams(caller)) {
      throw new Forbidden("Only coordinators and admins see every task of their country teams.");
    }
    if (caller.countryTeams().isEmpty()) {
      return new TaskPage(List.of(), page, size, 0);
    }
    TaskQuery query =
        tasks.createTaskQuery().tenantIdIn(caller.countryTeams().toArray(String[]::new));
    if (filter.reviewId() != null) {
      Optional<Review> review = reviews.find(caller, filter.reviewId());
      if (review.isEmpty() || review.get().processInstanceId() == null) {
        return new TaskPage(List.of(), page, size, 0);
      }
      query.processInstanceBusinessKey(review.get().id().toString()); // every stage's tasks
    }
    if (filter.stage() != null) {
      String stageProcess = ReviewProcess.STAGE_PROCESSES.get(filter.stage());
      if (stageProcess == null) {
        throw new InvalidInput(
            "stage", "must be one of " + String.join(", ", ReviewProcess.STAGE_ORDER));
      }
      query.processDefinitionKey(stageProcess);
    }
    List<String> groups = List.copyOf(caller.groups());
    switch (filter.show()) {
      case "mine" -> query.taskAssignee(caller.username());
      case "claimable" -> {
        if (groups.isEmpty()) {
          return new TaskPage(List.of(), page, size, 0);
        }
        query.taskCandidateGroupIn(groups);
      }
      case "team" -> {
        // checked above, before anything is looked up
      }
      case "both" -> {
        if (groups.isEmpty()) {
          query.taskAssignee(caller.username());
        } else {
          query.or().taskAssignee(caller.username()).taskCandidateGroupIn(groups).endOr();
        }
      }
      default -> throw new InvalidInput("show", "must be one of mine, claimable, both, team");
    }
    if (filter.taskKey() != null) {
      query.taskDefinitionKey(filter.taskKey());
    }
    if (filter.dueBefore() != null) {
      query.dueBefore(Date.from(filter.dueBefore()));
    }
    if (filter.text() != null) {
      query.taskNameLike(
          "%" + filter.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    long total = query.count();
    switch (filter.sort()) {
      case "due" -> query.orderByDueDate();
      case "created" -> query.orderByTaskCreateTime();
      default -> throw new InvalidInput("sort", "must be created or due");
    }
    if (filter.descending()) {
      query.desc();
    } else {
      query.asc();
    }
    List<Task> found = query.orderByTaskId().asc().listPage(page * size, size);
    Map<String, Review> byInstance =
        reviews.byProcessInstance(
            found.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet()));
    List<TaskView> items = new ArrayList<>(found.size());
    for (Task task : found) {
      items.add(view(task, byInstance.get(task.getProcessInstanceId()), false));
    }
    return new TaskPage(items, page, size, total);
  }

  /** A coordinator (or admin) assigns the task to someone, or to someone else. */
  @Transactional
  public TaskView assign(Caller caller, String taskId, String assignee) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (!overseesTeams(caller)) {
      throw new Forbidden("Only coordinators and admins assign tasks; you can claim it.");
    }
    requireChoosable("assignee", assignee, task);
    if (!assignee.equals(task.getAssignee())) {
      asCaller(caller, () -> tasks.setAssignee(taskId, assignee));
    }
    return asItIsNow(change);
  }

  /**
   * The audit trail of a task the caller sees, or of a finished one of a review the caller sees.
   */
  @Transactional(readOnly = true)
  List<AuditEntry> audit(Caller caller, String taskId) {
    try {
      visibleTask(caller, taskId);
    } catch (NotFound notVisible) {
      boolean reviewVisible =
          audits
              .reviewOfTask(taskId)
              .flatMap(reviewId -> reviews.find(caller, reviewId))
              .isPresent();
      if (!reviewVisible || tasks.createTaskQuery().taskId(taskId).count() > 0) {
        throw notVisible;
      }
    }
    return audits.ofTask(taskId);
  }

  /**
   * The holder hands the task to someone for a while (Camunda's delegation): that person works on
   * it and resolves it, and it comes back to the holder, who completes it.
   */
  @Transactional
  public TaskView delegate(Caller caller, String taskId, String to) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (task.getDelegationState() == DelegationState.PENDING
        && caller.username().equals(task.getOwner())) {
      throw new Conflict(
          "The task is delegated to "
              + task.getAssignee()
              + " already; it comes back to you when they resolve it.",
          asItIs(change));
    }
    if (!caller.username().equals(task.getAssignee())) {
      throw new Forbidden("Only the person who holds the task delegates it.");
    }
    requireChoosable("to", to, task);
    asCaller(caller, () -> tasks.delegateTask(taskId, to));
    return asItIsNow(change);
  }

  /** The delegate hands the task back to its holder. */
  @Transactional
  public TaskView resolve(Caller caller, String taskId) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (task.getDelegationState() != DelegationState.PENDING) {
      throw new Conflict("The task is not delegated.", asItIs(change));
    }
    if (!caller.username().equals(task.getAssignee())) {
      throw new Forbidden(
          "Only " + task.getAssignee() + ", to whom it was delegated, resolves it.");
    }
    asCaller(caller, () -> tasks.resolveTask(taskId));
    return asItIsNow(change);
  }

  /** Sets (or, with null, clears) the day the holder wants to look at the task again. */
  @Transactional
  public TaskView followUp(Caller caller, String taskId, LocalDate on) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (!caller.username().equals(task.getAssignee()) && !overseesTeams(caller)) {
      throw new Forbidden(
          "Only the person who holds the task, or a coordinator, sets its follow-up date.");
    }
    task.setFollowUpDate(
        on == null ? null : Date.from(on.atStartOfDay(ZoneOffset.UTC).toInstant()));
    asCaller(caller, () -> tasks.saveTask(task));
    return asItIsNow(change);
  }

  /**
   * Only a person of the task's country team may be given it and, for an agency's task, only that
   * agency's people or a coordinator: nobody else is assigned, or told of it.
   */
  private void requireChoosable(String field, String username, Task task) {
    requireUsername(field, username);
    String team = task.getTenantId();
    Person person =
        people
            .find(username)
            .filter(known -> known.belongsTo(team))
            .orElseThrow(
                () ->
                    new InvalidInput(
                        field,
                        username
                            + " is not a person of the country team "
                            + team
                            + " (GET /api/people?countryTeam="
                            + team
                            + " lists them)"));
    Set<String> agencies = agenciesOf(task.getId());
    if (!agencies.isEmpty()
        && (person.agency() == null || !agencies.contains(person.agency()))
        && !person.roles().contains(Caller.COORDINATOR)) {
      throw new InvalidInput(
          field,
          "the task is for "
              + String.join(", ", agencies)
              + "; choose one of its people or a coordinator ("
              + username
              + (person.agency() == null
                  ? " works for no agency)"
                  : " works for " + person.agency() + ")"));
    }
  }

  /**
   * The agencies a task is offered to: its candidate groups that are an agency ({@code UNICEF}) or
   * a role within one ({@code head-of-office:UNICEF}); none for a task of coordinators.
   */
  private Set<String> agenciesOf(String taskId) {
    Set<String> agencies = new TreeSet<>();
    for (String group : candidateGroups(taskId)) {
      int colon = group.indexOf(':');
      if (colon >= 0) {
        agencies.add(group.substring(colon + 1));
      } else if (!Caller.ACTING_ROLES.contains(group)
          && !group.equals(Caller.VIEWER)
          && !group.equals(Caller.PLATFORM_ADMIN)) {
        agencies.add(group);
      }
    }
    return agencies;
  }

  private static void requireUsername(String field, String username) {
    if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
      throw new InvalidInput(field, "must be a username (letters, digits, . _ @ -)");
    }
  }

  /** Comments on a task the caller sees, oldest first. */
  @Transactional(readOnly = true)
  List<TaskComment> comments(Caller caller, String taskId) {
    visibleTask(caller, taskId);
    return tasks.getTaskComments(taskId).stream()
        .sorted(Comparator.comparing(Comment::getTime))
        .map(TaskComment::of)
        .toList();
  }

  /** Adds the caller's comment to a task they see. */
  @Transactional
  TaskComment comment(Caller caller, String taskId, String text) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (text == null || text.isBlank()) {
      throw new InvalidInput("text", "is required");
    }
    if (text.length() > TaskComment.MAX_LENGTH) {
      throw new InvalidInput("text", "must be at most " + TaskComment.MAX_LENGTH + " characters");
    }
    Comment[] added = new Comment[1];
    asCaller(
        caller, () -> added[0] = tasks.createComment(taskId, task.getProcessInstanceId(), text));
    return TaskComment.of(added[0]);
  }

  @Transactional(readOnly = true)
  public TaskView get(Caller caller, String taskId) {
    return view(visibleTask(caller, taskId), true);
  }

  /** Takes the task; claiming a task one already holds changes nothing. */
  @Transactional
  public TaskView claim(Caller caller, String taskId) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (!caller.username().equals(task.getAssignee())
        && !offeredTo(caller, taskId)
        && !caller.hasRole(Caller.ADMIN)) {
      throw new Forbidden("The task is not offered to your groups; a coordinator can assign it.");
    }
    if (caller.username().equals(task.getAssignee())) {
      return asItIs(change);
    }
    if (task.getAssignee() != null) {
      throw new Conflict(
          "The task is already claimed by " + task.getAssignee() + ".", asItIs(change));
    }
    asCaller(caller, () -> tasks.claim(taskId, caller.username()));
    return asItIsNow(change);
  }

  /** Gives the task back to its candidate groups. */
  @Transactional
  public TaskView unclaim(Caller caller, String taskId) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (task.getAssignee() == null) {
      return asItIs(change);
    }
    if (!caller.username().equals(task.getAssignee()) && !overseesTeams(caller)) {
      throw new Forbidden(
          "Only "
              + task.getAssignee()
              + ", who holds the task, or a coordinator can give it back.");
    }
    asCaller(caller, () -> tasks.setAssignee(taskId, null));
    return asItIsNow(change);
  }

  /** Completes the task with the inputs its form takes. */
  @Transactional
  public void complete(Caller caller, String taskId, Map<String, Object> input) {
    TaskChange change = change(caller, taskId);
    Task task = change.task();
    if (task.getDelegationState() == DelegationState.PENDING) {
      throw new Conflict(
          "The task is delegated to "
              + task.getAssignee()
              + ": they resolve it, then "
              + task.getOwner()
              + " completes it.",
          asItIs(change));
    }
    if (task.getAssignee() == null) {
      throw new Conflict("Claim the task before completing it.", asItIs(change));
    }
    if (!caller.username().equals(task.getAssignee())) {
      throw new Forbidden(
          "The task is held by " + task.getAssignee() + "; only the assignee completes it.");
    }
    TaskForm form = forms.get(task.getTaskDefinitionKey());
    FormInput formInput = new FormInput(input);
    Map<String, Object> variables;
    if (form == null) {
      formInput.onlyFields(List.of()).throwIfInvalid();
      variables = Map.of();
    } else {
      variables =
          form.submit(
              caller,
              new TaskForm.TaskContext(
                  change.review().id(), task.getTaskDefinitionKey(), tasks.getVariables(taskId)),
              formInput);
    }
    asCaller(caller, () -> tasks.complete(taskId, variables));
  }

  /**
   * The first step of every change of a task: the task, which the caller must see and may change,
   * and its review, which the audit is told the change concerns.
   */
  public TaskChange change(Caller caller, String taskId) {
    Task task = changeableTask(caller, taskId);
    Review review = reviewOf(task);
    audits.concerns(review.id(), taskId);
    return new TaskChange(task, review);
  }

  /**
   * A task the caller sees and may change: viewers see tasks but change none (403). Read once any
   * other change of it has ended, and no other change begins before this one ends.
   */
  Task changeableTask(Caller caller, String taskId) {
    locks.lock(taskId);
    Task task;
    try {
      task = visibleTask(caller, taskId);
    } catch (NotFound notVisible) {
      Optional<Conflict> finished = finishedTask(caller, taskId);
      throw finished.isPresent() ? finished.get() : notVisible;
    }
    if (caller.readOnly()) {
      throw new Forbidden("Viewers see reviews and tasks but do not change them.");
    }
    return task;
  }

  Task visibleTask(Caller caller, String taskId) {
    if (caller.countryTeams().isEmpty()) {
      throw new NotFound("Task", taskId);
    }
    Task task =
        tasks
            .createTaskQuery()
            .taskId(taskId)
            .tenantIdIn(caller.countryTeams().toArray(String[]::new))
            .singleResult();
    if (task == null) {
      throw new NotFound("Task", taskId);
    }
    if (caller.username().equals(task.getAssignee()) || overseesTeams(caller)) {
      return task;
    }
    Set<String> groups = caller.groups();
    if (candidateGroups(taskId).stream().noneMatch(groups::contains)) {
      throw new NotFound("Task", taskId);
    }
    return task;
  }

  /**
   * The loser of a race to finish a task learns what became of it (409 with its state) rather than
   * a bare 404, if the finished task was one they saw.
   */
  private Optional<Conflict> finishedTask(Caller caller, String taskId) {
    Optional<HistoricTaskInstance> seen = finishedSeenBy(caller, taskId);
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    HistoricTaskInstance finished = seen.get();
    String outcome = "completed".equals(finished.getDeleteReason()) ? "completed" : "cancelled";
    return Optional.of(
        new Conflict(
            "The task was already "
                + outcome
                + (finished.getAssignee() == null
                    ? ""
                    : " (held by " + finished.getAssignee() + ")")
                + " at "
                + finished.getEndTime().toInstant()
                + ".",
            new FinishedTask(
                finished.getId(),
                finished.getName(),
                finished.getTaskDefinitionKey(),
                outcome,
                finished.getAssignee(),
                finished.getEndTime().toInstant())));
  }

  /** A finished task of the caller's country teams that they saw while it was open. */
  private Optional<HistoricTaskInstance> finishedSeenBy(Caller caller, String taskId) {
    if (caller.countryTeams().isEmpty()) {
      return Optional.empty();
    }
    HistoricTaskInstance finished =
        history
            .createHistoricTaskInstanceQuery()
            .taskId(taskId)
            .tenantIdIn(caller.countryTeams().toArray(String[]::new))
            .finished()
            .singleResult();
    if (finished == null) {
      return Optional.empty();
    }
    boolean sawIt =
        overseesTeams(caller)
            || caller.username().equals(finished.getAssignee())
            || history
                .createHistoricIdentityLinkLogQuery()
                .taskId(taskId)
                .type(IdentityLinkType.CANDIDATE)
                .list()
                .stream()
                .anyMatch(link -> caller.groups().contains(link.getGroupId()));
    return sawIt ? Optional.of(finished) : Optional.empty();
  }

  /**
   * Checks that the caller sees the task, open or finished (a finished one if they saw it while it
   * was open): what was attached to a draft stays readable while the text is cleared.
   */
  void requireSeen(Caller caller, String taskId) {
    try {
      visibleTask(caller, taskId);
    } catch (NotFound notVisible) {
      if (finishedSeenBy(caller, taskId).isEmpty()) {
        throw notVisible;
      }
    }
  }

  private boolean offeredTo(Caller caller, String taskId) {
    Set<String> groups = caller.groups();
    return candidateGroups(taskId).stream().anyMatch(groups::contains);
  }

  /** Coordinators and admins oversee every task of their country teams. */
  private static boolean overseesTeams(Caller caller) {
    return caller.hasRole(Caller.COORDINATOR) || caller.hasRole(Caller.ADMIN);
  }

  private Task reload(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult();
  }

  Review reviewOf(Task task) {
    Review review =
        reviews
            .byProcessInstance(Set.of(task.getProcessInstanceId()))
            .get(task.getProcessInstanceId());
    if (review == null) {
      throw new IllegalStateException("Task " + task.getId() + " belongs to no review");
    }
    return review;
  }

  private List<String> candidateGroups(String taskId) {
    return tasks.getIdentityLinksForTask(taskId).stream()
        .filter(
            link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .sorted()
        .toList();
  }

  /** The task as it was when the change began. */
  private TaskView asItIs(TaskChange change) {
    return view(change.task(), change.review(), false);
  }

  /** The task as the change left it. */
  private TaskView asItIsNow(TaskChange change) {
    return view(reload(change.task().getId()), change.review(), false);
  }

  private TaskView view(Task task, boolean withForm) {
    return view(task, reviewOf(task), withForm);
  }

  private TaskView view(Task task, Review review, boolean withForm) {
    TaskForm form = forms.get(task.getTaskDefinitionKey());
    return new TaskView(
        task.getId(),
        task.getName(),
        task.getTaskDefinitionKey(),
        review == null ? null : review.id(),
        task.getTenantId(),
        review == null ? null : review.session(),
        task.getAssignee(),
        candidateGroups(task.getId()),
        instant(task.getCreateTime()),
        instant(task.getDueDate()),
        instant(task.getFollowUpDate()),
        task.getOwner(),
        task.getDelegationState() == null ? null : task.getDelegationState().name(),
        version(task),
        withForm ? (form == null ? Collections.emptyList() : form.fields()) : null,
        withForm && form != null && review != null
            ? form.words(
                new TaskForm.TaskContext(
                    review.id(), task.getTaskDefinitionKey(), tasks.getVariables(task.getId())))
            : null);
  }

  /** The task's revision, which the engine raises with every change of it. */
  private static Integer version(Task task) {
    return task instanceof TaskEntity entity ? entity.getRevision() : null;
  }

  /**
   * Refuses a change of a task that changed since the caller read it (409 with the task as it is
   * now). Called in the transaction of the change.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void expectVersion(Caller caller, String taskId, int expected) {
    Task task = changeableTask(caller, taskId);
    Integer version = version(task);
    if (version != null && version != expected) {
      throw new Conflict(
          "The task changed since you read it (version "
              + expected
              + ", now "
              + version
              + "); look at it again.",
          view(task, reviewOf(task), false));
    }
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }

  private void asCaller(Caller caller, Runnable command) {
    identity.setAuthentication(
        caller.username(), List.copyOf(caller.groups()), List.copyOf(caller.countryTeams()));
    try {
      command.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** What a finished task looks like to the one who came too late. */
  record FinishedTask(
      String id, String name, String taskKey, String state, String assignee, Instant finished) {}
}
