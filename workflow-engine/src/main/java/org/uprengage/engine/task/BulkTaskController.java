package org.uprengage.engine.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.audit.AuditedChanges;
import org.uprengage.engine.problem.Conflict;
import org.uprengage.engine.problem.DomainProblem;
import org.uprengage.engine.problem.InvalidInput;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.web.ProblemDetails;

/**
 * Bulk claim, assign and complete: each task is its own transaction, with its own audit row, and
 * gets its own result, so one that fails leaves the others done. At most {@value #MAX_ITEMS} tasks
 * a request.
 */
@RestController
@RequestMapping("/api/tasks/bulk")
class BulkTaskController {

  static final int MAX_ITEMS = 50;

  private final TaskWork work;
  private final AuditedChanges changes;

  BulkTaskController(TaskWork work, AuditedChanges changes) {
    this.work = work;
    this.changes = changes;
  }

  @PostMapping("/claim")
  List<ItemResult> claim(Caller caller, @RequestBody Bulk request) {
    return each(request, id -> work.claim(caller, id));
  }

  @PostMapping("/assign")
  List<ItemResult> assign(Caller caller, @RequestBody Bulk request) {
    return each(request, id -> work.assign(caller, id, request.assignee()));
  }

  @PostMapping("/complete")
  List<ItemResult> complete(Caller caller, @RequestBody Bulk request) {
    return each(
        request,
        id -> {
          work.complete(caller, id, request.input());
          return null;
        });
  }

  private List<ItemResult> each(Bulk request, Function<String, TaskView> action) {
    if (request.taskIds() == null || request.taskIds().isEmpty()) {
      throw new InvalidInput("taskIds", "name at least one task");
    }
    if (request.taskIds().size() > MAX_ITEMS) {
      throw new InvalidInput("taskIds", "at most " + MAX_ITEMS + " tasks a request");
    }
    List<ItemResult> results = new ArrayList<>();
    for (String id : request.taskIds()) {
      results.add(one(id, action));
    }
    return results;
  }

  private ItemResult one(String id, Function<String, TaskView> action) {
    try {
      TaskView task =
          TaskController.onceMoreIfConcurrent(() -> changes.commitFor(id, () -> action.apply(id)));
      return new ItemResult(id, 200, task, null);
    } catch (DomainProblem problem) {
      return failed(id, problem);
    } catch (OptimisticLockingException lost) {
      return failed(id, new Conflict("Someone else changed this task at the same time."));
    }
  }

  private ItemResult failed(String taskId, DomainProblem problem) {
    ProblemDetail body = ProblemDetails.of(problem);
    changes.refused(body.getStatus());
    return new ItemResult(taskId, body.getStatus(), null, body);
  }

  /** The tasks and, for assign, the assignee; for complete, the inputs every task takes. */
  record Bulk(List<String> taskIds, String assignee, Map<String, Object> input) {}

  /** What happened to one task: its status, the task as it is now, or the problem. */
  record ItemResult(String taskId, int status, TaskView task, ProblemDetail problem) {}
}
