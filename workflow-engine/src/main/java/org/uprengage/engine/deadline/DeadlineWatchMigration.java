package org.uprengage.engine.deadline;

import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.uprengage.engine.review.ReviewProcess;

/**
 * At start, moves the watches still running as {@code upr-deadline-watch} processes (started before
 * watches became rows of {@link DeadlineWatches}) into the table and ends those processes, one
 * transaction each: the watch keeps its task, due date and next alert (where its timer was, so a
 * reminder already sent does not come again); a watch whose task is gone just ends. Nodes that
 * start together share the work: one that finds a process already ended by another goes on.
 */
@Component
public class DeadlineWatchMigration {

  private static final Logger log = LoggerFactory.getLogger(DeadlineWatchMigration.class);

  private final RuntimeService runtime;
  private final ManagementService management;
  private final TaskService tasks;
  private final DeadlineWatches watches;
  private final TransactionTemplate transactions;

  DeadlineWatchMigration(
      RuntimeService runtime,
      ManagementService management,
      TaskService tasks,
      DeadlineWatches watches,
      PlatformTransactionManager transactionManager) {
    this.runtime = runtime;
    this.management = management;
    this.tasks = tasks;
    this.watches = watches;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    int moved = moveAll();
    if (moved > 0) {
      log.info("Moved {} deadline watch processes into upr_deadline_watch", moved);
    }
  }

  /** Moves every running watch process; returns how many this call moved. */
  public int moveAll() {
    int moved = 0;
    for (ProcessInstance instance :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(DeadlineWatchProcess.PROCESS_KEY)
            .list()) {
      try {
        Boolean done = transactions.execute(status -> move(instance.getId()));
        moved += Boolean.TRUE.equals(done) ? 1 : 0;
      } catch (OptimisticLockingException e) {
        log.debug("Watch process {} moved by another node", instance.getId());
      }
    }
    return moved;
  }

  private boolean move(String instanceId) {
    Map<String, Object> variables;
    try {
      variables = runtime.getVariables(instanceId);
    } catch (NullValueException e) {
      return false; // ended meanwhile, by another node
    }
    String taskId = (String) variables.get(DeadlineWatchProcess.VAR_TASK_ID);
    Date due = (Date) variables.get(DeadlineWatchProcess.VAR_DUE_DATE);
    Task task = taskId == null ? null : tasks.createTaskQuery().taskId(taskId).singleResult();
    if (task != null && due != null) {
      Job timer = management.createJobQuery().processInstanceId(instanceId).timers().singleResult();
      watches.adopt(
          new DeadlineWatches.WatchedTask(
              taskId,
              task.getName(),
              UUID.fromString(variables.get(ReviewProcess.VAR_REVIEW_ID).toString()),
              (String) variables.get(ReviewProcess.VAR_COUNTRY),
              (String) variables.get(DeadlineWatchProcess.VAR_MILESTONE)),
          due,
          timer != null ? timer.getDuedate() : watches.nextAlert(due));
    }
    runtime.deleteProcessInstanceIfExists(
        instanceId, "deadline watch moved to upr_deadline_watch", true, false, true, true);
    return true;
  }
}
