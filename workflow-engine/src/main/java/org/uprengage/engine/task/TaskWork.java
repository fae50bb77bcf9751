package org.uprengage.engine.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.core.variable.scope.AbstractVariableScope;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.uprengage.engine.audit.AuditEntry;
import org.uprengage.engine.audit.AuditTrail;
import org.uprengage.engine.people.People;
import org.uprengage.engine.people.Person;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.DomainProblem;
import org.uprengage.engine.problem.Forbidden;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.problem.NotFound;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.review.ReviewWorkflow;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskLocks.TaskReview;

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
  private final CandidateGroups candidates;
  private final CommandExecutor engine;
  private final TaskListQuery lists;

  TaskWork(
      TaskService tasks,
      HistoryService history,
      IdentityService identity,
      ReviewWorkflow reviews,
      List<TaskForm> forms,
      AuditTrail audits,
      TaskLocks locks,
      People people,
      CandidateGroups candidates,
      ProcessEngineConfigurationImpl engine,
      TaskListQuery lists) {
    this.tasks = tasks;
    this.history = history;
    this.identity = identity;
    this.reviews = reviews;
    this.forms = new HashMap<>();
    forms.forEach(form -> form.taskKeys().forEach(key -> this.forms.put(key, form)));
    this.audits = audits;
    this.locks = locks;
    this.people = people;
    this.candidates = candidates;
    this.engine = engine.getCommandExecutorTxRequired();
    this.lists = lists;
  }

  /**
   * The caller's tasks as the filter says, in bounded pages: one statement (the page, each task's
   * groups and review, and whether a task follows the page), and a count only when tasks follow the
   * page or the page is past the last.
   */
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
    TaskListQuery.Found listed = lists.find(caller, filter, page, size);
    List<TaskView> found = listed.page();
    // a page that no task follows is the last one: then the total is known without counting
    long total =
        !listed.more() && (!found.isEmpty() || page == 0)
            ? (long) page * size + found.size()
            : listed.total().getAsLong();
    return new TaskPage(found, page, size, total);
  }

  /** A coordinator (or admin) assigns the task to someone, or to someone else. */
  @Transactional
  public TaskView assign(Caller caller, String taskId, String assignee) {
    Change change = changeOf(caller, taskId);
    Task task = change.task();
    if (!overseesTeams(caller)) {
      throw new Forbidden("Only coordinators and admins assign tasks; you can claim it.");
    }
    requireChoosable("assignee", assignee, change.read());
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
    Change change = changeOf(caller, taskId);
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
    requireChoosable("to", to, change.read());
    asCaller(caller, () -> tasks.delegateTask(taskId, to));
    return asItIsNow(change);
  }

  /** The delegate hands the task back to its holder. */
  @Transactional
  public TaskView resolve(Caller caller, String taskId) {
    Change change = changeOf(caller, taskId);
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
    Change change = changeOf(caller, taskId);
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
  private void requireChoosable(String field, String username, Read read) {
    Task task = read.task();
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
    Set<String> agencies = agenciesOf(read.candidateGroups());
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
  private static Set<String> agenciesOf(List<String> candidateGroups) {
    Set<String> agencies = new TreeSet<>();
    for (String group : candidateGroups) {
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
    Task task = changeOf(caller, taskId).task();
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
    Read read = visibleTask(caller, taskId);
    return view(read, taskReview(reviewOf(read.task())), true);
  }

  /** Takes the task; claiming a task one already holds changes nothing. */
  @Transactional
  public TaskView claim(Caller caller, String taskId) {
    return claim(caller, taskId, null);
  }

  /**
   * Takes the task, if its version is still {@code expected} (any version when null), in one engine
   * command: the check, the claim and the answer, which is the task as the claim left it.
   */
  @Transactional
  public TaskView claim(Caller caller, String taskId, Integer expected) {
    return reassign(
        caller,
        taskId,
        expected,
        caller.username(),
        (change, asItIs) -> {
          if (!offeredTo(caller, change.read()) && !caller.hasRole(Caller.ADMIN)) {
            throw new Forbidden(
                "The task is not offered to your groups; a coordinator can assign it.");
          }
          if (change.task().getAssignee() != null) {
            throw new Conflict(
                "The task is already claimed by " + change.task().getAssignee() + ".", asItIs);
          }
        },
        () -> tasks.claim(taskId, caller.username()));
  }

  /** Gives the task back to its candidate groups. */
  @Transactional
  public TaskView unclaim(Caller caller, String taskId) {
    return unclaim(caller, taskId, null);
  }

  /**
   * Gives the task back to its candidate groups, if its version is still {@code expected} (any
   * version when null), in one engine command as {@link #claim(Caller, String, Integer)}.
   */
  @Transactional
  public TaskView unclaim(Caller caller, String taskId, Integer expected) {
    return reassign(
        caller,
        taskId,
        expected,
        null,
        (change, asItIs) -> {
          String holder = change.task().getAssignee();
          if (!caller.username().equals(holder) && !overseesTeams(caller)) {
            throw new Forbidden(
                "Only " + holder + ", who holds the task, or a coordinator can give it back.");
          }
        },
        () -> tasks.setAssignee(taskId, null));
  }

  /**
   * Gives the task to {@code to} (null: to nobody) in one engine command, unless it is theirs
   * already (then the answer is the task as it is): {@code refuse} checks the change, given the
   * task as it is, {@code command} makes it as the caller, and the answer is the task as the change
   * left it, without reading it again.
   */
  private TaskView reassign(
      Caller caller,
      String taskId,
      Integer expected,
      String to,
      BiConsumer<Change, TaskView> refuse,
      Runnable command) {
    return inOneCommand(
        caller,
        taskId,
        expected,
        true,
        change -> {
          TaskView asItIs = asItIs(change);
          if (Objects.equals(to, change.task().getAssignee())) {
            return () -> asItIs;
          }
          refuse.accept(change, asItIs);
          return () -> {
            asCaller(caller, command);
            return reassigned(asItIs, to);
          };
        });
  }

  /** Completes the task with the inputs its form takes. */
  @Transactional
  public void complete(Caller caller, String taskId, Map<String, Object> input) {
    complete(caller, taskId, input, null);
  }

  /**
   * Completes the task with the inputs its form takes, if its version is still {@code expected}
   * (any version when null), in one engine command: the check, the form's variables (only those it
   * names), the form's validation and what it records, and the completion, flushed once. A refused
   * form leaves the task as it was.
   */
  @Transactional
  public void complete(Caller caller, String taskId, Map<String, Object> input, Integer expected) {
    inOneCommand(
        caller,
        taskId,
        expected,
        false,
        change -> {
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
                        change.reviewId(),
                        task.getTaskDefinitionKey(),
                        variablesInCommand(task, form)),
                    formInput);
          }
          return () -> {
            asCaller(caller, () -> tasks.complete(taskId, variables));
            return null;
          };
        });
  }

  /**
   * Runs a change of one task as one engine command, so that the engine reads the task, its
   * candidate links, its executions and their variables once, keeps them for every step and flushes
   * once: {@code decide} checks the change (the task as {@link #changeOf} reads it, and the version
   * the caller expects) and returns the engine's part, which gives the answer. A refusal, thrown by
   * {@code decide}, ends the command with nothing changed and is thrown after it, so the engine
   * does not log it as a failed command; whatever the engine's part throws ends the command as
   * before.
   */
  private <T> T inOneCommand(
      Caller caller,
      String taskId,
      Integer expected,
      boolean answersWithReview,
      Function<Change, Supplier<T>> decide) {
    Decided<T> decided =
        engine.execute(
            context -> {
              Supplier<T> act;
              try {
                act = decide.apply(changeOf(caller, taskId, expected, answersWithReview));
              } catch (DomainProblem refused) {
                return new Decided<>(null, refused);
              }
              return new Decided<>(act.get(), null);
            });
    if (decided.refused() != null) {
      throw decided.refused();
    }
    return decided.answer();
  }

  /** What a command run by {@link #inOneCommand} came to: its answer, or why it was refused. */
  private record Decided<T>(T answer, DomainProblem refused) {}

  /**
   * The first step of every change of a task: the task, which the caller must see and may change,
   * and its review, which the audit is told the change concerns.
   */
  public TaskChange change(Caller caller, String taskId) {
    Read read = changeableTask(caller, taskId);
    Review review = reviewOf(read.task());
    audits.concerns(review.id(), taskId);
    return new TaskChange(read.task(), review);
  }

  private Change changeOf(Caller caller, String taskId) {
    Read read = changeableTask(caller, taskId);
    TaskReview review = taskReview(reviewOf(read.task()));
    audits.concerns(review.id(), taskId);
    return new Change(read, review.id(), () -> review);
  }

  /**
   * {@link #changeOf} inside an engine command: the task read by its id through the command's
   * cache, which the command's own steps then use, and refused if its version is not {@code
   * expected} (any version when null).
   */
  private Change changeOf(
      Caller caller, String taskId, Integer expected, boolean answersWithReview) {
    Optional<TaskReview> readWithLock;
    if (answersWithReview) {
      readWithLock = locks.lockReadingReview(taskId);
    } else {
      locks.lock(taskId);
      readWithLock = Optional.empty();
    }
    Read read;
    try {
      read = visibleTaskInCommand(caller, taskId);
    } catch (NotFound notVisible) {
      Optional<Conflict> finished = finishedTask(caller, taskId);
      throw finished.isPresent() ? finished.get() : notVisible;
    }
    if (caller.readOnly()) {
      throw new Forbidden("Viewers see reviews and tasks but do not change them.");
    }
    Supplier<TaskReview> review =
        memoized(() -> readWithLock.orElseGet(() -> taskReview(reviewOf(read.task()))));
    if (expected != null) {
      requireVersion(read, review, expected);
    }
    UUID reviewId =
        readWithLock
            .map(TaskReview::id)
            .or(() -> reviewIdOf(read.task()))
            .orElseGet(() -> review.get().id());
    audits.concerns(reviewId, taskId);
    return new Change(read, reviewId, review);
  }

  /**
   * The id of the task's review from its process instance's business key (the review's id on the
   * review's own instance and on each of its stages'), without reading the review: the engine reads
   * the instance's executions for the change anyway, and the task's execution and the instance come
   * from that read. Empty for a task outside a process or a key that is no review id.
   */
  private static Optional<UUID> reviewIdOf(Task task) {
    if (task instanceof TaskEntity entity && entity.getExecution() != null) {
      String key = entity.getExecution().getProcessBusinessKey();
      if (key != null && TaskEventRecorder.REVIEW_ID.matcher(key).matches()) {
        return Optional.of(UUID.fromString(key));
      }
    }
    return Optional.empty();
  }

  /** {@code supplier}, asked once at most. */
  private static <T> Supplier<T> memoized(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  /**
   * {@link #visibleTask} inside an engine command: the task by its id, through the command's cache
   * (the engine's own steps find it there), with the groups it is offered to from its candidate
   * links, which the engine keeps with it too.
   */
  private Read visibleTaskInCommand(Caller caller, String taskId) {
    TaskEntity task =
        caller.countryTeams().isEmpty()
            ? null
            : Context.getCommandContext().getTaskManager().findTaskById(taskId);
    if (task == null || !caller.countryTeams().contains(task.getTenantId())) {
      throw new NotFound("Task", taskId);
    }
    Read read = new Read(task, () -> TaskEventRecorder.candidateGroups(task));
    return visible(caller, read);
  }

  /**
   * A task the caller sees and may change: viewers see tasks but change none (403). Read once any
   * other change of it has ended, and no other change begins before this one ends.
   */
  private Read changeableTask(Caller caller, String taskId) {
    locks.lock(taskId);
    Read read;
    try {
      read = visibleTask(caller, taskId);
    } catch (NotFound notVisible) {
      Optional<Conflict> finished = finishedTask(caller, taskId);
      throw finished.isPresent() ? finished.get() : notVisible;
    }
    if (caller.readOnly()) {
      throw new Forbidden("Viewers see reviews and tasks but do not change them.");
    }
    return read;
  }

  private Read visibleTask(Caller caller, String taskId) {
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
    return visible(caller, new Read(task));
  }

  /** The task read, if the caller sees it: theirs, offered to them, or of a team they oversee. */
  private static Read visible(Caller caller, Read read) {
    Task task = read.task();
    if (!mayOpen(caller, task.getAssignee(), read::candidateGroups)) {
      throw new NotFound("Task", task.getId());
    }
    return read;
  }

  /**
   * Whether the caller sees an open task of their country team (its page and its API answer; else a
   * 404): the one who holds it, coordinators and admins, and the groups it is offered to. The one
   * rule, for others that show tasks (a review's open tasks say whether each may be opened).
   */
  public static boolean mayOpen(
      Caller caller, String assignee, Collection<String> candidateGroups) {
    return mayOpen(caller, assignee, () -> candidateGroups);
  }

  /** {@link #mayOpen}, reading the task's groups only when the holder and role do not decide. */
  private static boolean mayOpen(
      Caller caller, String assignee, Supplier<? extends Collection<String>> candidateGroups) {
    if (caller.username().equals(assignee) || overseesTeams(caller)) {
      return true;
    }
    Set<String> groups = caller.groups();
    return candidateGroups.get().stream().anyMatch(groups::contains);
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

  private static boolean offeredTo(Caller caller, Read read) {
    Set<String> groups = caller.groups();
    return read.candidateGroups().stream().anyMatch(groups::contains);
  }

  /** Coordinators and admins oversee every task of their country teams. */
  private static boolean overseesTeams(Caller caller) {
    return caller.hasRole(Caller.COORDINATOR) || caller.hasRole(Caller.ADMIN);
  }

  private Task reload(String taskId) {
    return tasks.createTaskQuery().taskId(taskId).singleResult();
  }

  /**
   * The variables of the task that its form reads, and only those: the engine reads each of them
   * where the task sees it, instead of every variable of the process.
   */
  private Map<String, Object> variables(String taskId, TaskForm form) {
    return FormVariables.read(tasks, taskId, form.variables());
  }

  /**
   * The variables of the task that its form's submission reads, inside an engine command: the
   * scopes the task sees (the task, its executions up to its process instance) are read whole, the
   * nearest first, until each name is found, and the command keeps them. The completion that
   * follows reads those scopes whole; a read by name is not kept, so it cost one statement per
   * scope more. The scopes above the last name found and the values of other variables (the
   * review's agencies, serialized apart) are not read for it.
   */
  private Map<String, Object> variablesInCommand(Task task, TaskForm form) {
    Set<String> names = form.submitVariables();
    if (!names.isEmpty() && task instanceof TaskEntity entity) {
      Set<String> missing = new HashSet<>(names);
      for (AbstractVariableScope scope = entity;
          scope != null && !missing.isEmpty();
          scope = scope.getParentVariableScope()) {
        scope.getVariableInstancesLocal().forEach(variable -> missing.remove(variable.getName()));
      }
    }
    return FormVariables.read(tasks, task.getId(), names);
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

  /** What a task's answer names of the review given. */
  private static TaskReview taskReview(Review review) {
    return new TaskReview(review.id(), review.session());
  }

  /** The task as it was when the change began. */
  private TaskView asItIs(Change change) {
    return view(change.read(), change.review().get(), false);
  }

  /** The task as the change left it, read again. */
  private TaskView asItIsNow(Change change) {
    Task now = reload(change.task().getId());
    return view(now, change.read().candidateGroups(), change.review().get(), false);
  }

  /**
   * The task as a change of its assignee alone left it, without reading it again: the engine stored
   * the task once more, which raised its revision by one.
   */
  private static TaskView reassigned(TaskView before, String assignee) {
    return new TaskView(
        before.id(),
        before.name(),
        before.taskKey(),
        before.reviewId(),
        before.country(),
        before.session(),
        assignee,
        before.candidateGroups(),
        before.created(),
        before.due(),
        before.followUp(),
        before.owner(),
        before.delegationState(),
        before.version() == null ? null : before.version() + 1,
        before.form(),
        before.words(),
        before.recommendations(),
        before.previousRecommendations());
  }

  private TaskView view(Read read, TaskReview review, boolean withForm) {
    return view(read.task(), read.candidateGroups(), review, withForm);
  }

  private TaskView view(
      Task task, List<String> candidateGroups, TaskReview review, boolean withForm) {
    TaskForm form = forms.get(task.getTaskDefinitionKey());
    TaskForm.TaskContext context =
        withForm && form != null && review != null
            ? new TaskForm.TaskContext(
                review.id(), task.getTaskDefinitionKey(), variables(task.getId(), form))
            : null;
    return new TaskView(
        task.getId(),
        task.getName(),
        task.getTaskDefinitionKey(),
        review == null ? null : review.id(),
        task.getTenantId(),
        review == null ? null : review.session(),
        task.getAssignee(),
        candidateGroups,
        instant(task.getCreateTime()),
        instant(task.getDueDate()),
        instant(task.getFollowUpDate()),
        task.getOwner(),
        task.getDelegationState() == null ? null : task.getDelegationState().name(),
        version(task),
        withForm ? (form == null ? Collections.emptyList() : form.fields()) : null,
        context == null ? null : form.words(context),
        context == null ? null : form.recommendations(context),
        context == null ? null : form.previousRecommendations(context));
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
    Read read = changeableTask(caller, taskId);
    requireVersion(read, () -> taskReview(reviewOf(read.task())), expected);
  }

  /**
   * Refuses the change if the task is not at the version expected (409 with the task as it is, of
   * its review).
   */
  private void requireVersion(Read read, Supplier<TaskReview> review, int expected) {
    Integer version = version(read.task());
    if (version != null && version != expected) {
      throw new Conflict(
          "The task changed since you read it (version "
              + expected
              + ", now "
              + version
              + "); look at it again.",
          view(read, review.get(), false));
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

  /**
   * A task as read for one request, with the groups it is offered to, read once when first needed
   * (the check, the command and the answer ask for them).
   */
  private final class Read {
    private final Task task;
    private final Supplier<List<String>> offered;
    private List<String> candidateGroups;

    Read(Task task) {
      this(task, () -> candidates.of(task.getId()));
    }

    Read(Task task, Supplier<List<String>> offered) {
      this.task = task;
      this.offered = offered;
    }

    Task task() {
      return task;
    }

    List<String> candidateGroups() {
      if (candidateGroups == null) {
        candidateGroups = offered.get();
      }
      return candidateGroups;
    }
  }

  /**
   * A task the caller is about to change, as read once, the id of its review and the review as an
   * answer names it (read when first needed, if not read with the task's lock).
   */
  private record Change(Read read, UUID reviewId, Supplier<TaskReview> review) {
    Task task() {
      return read.task();
    }
  }

  /** What a finished task looks like to the one who came too late. */
  record FinishedTask(
      String id, String name, String taskKey, String state, String assignee, Instant finished) {}
}
