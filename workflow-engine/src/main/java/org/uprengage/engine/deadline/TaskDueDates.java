package org.uprengage.engine.deadline;

import java.time.LocalDate;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.uprengage.engine.review.Review;
import org.uprengage.engine.security.Caller;
import org.uprengage.engine.task.TaskChange;
import org.uprengage.engine.task.TaskView;
import org.uprengage.engine.task.TaskWork;
import org.uprengage.engine.web.ApiProblem;

/** One task's own due date, set by a coordinator, with its watch and a "deadline changed". */
@Service
public class TaskDueDates {

  private final TaskWork work;
  private final DeadlinePlanner planner;

  TaskDueDates(TaskWork work, DeadlinePlanner planner) {
    this.work = work;
    this.planner = planner;
  }

  @Transactional
  public TaskView set(Caller caller, String taskId, LocalDate on, Integer expectedVersion) {
    if (expectedVersion != null) {
      work.expectVersion(caller, taskId, expectedVersion);
    }
    TaskChange change = work.change(caller, taskId);
    if (!Review.ACTIVE.equals(change.review().state())) {
      throw ApiProblem.conflict("The review has ended; its tasks' dates no longer move.");
    }
    planner.setTaskDue(caller, change.task(), change.review(), on);
    return work.get(caller, taskId);
  }

  @RestController
  static class Endpoint {

    private final TaskDueDates dueDates;

    Endpoint(TaskDueDates dueDates) {
      this.dueDates = dueDates;
    }

    @PostMapping("/api/tasks/{id}/due")
    ResponseEntity<TaskView> due(
        Caller caller,
        @PathVariable String id,
        @RequestBody Due due,
        @org.springframework.web.bind.annotation.RequestHeader(name = "If-Match", required = false)
            String ifMatch) {
      TaskView task = dueDates.set(caller, id, due.on(), TaskView.versionIn(ifMatch));
      ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
      if (task.version() != null) {
        ok.eTag(String.valueOf(task.version()));
      }
      return ok.body(task);
    }

    record Due(LocalDate on) {}
  }
}
